using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Serving;

namespace Linyi.Dashboard.Web.Features.Goals;

public sealed record GoalRow(IndicatorView View, GoalView Goal);

public enum GoalSort { Period, Indicator, Status }

/// <summary>What the goals list shows: one region's goals, narrowed and sorted as the address says.</summary>
public sealed record GoalListQuery(string Region, string? Category, Period? Period, GoalStatus? Status, GoalSort Sort, SortDirection Direction)
{
    public static readonly GoalListQuery Default = new(DashboardFilter.City, null, null, null, GoalSort.Period, SortDirection.Desc);

    public static readonly string[] Keys = ["region", "category", "period", "status", "sort", "dir"];

    /// <summary>The query string with one parameter changed (null removes it); defaults are left out.</summary>
    public string With(string? name = null, string? value = null)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["region"] = Region == DashboardFilter.City ? null : Region,
            ["category"] = Category,
            ["period"] = Period?.ToString(),
            ["status"] = Status is { } s ? KebabEnum.ToText(s) : null,
            ["sort"] = Sort == Default.Sort && Direction == Default.Direction ? null : KebabEnum.ToText(Sort),
            ["dir"] = Sort == Default.Sort && Direction == Default.Direction ? null : KebabEnum.ToText(Direction),
        };
        if (name is not null)
        {
            pairs[name] = value;
        }
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The address that sorts by <paramref name="column"/>: ascending first, the other way when already sorted by it.</summary>
    public string SortedBy(GoalSort column)
    {
        var direction = Sort == column && Direction == SortDirection.Asc ? SortDirection.Desc : SortDirection.Asc;
        return (this with { Sort = column, Direction = direction }).With();
    }
}

public sealed record GoalsViewModel(
    GoalListQuery Query,
    IReadOnlyDictionary<GoalStatus, int> Counts,
    IReadOnlyList<GoalRow> Goals,
    RegionInfo Region,
    IReadOnlyList<RegionInfo> Regions,
    IReadOnlyList<CategoryInfo> Categories,
    IReadOnlyList<Period> Periods)
{
    /// <summary>The status counts are of the goals the other choices leave, so each is what choosing that status gives.</summary>
    public int Total => Counts.Values.Sum();
}

/// <summary>Every goal of a region with its status, as the pages judge it: the list behind the overview's status summary.</summary>
public sealed class GoalQueries(GoalAssembly goals, VersionedCache cache)
{
    public async Task<IReadOnlyList<GoalRow>> AllAsync(string region, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync("goals|" + region, async () =>
            (IReadOnlyList<GoalRow>)GoalAssembly.Rows(await goals.JudgeAsync(region, _ => true, GoalScope.All, cancellationToken)).ToList(), cancellationToken);

    public async Task<GoalsViewModel> ListAsync(GoalListQuery query, Reference refs, CancellationToken cancellationToken)
    {
        var all = await AllAsync(query.Region, cancellationToken);
        var narrowed = all.Where(g => (query.Category is null || g.View.Indicator.CategorySlug == query.Category)
            && GoalCardRules.ShownFor(g.Goal.Period, query.Period)).ToList();
        var counts = narrowed.GroupBy(g => g.Goal.Status).ToDictionary(g => g.Key, g => g.Count());
        var shown = Sorted(narrowed.Where(g => query.Status is null || g.Goal.Status == query.Status), query.Sort, query.Direction);
        var periods = all.Select(g => g.Goal.Period).Concat(query.Period is { } chosen ? [chosen] : []).Distinct().OrderByDescending(p => p.EndYear).ThenByDescending(p => p.StartYear).ToList();
        var categories = refs.Categories.Where(c => c.Slug == query.Category || all.Any(g => g.View.Indicator.CategorySlug == c.Slug)).ToList();
        var regions = refs.Regions.Where(r => r.Kind != RegionKind.Outside).ToList();
        return new GoalsViewModel(query, counts, shown, refs.Region(query.Region)!, regions, categories, periods);
    }

    private static List<GoalRow> Sorted(IEnumerable<GoalRow> goals, GoalSort sort, SortDirection direction)
    {
        var statusOrder = Shared.StatusLabel.All.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        Func<GoalRow, (int, int, int)> first = sort switch
        {
            GoalSort.Period => g => (g.Goal.Period.EndYear, g.Goal.Period.StartYear, 0),
            GoalSort.Status => g => (statusOrder.GetValueOrDefault(g.Goal.Status, int.MaxValue), 0, 0),
            _ => g => (g.View.Indicator.CategoryOrder, 0, 0),
        };
        var ordered = direction == SortDirection.Asc ? goals.OrderBy(first) : goals.OrderByDescending(first);
        return sort == GoalSort.Indicator
            ? (direction == SortDirection.Asc
                ? ordered.ThenBy(g => g.View.Indicator.Code, StringComparer.Ordinal)
                : ordered.ThenByDescending(g => g.View.Indicator.Code, StringComparer.Ordinal)).ThenBy(g => g.Goal.Period.EndYear).ToList()
            : ordered.ThenBy(g => g.View.Indicator.CategoryOrder).ThenBy(g => g.View.Indicator.Code, StringComparer.Ordinal).ThenBy(g => g.Goal.Period.EndYear).ToList();
    }
}
