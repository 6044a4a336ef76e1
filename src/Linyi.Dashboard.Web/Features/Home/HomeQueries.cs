using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Home;

public sealed class OverviewOptions
{
    public const string Section = "Overview";

    /// <summary>Level indicators shown as headline cards, in order. Their growth indicators are found through growth_of.</summary>
    public List<string> Headlines { get; set; } = [];
}

public sealed record HeadlineCard(IndicatorView Level, IndicatorView? Growth);

public sealed record CategoryProgress(string Slug, string NameZh, string NameEn, int IndicatorCount, int GoalCount, IReadOnlyDictionary<GoalStatus, int> ByStatus);

public sealed record HomeViewModel(IReadOnlyList<HeadlineCard> Headlines, IReadOnlyList<CategoryProgress> Categories);

public sealed class HomeQueries(DashboardDbContext db, IndicatorQueries indicators, IOptions<OverviewOptions> options)
{
    public const string City = "linyi";

    public async Task<HomeViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Slug, c.NameZh, c.NameEn })
            .ToListAsync(cancellationToken);
        var data = await indicators.ForRegionAsync(City, _ => true, cancellationToken);
        var views = IndicatorQueries.Analyze(data);

        var byCode = views.ToDictionary(v => v.Indicator.Code);
        var growthOf = views.Where(v => v.Indicator.GrowthOfCode is not null)
            .GroupBy(v => v.Indicator.GrowthOfCode!)
            .ToDictionary(g => g.Key, g => g.First());
        var headlines = options.Value.Headlines
            .Where(byCode.ContainsKey)
            .Select(code => new HeadlineCard(byCode[code], growthOf.GetValueOrDefault(code)))
            .ToList();

        var summaries = categories.Select(c =>
        {
            var inCategory = views.Where(v => v.Indicator.CategorySlug == c.Slug).ToList();
            var goals = inCategory.SelectMany(v => v.Goals).ToList();
            var byStatus = goals.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Count());
            return new CategoryProgress(c.Slug, c.NameZh, c.NameEn, inCategory.Count, goals.Count, byStatus);
        }).ToList();
        return new HomeViewModel(headlines, summaries);
    }
}
