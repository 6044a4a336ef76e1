using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Worksheets;

public enum WorksheetKind { Results, Targets }

/// <summary>
/// One goal on a worksheet. For results: a goal whose period has begun and that has no result yet for
/// <see cref="Year"/>. For targets: an indicator and region with yearly goals that has none for <see cref="Year"/>; the goal
/// columns show the one it follows.
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

    /// <summary>The last year a targets worksheet reaches: next year.</summary>
    public int LastTargetYear => ThisYear + 1;

    /// <summary>The rows of a worksheet; <paramref name="category"/> and <paramref name="region"/> narrow it (null: all).</summary>
    public async Task<List<WorksheetRow>> RowsAsync(WorksheetKind kind, string? category, string? region, int year, CancellationToken cancellationToken) =>
        kind == WorksheetKind.Targets
            ? await TargetRowsAsync(category, region, year, cancellationToken)
            : await ResultRowsAsync(category, region, year, cancellationToken);

    private sealed record Goal(WorksheetRow Row, int IndicatorId, int RegionId, int Order, int StartYear, int EndYear);

    private async Task<List<Goal>> GoalsAsync(string? category, string? region, int year, WorksheetKind kind, CancellationToken cancellationToken)
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
        return targets.GroupBy(t => (t.Indicator, t.Region, t.StartYear, t.EndYear)).Select(g =>
        {
            var target = g.FirstOrDefault(t => t.Kind == ObservationKind.Target);
            var stretch = g.FirstOrDefault(t => t.Kind == ObservationKind.Stretch);
            var any = target ?? stretch!;
            var dueYear = kind == WorksheetKind.Targets ? year : Math.Clamp(year - 1, any.StartYear, any.EndYear);
            return new Goal(new WorksheetRow(any.Indicator, any.NameZh, any.Region, any.RegionName, any.StartYear == any.EndYear ? $"{any.StartYear}" : $"{any.StartYear}-{any.EndYear}",
                target?.Value.Trimmed(), target?.Comparator, stretch?.Value.Trimmed(), stretch?.Comparator, any.Unit, dueYear, any.Shape), any.IndicatorId, any.RegionId, any.Order, any.StartYear, any.EndYear);
        }).ToList();
    }

    private async Task<HashSet<(int IndicatorId, int RegionId, int Year)>> ResultYearsAsync(CancellationToken cancellationToken) =>
        (await db.Observations.AsNoTracking()
            .Where(o => o.Kind == ObservationKind.Actual && o.StartYear == o.EndYear)
            .Select(o => new { o.IndicatorId, o.RegionId, o.StartYear }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.IndicatorId, a.RegionId, a.StartYear)).ToHashSet();

    private async Task<List<WorksheetRow>> ResultRowsAsync(string? category, string? region, int year, CancellationToken cancellationToken)
    {
        var goals = await GoalsAsync(category, region, year, WorksheetKind.Results, cancellationToken);
        var actuals = await ResultYearsAsync(cancellationToken);
        return goals.Where(g => g.Row.Year <= year && !actuals.Contains((g.IndicatorId, g.RegionId, g.Row.Year)))
            .OrderBy(g => g.Order).ThenBy(g => g.Row.Indicator, StringComparer.Ordinal).ThenBy(g => g.Row.Region, StringComparer.Ordinal).ThenBy(g => g.Row.Year)
            .Select(g => g.Row).ToList();
    }

    /// <summary>
    /// Every year an indicator and region with yearly goals has none, up to next year: the years between its goals, the
    /// years after the last one, and earlier years that have a result but no goal to judge it. <paramref name="year"/>
    /// narrows it to one year (null: all of them). Each row shows the goal before it (or, before the first, the first).
    /// </summary>
    public async Task<List<WorksheetRow>> TargetRowsAsync(string? category, string? region, int? year, CancellationToken cancellationToken)
    {
        var last = LastTargetYear;
        var goals = await GoalsAsync(category, region, last, WorksheetKind.Targets, cancellationToken);
        var actuals = await ResultYearsAsync(cancellationToken);
        var firstResult = actuals.GroupBy(a => (a.IndicatorId, a.RegionId)).ToDictionary(g => g.Key, g => g.Min(a => a.Year));
        var rows = new List<(Goal Goal, int Year)>();
        foreach (var series in goals.Where(g => g.StartYear == g.EndYear).GroupBy(g => (g.IndicatorId, g.RegionId)))
        {
            var years = series.Select(g => g.EndYear).ToHashSet();
            var first = years.Min();
            var from = Math.Min(first, firstResult.GetValueOrDefault(series.Key, first));
            for (var y = Math.Max(from, year ?? from); y <= Math.Min(last, year ?? last); y++)
            {
                if (years.Contains(y) || (y < first && !actuals.Contains((series.Key.IndicatorId, series.Key.RegionId, y))))
                {
                    continue;
                }
                rows.Add((series.Where(g => g.EndYear < y).MaxBy(g => g.EndYear) ?? series.MinBy(g => g.EndYear)!, y));
            }
        }
        return rows.OrderBy(r => r.Goal.Order).ThenBy(r => r.Goal.Row.Indicator, StringComparer.Ordinal).ThenBy(r => r.Goal.Row.Region, StringComparer.Ordinal).ThenBy(r => r.Year)
            .Select(r => r.Goal.Row with { Year = r.Year }).ToList();
    }
}
