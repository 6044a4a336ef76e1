using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Map;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Compare;

/// <summary>
/// An indicator, period and unit with results for at least two districts or counties. One indicator is one measure,
/// so growth rates and levels are never in the same choice; the unit is part of the key because a county may report
/// in 万元 what another reports in 元.
/// </summary>
/// <param name="UnitEn">The English name of <paramref name="Unit"/> in the indicator's own words, where it has them.</param>
public sealed record Comparable(string IndicatorCode, string NameZh, string NameEn, Period Period, string Unit, Measure Measure, int Counties, string? UnitEn = null);

public sealed record RankedRow(DataRow Row, int Rank);

public sealed record CompareViewModel(IReadOnlyList<Comparable> Choices, Comparable? Selected, IReadOnlyList<RankedRow> Ranked,
    IReadOnlyList<RegionInfo> WithoutData, bool LowerIsBetter, CountyMap? Map)
{
    /// <summary>The regions the side-by-side form offers, and the indicators it can narrow to.</summary>
    public IReadOnlyList<RegionInfo> Regions { get; init; } = [];

    public IReadOnlyList<IndicatorChoice> Indicators { get; init; } = [];

    /// <summary>The regions' figures side by side, when two or more are chosen.</summary>
    public SideBySide? Side { get; init; }

    /// <summary>The regions as chosen in the form (slugs), kept when the choice needs correcting.</summary>
    public IReadOnlyList<string> Chosen { get; init; } = [];

    public string? ChosenIndicator { get; init; }

    /// <summary>Why the side-by-side choice cannot be shown, for the form.</summary>
    public string? SideProblem { get; init; }
}

public sealed class CompareQueries(DashboardDbContext db, DataQueries data)
{
    public async Task<IReadOnlyList<Comparable>> ChoicesAsync(CancellationToken cancellationToken) =>
        (await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Kind == ObservationKind.Actual && (o.Region!.Kind == RegionKind.District || o.Region.Kind == RegionKind.County))
            .GroupBy(o => new
            {
                o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.StartYear, o.EndYear, Unit = o.UnitCode ?? o.Indicator.UnitCode, o.Indicator.Measure,
                IndicatorUnit = o.Indicator.UnitCode, o.Indicator.UnitEn,
            })
            .Where(g => g.Count() >= 2)
            .Select(g => new { g.Key.Code, g.Key.NameZh, g.Key.NameEn, g.Key.StartYear, g.Key.EndYear, g.Key.Unit, g.Key.Measure, g.Key.IndicatorUnit, g.Key.UnitEn, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(c => new Comparable(c.Code, c.NameZh, c.NameEn, new Period(c.StartYear, c.EndYear), c.Unit, c.Measure, c.Count,
                UnitNames.For(c.IndicatorUnit, c.UnitEn, c.Unit)))
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
        var rows = (await data.AllAsync(DashboardFilter.None with { Period = selected.Period, Kind = ObservationKind.Actual }, cancellationToken))
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

/// <summary>One indicator and kind, with each chosen region's latest figure of record (null where it has none).</summary>
public sealed record SideBySideRow(string IndicatorCode, string NameZh, string NameEn, ObservationKind Kind, IReadOnlyList<DataRow?> Figures)
{
    /// <summary>The regions' latest figures are of different periods: the row sets them side by side, not as equals.</summary>
    public bool PeriodsDiffer => Figures.Where(f => f is not null).Select(f => f!.Period).Distinct().Count() > 1;
}

/// <param name="Regions">The regions in the order chosen, one column each.</param>
public sealed record SideBySide(IReadOnlyList<RegionInfo> Regions, string? Indicator, IReadOnlyList<SideBySideRow> Rows)
{
    public const int MaxRegions = 4;

    /// <summary>Rows that every chosen region reports.</summary>
    public int InCommon => Rows.Count(r => r.Figures.All(f => f is not null));
}

public static class SideBySideQueries
{
    /// <summary>Each indicator and kind any of the regions reports, with each region's latest figure of record; rows all report first.</summary>
    public static async Task<SideBySide> SideBySideAsync(this DataQueries data, IReadOnlyList<RegionInfo> regions, string? indicator, Reference refs, CancellationToken cancellationToken)
    {
        var figures = new List<List<DataRow>>();
        foreach (var region in regions)
        {
            figures.Add(await data.AllAsync(DashboardFilter.None with { Region = region.Slug, IncludeOutside = true, Indicators = indicator is null ? [] : [indicator] }, cancellationToken));
        }
        DataRow? Latest(List<DataRow> rows, string code, ObservationKind kind) =>
            rows.Where(r => r.IndicatorCode == code && r.Kind == kind).OrderByDescending(r => r.EndYear).ThenByDescending(r => r.StartYear).FirstOrDefault();
        var categoryOrder = refs.Categories.ToDictionary(c => c.Slug, c => c.SortOrder);
        var rows = figures.SelectMany(f => f)
            .GroupBy(r => (r.IndicatorCode, r.Kind))
            .Select(g =>
            {
                var first = g.First();
                return (Category: categoryOrder.GetValueOrDefault(first.CategorySlug), Row: new SideBySideRow(first.IndicatorCode, first.IndicatorNameZh, first.IndicatorNameEn,
                    first.Kind, figures.Select(f => Latest(f, g.Key.IndicatorCode, g.Key.Kind)).ToList()));
            })
            .OrderBy(x => x.Row.Figures.Any(f => f is null))
            .ThenBy(x => x.Category).ThenBy(x => x.Row.IndicatorCode, StringComparer.Ordinal).ThenBy(x => x.Row.Kind)
            .Select(x => x.Row).ToList();
        return new SideBySide(regions, indicator, rows);
    }
}
