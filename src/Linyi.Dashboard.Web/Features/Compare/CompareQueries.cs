using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Map;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Compare;

/// <summary>
/// An indicator, period and unit with results for at least two districts or counties. One indicator is one measure,
/// so growth rates and levels are never in the same choice; the unit is part of the key because a county may report
/// in 万元 what another reports in 元.
/// </summary>
public sealed record Comparable(string IndicatorCode, string NameZh, string NameEn, Period Period, string Unit, Measure Measure, int Counties);

public sealed record RankedRow(DataRow Row, int Rank);

public sealed record CompareViewModel(IReadOnlyList<Comparable> Choices, Comparable? Selected, IReadOnlyList<RankedRow> Ranked,
    IReadOnlyList<RegionInfo> WithoutData, bool LowerIsBetter, CountyMap? Map);

public sealed class CompareQueries(DashboardDbContext db, DataQueries data)
{
    public async Task<IReadOnlyList<Comparable>> ChoicesAsync(CancellationToken cancellationToken) =>
        (await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Kind == ObservationKind.Actual && (o.Region!.Kind == RegionKind.District || o.Region.Kind == RegionKind.County))
            .GroupBy(o => new { o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.StartYear, o.EndYear, Unit = o.UnitCode ?? o.Indicator.UnitCode, o.Indicator.Measure })
            .Where(g => g.Count() >= 2)
            .Select(g => new { g.Key.Code, g.Key.NameZh, g.Key.NameEn, g.Key.StartYear, g.Key.EndYear, g.Key.Unit, g.Key.Measure, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(c => new Comparable(c.Code, c.NameZh, c.NameEn, new Period(c.StartYear, c.EndYear), c.Unit, c.Measure, c.Count))
            .OrderBy(c => c.IndicatorCode, StringComparer.Ordinal).ThenBy(c => c.Period.EndYear).ThenBy(c => c.Unit, StringComparer.Ordinal)
            .ToList();

    public async Task<CompareViewModel> GetAsync(string? indicator, DashboardFilter filter, Reference refs, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        // Targets are never ranked: a request for them finds no choice.
        // With no indicator asked for, the page opens on the widest comparison there is.
        var selected = filter.Kind is null or ObservationKind.Actual
            ? choices.Where(c => (indicator is null || c.IndicatorCode == indicator) && (filter.Period is not { } p || c.Period == p))
                .MaxBy(c => (c.Counties, c.Period.EndYear))
            : null;
        if (selected is null)
        {
            return new CompareViewModel(choices, null, [], [], false, null);
        }
        var rows = (await data.AllAsync(DashboardFilter.None with { Period = selected.Period, Kind = ObservationKind.Actual }, refs, cancellationToken))
            .Where(r => r.IndicatorCode == selected.IndicatorCode && r.Unit == selected.Unit)
            .ToList();
        var lower = await db.Indicators.AnyAsync(i => i.Code == selected.IndicatorCode && i.Direction == Direction.Lower, cancellationToken);
        var counties = refs.Regions.Where(CountyMap.OnMap).ToList();
        var countyRows = rows.Where(r => counties.Any(c => c.Slug == r.RegionSlug)).ToList();
        var ranked = Ranking.Rank(countyRows.OrderBy(r => r.RegionSlug, StringComparer.Ordinal), r => r.Value, lower)
            .Select(r => new RankedRow(r.Item, r.Rank)).ToList();
        var without = counties.Where(c => countyRows.All(r => r.RegionSlug != c.Slug)).ToList();
        var title = $"{Localized.Pick(selected.NameZh, selected.NameEn)} · {selected.Period}";
        return new CompareViewModel(choices, selected, ranked, without, lower, CountyMap.Choropleth("map-compare", title, selected.Unit, refs, rows));
    }
}
