using Linyi.Dashboard.Web.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Worksheets;

public enum WorksheetKind { Results, Targets }

/// <summary>
/// One goal on a worksheet. For results: a goal whose period has begun and that has no result yet for
/// <see cref="Year"/>. For targets: an indicator and region that had a goal last year, to be given one for <see cref="Year"/>.
/// </summary>
public sealed record WorksheetRow(
    string Indicator, string IndicatorName, string Region, string RegionName, string GoalPeriod,
    decimal? Target, Comparator? TargetComparator, decimal? Stretch, Comparator? StretchComparator, string Unit, int Year, GoalShape? Shape = null);

public sealed record WorksheetChoices(IReadOnlyList<string> Documents, IReadOnlyList<(string Slug, string Name)> Categories, IReadOnlyList<(string Slug, string Name)> Regions);

public sealed class WorksheetQueries(DashboardDbContext db, TimeProvider clock)
{
    public int ThisYear => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;

    public async Task<WorksheetChoices> ChoicesAsync(CancellationToken cancellationToken) => new(
        await db.Documents.AsNoTracking().OrderBy(d => d.Code).Select(d => d.Code).ToListAsync(cancellationToken),
        (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Slug, c.NameZh, c.NameEn }).ToListAsync(cancellationToken)).Select(c => (c.Slug, Localized.Pick(c.NameZh, c.NameEn))).ToList(),
        (await db.Regions.AsNoTracking().OrderBy(r => r.AdminCode == null).ThenBy(r => r.AdminCode).ThenBy(r => r.Slug).Select(r => new { r.Slug, r.NameZh, r.NameEn }).ToListAsync(cancellationToken))
            .Select(r => (r.Slug, Localized.Pick(r.NameZh, r.NameEn))).ToList());

    /// <summary>The rows of a worksheet; <paramref name="category"/> and <paramref name="region"/> narrow it (null: all).</summary>
    public async Task<List<WorksheetRow>> RowsAsync(WorksheetKind kind, string? category, string? region, int year, CancellationToken cancellationToken)
    {
        var targets = await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Kind != ObservationKind.Actual && o.StartYear <= year)
            .Where(o => category == null || o.Indicator!.Category!.Slug == category)
            .Where(o => region == null || o.Region!.Slug == region)
            .Select(o => new
            {
                o.IndicatorId, o.RegionId, Indicator = o.Indicator!.Code, o.Indicator.NameZh, Region = o.Region!.Slug, RegionName = o.Region.NameZh,
                o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value, Unit = o.UnitCode ?? o.Indicator.UnitCode, Order = o.Indicator.Category!.SortOrder, o.Shape,
            })
            .ToListAsync(cancellationToken);
        var goals = targets.GroupBy(t => (t.Indicator, t.Region, t.StartYear, t.EndYear)).Select(g =>
        {
            var target = g.FirstOrDefault(t => t.Kind == ObservationKind.Target);
            var stretch = g.FirstOrDefault(t => t.Kind == ObservationKind.Stretch);
            var any = target ?? stretch!;
            var dueYear = kind == WorksheetKind.Targets ? year : Math.Clamp(year - 1, any.StartYear, any.EndYear);
            return (Row: new WorksheetRow(any.Indicator, any.NameZh, any.Region, any.RegionName, any.StartYear == any.EndYear ? $"{any.StartYear}" : $"{any.StartYear}-{any.EndYear}",
                target?.Value.Trimmed(), target?.Comparator, stretch?.Value.Trimmed(), stretch?.Comparator, any.Unit, dueYear, any.Shape), any.IndicatorId, any.RegionId, any.Order, any.EndYear);
        }).ToList();
        if (kind == WorksheetKind.Targets)
        {
            // Last year's single-year goals, for indicators and regions that have no goal for the new year yet.
            var set = goals.Where(g => g.EndYear == year).Select(g => (g.IndicatorId, g.RegionId)).ToHashSet();
            return goals.Where(g => g.EndYear == year - 1 && g.Row.GoalPeriod == $"{year - 1}" && !set.Contains((g.IndicatorId, g.RegionId)))
                .OrderBy(g => g.Order).ThenBy(g => g.Row.Indicator, StringComparer.Ordinal).ThenBy(g => g.Row.Region, StringComparer.Ordinal).Select(g => g.Row).ToList();
        }
        var actuals = (await db.Observations.AsNoTracking()
            .Where(o => o.Kind == ObservationKind.Actual && o.StartYear == o.EndYear)
            .Select(o => new { o.IndicatorId, o.RegionId, o.StartYear }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.IndicatorId, a.RegionId, a.StartYear)).ToHashSet();
        return goals.Where(g => g.Row.Year <= year && !actuals.Contains((g.IndicatorId, g.RegionId, g.Row.Year)))
            .OrderBy(g => g.Order).ThenBy(g => g.Row.Indicator, StringComparer.Ordinal).ThenBy(g => g.Row.Region, StringComparer.Ordinal).ThenBy(g => g.Row.Year)
            .Select(g => g.Row).ToList();
    }
}
