using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Pdf;

public sealed record SummaryCategory(CategoryInfo Category, IReadOnlyList<IndicatorView> Charts, int ChartsOmitted);

public sealed record SummaryViewModel(
    DashboardFilter Filter,
    RegionInfo Region,
    CategoryInfo? Category,
    IReadOnlyList<GoalCard> Headlines,
    IReadOnlyList<SummaryCategory> Categories,
    IReadOnlyList<MilestoneData> Milestones,
    IReadOnlyList<CitationData> Sources,
    long DataVersion,
    DateTimeOffset? DataChangedAt,
    string LatestDocumentDate,
    DateTimeOffset GeneratedAt)
{
    /// <summary>True when rendering for the PDF renderer, which supplies the page shell itself.</summary>
    public bool BodyOnly { get; init; }

    /// <summary>Every indicator of the view that has figures, analysed: what the status notice counts and names.</summary>
    public IReadOnlyList<IndicatorView> Views { get; init; } = [];

    /// <summary>Every goal of the summary's indicators, by status: what the cover counts.</summary>
    public StatusCounts Counts { get; init; } = StatusCounts.Of([]);

    /// <summary>The newest document behind any figure the site holds: how current the site is, beside how current this summary's figures are.</summary>
    public string SiteDataDate { get; init; } = "";

    /// <summary>The table of contents; pages are known once a first print has told.</summary>
    public IReadOnlyList<ContentsEntry> Contents { get; init; } = [];

    /// <summary>The appendix, numbered; figures cite these numbers.</summary>
    public PrintSources Numbered { get; } = new(Sources);
}

/// <summary>Everything an official's summary shows for a filter: headline table, charts per category, milestones, sources.</summary>
public sealed class SummaryQueries(DashboardDbContext db, IndicatorQueries indicators, GoalAssembly goals, IOptions<OverviewOptions> overview, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>A summary is read in a meeting: past this many charts a category says how many more the web pages have.</summary>
    public const int MaxChartsPerCategory = 24;

    /// <summary>
    /// With every category in one summary, each shows its indicators with goals first and at most this many charts; the
    /// category's own summary has the rest. It keeps the city summary a document to read, and small enough to file.
    /// </summary>
    public const int MaxChartsPerCategoryOfAll = 4;

    public Task<(long Version, DateTimeOffset? ChangedAt)> DataVersionAsync(CancellationToken cancellationToken) => db.DataVersionAsync(cancellationToken);

    public async Task<SummaryViewModel> GetAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken)
    {
        var region = refs.Region(filter.RegionOrCity)!;
        var category = refs.Category(filter.Category);
        var slug = filter.Category;
        var judged = await goals.JudgeAsync(region.Slug, i => slug == null || i.Category!.Slug == slug, new GoalScope(filter.Period, filter.Kind), cancellationToken);
        var views = judged.Where(v => v.Indicator.Observations.Count > 0).ToList();

        // The city without a category filter gets the overview's key indicators; a narrower view gets every indicator it has.
        var headlines = GoalAssembly.Cards(judged, region.Slug == DashboardFilter.City && category is null ? overview.Value.Headlines : GoalAssembly.CardCodes(judged));

        var categories = refs.Categories.Where(c => category is null || c.Slug == category.Slug)
            .Select(c =>
            {
                var charts = views.Where(v => v.Indicator.CategorySlug == c.Slug && IsChartable(v)).ToList();
                var max = MaxChartsPerCategory;
                if (category is null)
                {
                    charts = [.. charts.OrderBy(v => v.Goals.Count == 0)];
                    max = MaxChartsPerCategoryOfAll;
                }
                return new SummaryCategory(c, charts.Take(max).ToList(), Math.Max(0, charts.Count - max));
            })
            .Where(c => c.Charts.Count > 0)
            .ToList();

        var milestones = region.Slug == DashboardFilter.City
            ? []
            : await indicators.MilestonesAsync(m => m.Region!.Slug == region.Slug && (slug == null || m.Category!.Slug == slug), cancellationToken);
        var sources = views.SelectMany(v => v.Indicator.Observations.Concat(v.Goals.Select(g => g.Actual).OfType<ObservationData>())).Select(o => o.Citation)
            .Concat(milestones.Select(m => m.Citation))
            .Distinct()
            .OrderBy(c => c.DocumentCode, StringComparer.Ordinal).ThenBy(c => c.Section, StringComparer.Ordinal)
            .ToList();
        var (version, changedAt) = await DataVersionAsync(cancellationToken);
        var latestDocument = sources.Select(s => s.PublishedOn).DefaultIfEmpty("").Max(StringComparer.Ordinal) ?? "";
        var model = new SummaryViewModel(filter, region, category, headlines, categories, milestones, sources, version, changedAt, latestDocument, clock.GetUtcNow())
        {
            Views = views,
            Counts = StatusCounts.Of(views.SelectMany(v => v.Goals).Select(g => g.Status)),
            SiteDataDate = await SiteDataDateAsync(db, cancellationToken),
        };
        return model with { Contents = ContentsOf(model) };
    }

    /// <summary>The publication date of the newest document that any figure cites.</summary>
    public static async Task<string> SiteDataDateAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => db.Observations.Any(o => o.DocumentId == d.Id))
            .Select(d => d.PublishedOn).MaxAsync(cancellationToken) ?? "";

    private List<ContentsEntry> ContentsOf(SummaryViewModel model)
    {
        var entries = new List<ContentsEntry> { new("headline-heading", text["Key indicators"]) };
        entries.AddRange(model.Categories.Select(c => new ContentsEntry("category-" + c.Category.Slug, Localized.Pick(c.Category.NameZh, c.Category.NameEn))));
        if (model.Milestones.Count > 0)
        {
            entries.Add(new ContentsEntry("milestones-heading", text["Projects, honours and designations"]));
        }
        entries.Add(new ContentsEntry("sources-heading", text["Sources"]));
        return entries;
    }

    /// <summary>A chart says something only with two yearly results (<see cref="GoalCardRules.IsChartable"/>).</summary>
    public static bool IsChartable(IndicatorView view) =>
        GoalCardRules.IsChartable(view.Indicator.Observations.Where(o => o.Kind == ObservationKind.Actual).Select(o => o.Period));
}
