using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Goals;

public sealed record GoalRow(IndicatorView View, GoalView Goal);

public sealed record GoalsViewModel(GoalStatus? Status, IReadOnlyDictionary<GoalStatus, int> Counts, IReadOnlyList<GoalRow> Goals);

/// <summary>Every goal of the city with its status, as the pages judge it: the list behind the overview's status summary.</summary>
public sealed class GoalQueries(IndicatorQueries indicators, VersionedCache cache)
{
    public async Task<IReadOnlyList<GoalRow>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync("goals|city", async () =>
            indicators.Analyze(await indicators.ForRegionAsync(DashboardFilter.City, _ => true, cancellationToken))
                .SelectMany(v => v.Goals.Select(g => new GoalRow(v, g)))
                .ToList(), cancellationToken);

    public async Task<GoalsViewModel> ListAsync(GoalStatus? status, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        var counts = all.GroupBy(g => g.Goal.Status).ToDictionary(g => g.Key, g => g.Count());
        var shown = all.Where(g => status is null || g.Goal.Status == status)
            .OrderBy(g => g.View.Indicator.CategoryOrder).ThenBy(g => g.View.Indicator.Code, StringComparer.Ordinal).ThenBy(g => g.Goal.Period.EndYear)
            .ToList();
        return new GoalsViewModel(status, counts, shown);
    }
}
