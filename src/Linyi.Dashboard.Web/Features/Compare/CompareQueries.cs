using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Compare;

/// <summary>An indicator, period and kind that at least two districts, counties or zones have figures for.</summary>
public sealed record Comparable(string IndicatorCode, string NameZh, string NameEn, Period Period, ObservationKind Kind, int Regions);

public sealed record CompareViewModel(IReadOnlyList<Comparable> Choices, Comparable? Selected, IReadOnlyList<DataRow> Ranked, bool LowerIsBetter);

public sealed class CompareQueries(DashboardDbContext db, DataQueries data)
{
    public async Task<CompareViewModel> GetAsync(string? indicator, DashboardFilter filter, Reference refs, CancellationToken cancellationToken)
    {
        var choices = (await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Region!.Kind == RegionKind.District || o.Region.Kind == RegionKind.County || o.Region.Kind == RegionKind.Zone)
            .GroupBy(o => new { o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.StartYear, o.EndYear, o.Kind })
            .Where(g => g.Count() >= 2)
            .Select(g => new { g.Key.Code, g.Key.NameZh, g.Key.NameEn, g.Key.StartYear, g.Key.EndYear, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(c => new Comparable(c.Code, c.NameZh, c.NameEn, new Period(c.StartYear, c.EndYear), c.Kind, c.Count))
            .OrderBy(c => c.IndicatorCode, StringComparer.Ordinal).ThenBy(c => c.Period.EndYear).ThenBy(c => c.Kind)
            .ToList();
        var selected = choices.FirstOrDefault(c => c.IndicatorCode == indicator
            && (filter.Period is not { } p || c.Period == p) && (filter.Kind is not { } k || c.Kind == k));
        if (selected is null)
        {
            return new CompareViewModel(choices, null, [], false);
        }
        var rows = await data.AllAsync(DashboardFilter.None with { Period = selected.Period, Kind = selected.Kind }, refs, cancellationToken);
        var lower = await db.Indicators.AnyAsync(i => i.Code == selected.IndicatorCode && i.Direction == Direction.Lower, cancellationToken);
        var ranked = rows.Where(r => r.IndicatorCode == selected.IndicatorCode && r.RegionSlug != DashboardFilter.City)
            .OrderBy(r => lower ? r.Value : -r.Value).ThenBy(r => r.RegionSlug, StringComparer.Ordinal)
            .ToList();
        return new CompareViewModel(choices, selected, ranked, lower);
    }
}
