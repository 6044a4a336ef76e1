using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Serving;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Home;

public sealed class OverviewOptions
{
    public const string Section = "Overview";

    /// <summary>Level indicators shown as headline cards, in order. Their growth indicators are found through growth_of.</summary>
    public List<string> Headlines { get; set; } = [];

    /// <summary>Compute the overview's counts again in the background as soon as the data changes (OverviewWarmup).</summary>
    public bool WarmAfterChanges { get; set; } = true;
}

public sealed record CategoryProgress(string Slug, string NameZh, string NameEn, int IndicatorCount, int GoalCount, IReadOnlyDictionary<GoalStatus, int> ByStatus);

public sealed record HomeViewModel(RegionInfo Region, FilterPanel Filters, IReadOnlyList<GoalCard> Headlines, IReadOnlyList<CategoryProgress> Categories)
{
    /// <summary>Every goal shown, by status: the overview's answer to "are we on track?".</summary>
    public IReadOnlyDictionary<GoalStatus, int> ByStatus =>
        StatusLabel.All.ToDictionary(s => s, s => Categories.Sum(c => c.ByStatus.GetValueOrDefault(s)));
}

/// <summary>The overview: with reference data cached, four round trips (filter counts; indicators and their figures of record, to count goals; the headline cards).</summary>
public sealed class HomeQueries(GoalAssembly goals, FilterQueries filters, ReferenceData reference, VersionedCache cache, IOptions<OverviewOptions> options)
{
    public const string City = DashboardFilter.City;

    public async Task<HomeViewModel> GetAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken)
    {
        var panel = await filters.PanelAsync(filter, "/", refs, allRegionsWhenUnset: false, cancellationToken);
        var category = filter.Category;
        // The analysis and every count drawn from it change only with the data: kept per data version, so that a miss on
        // a large database costs a lookup rather than a pass over every indicator.
        // Every count changes only with the data: kept per data version. The counts judge every goal from the figures of
        // record alone; only the headline cards read their figures whole.
        var scope = new GoalScope(filter.Period, filter.Kind);
        // Every count changes only with the data: kept per data version, so that a miss on a large database costs a
        // lookup rather than a pass over every indicator. The counts judge every goal from the figures of record alone;
        // only the headline cards read their figures whole.
        var overview = await cache.GetOrCreateAsync($"overview|{filter.RegionOrCity}|{category}|{filter.Period}|{filter.Kind}|{filter.IsEmpty}", async () =>
        {
            var judged = await goals.JudgeForCountsAsync(filter.RegionOrCity, i => category == null || i.Category!.Slug == category, scope, cancellationToken);
            var summaries = refs.Categories.Where(c => category is null || c.Slug == category).Select(c =>
            {
                var inCategory = judged.Where(v => v.Indicator.CategorySlug == c.Slug).ToList();
                var goalsIn = inCategory.SelectMany(v => v.Goals).ToList();
                var byStatus = goalsIn.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Count());
                var withFigures = inCategory.Count(v => v.Indicator.Observations.Count > 0);
                return new CategoryProgress(c.Slug, c.NameZh, c.NameEn, filter.IsEmpty ? inCategory.Count : withFigures, goalsIn.Count, byStatus);
            }).ToList();
            var codes = options.Value.Headlines;
            var views = await goals.JudgeAsync(filter.RegionOrCity,
                i => (category == null || i.Category!.Slug == category) && (codes.Contains(i.Code) || (i.GrowthOf != null && codes.Contains(i.GrowthOf.Code))),
                scope, cancellationToken);
            return (Headlines: GoalAssembly.Cards(views, codes), Summaries: summaries);
        }, cancellationToken);

        return new HomeViewModel(refs.Region(filter.RegionOrCity)!, panel, overview.Headlines, overview.Summaries);
    }

    public Task<Reference> ReferenceAsync(CancellationToken cancellationToken) => reference.GetAsync(cancellationToken);
}
