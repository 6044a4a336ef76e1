using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Features.Pdf;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Briefing;

public sealed record BriefingChoice(string Code, string NameZh, string NameEn, string CategorySlug);

/// <summary>One section of a briefing: a chosen indicator (for each region) or a whole category.</summary>
/// <param name="Missing">Regions or indicators chosen that have no published figures, named so that nothing disappears silently.</param>
/// <param name="Charts">The indicators with a series to draw.</param>
/// <param name="Figures">The indicators with too few figures for a chart, shown together in one table.</param>
public sealed record BriefingSection(string Anchor, string Heading, IReadOnlyList<PrintIndicator> Charts, IReadOnlyList<string> Missing)
{
    public IReadOnlyList<PrintIndicator> Drawn => Charts.Where(c => c.IsChartable).ToList();

    public IReadOnlyList<PrintIndicator> Figures => Charts.Where(c => !c.IsChartable).ToList();
}

public sealed record BriefingViewModel(
    BriefingSelection Selection,
    IReadOnlyList<Sentence> Errors,
    Reference Refs,
    IReadOnlyList<BriefingChoice> Choices,
    IReadOnlyList<BriefingSection> Sections,
    PrintSources Sources,
    DateTimeOffset GeneratedAt)
{
    public bool BodyOnly { get; init; }

    /// <summary>The newest document behind any figure the site holds.</summary>
    public string SiteDataDate { get; init; } = "";

    /// <summary>The sections and the sources, with the page each starts on once a first print has told.</summary>
    public IReadOnlyList<ContentsEntry> Contents { get; init; } = [];

    /// <summary>The title given, else the one indicator's name when a single indicator is chosen (an indicator page's export), else the default.</summary>
    public string Title => Selection.Title
        ?? (Single is { } one ? Localized.Pick(one.NameZh, one.NameEn) : Words.Of("Linyi indicators briefing"));

    /// <summary>The indicator, when the briefing is of one indicator alone.</summary>
    public BriefingChoice? Single => Selection.Items is [{ IsCategory: false } item] ? Choices.FirstOrDefault(c => c.Code == item.Code) : null;

    /// <summary>The file's name: what it holds and its language.</summary>
    public string FileName(string language) => $"linyi-{(Single is { } one ? one.Code.Replace('_', '-') : "briefing")}_{language}.pdf";

    public IEnumerable<RegionInfo> Regions => Selection.Regions.Select(slug => Refs.Region(slug)!);
}

/// <summary>Everything a briefing shows: the chosen indicators and categories, in order, for each chosen region.</summary>
public sealed class BriefingQueries(DashboardDbContext db, GoalAssembly goals, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public Task<List<BriefingChoice>> ChoicesAsync(CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking()
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new BriefingChoice(i.Code, i.NameZh, i.NameEn, i.Category!.Slug))
            .ToListAsync(cancellationToken);

    public async Task<BriefingViewModel> GetAsync(IQueryCollection query, Reference refs, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        var (selection, errors) = BriefingSelection.Parse(query, refs, choices.ToDictionary(c => c.Code, c => c.CategorySlug, StringComparer.Ordinal));
        var chosen = new List<(string Anchor, string Heading, List<(IndicatorView View, string ChartId, string? Region)> Charts, List<string> Missing)>();
        if (errors.Count == 0 && !selection.IsEmpty)
        {
            var byRegion = new Dictionary<string, Dictionary<string, IndicatorView>>(StringComparer.Ordinal);
            foreach (var slug in selection.Regions)
            {
                byRegion[slug] = (await goals.JudgeAsync(slug, _ => true, GoalScope.All, cancellationToken)).ToDictionary(v => v.Indicator.Code, StringComparer.Ordinal);
            }
            var several = selection.Regions.Count > 1;
            foreach (var (item, index) in selection.Items.Select((item, index) => (item, index)))
            {
                var codes = item.IsCategory ? choices.Where(c => c.CategorySlug == item.Code).Select(c => c.Code).ToList() : [item.Code];
                var charts = new List<(IndicatorView View, string ChartId, string? Region)>();
                var missing = new List<string>();
                foreach (var code in codes)
                {
                    foreach (var region in selection.Regions.Select(slug => refs.Region(slug)!))
                    {
                        var name = Localized.Pick(region.NameZh, region.NameEn);
                        if (byRegion[region.Slug].TryGetValue(code, out var view) && view.Indicator.Observations.Count > 0)
                        {
                            charts.Add((view, $"chart-{index}-{code}-{region.Slug}", several ? name : null));
                        }
                        else if (!item.IsCategory)
                        {
                            missing.Add(name);
                        }
                    }
                }
                var heading = item.IsCategory
                    ? refs.Category(item.Code) is { } c ? Localized.Pick(c.NameZh, c.NameEn) : item.Code
                    : choices.First(c => c.Code == item.Code) is var ind ? Localized.Pick(ind.NameZh, ind.NameEn) : item.Code;
                chosen.Add(($"section-{index + 1}", heading, charts, missing));
            }
        }
        var sources = new PrintSources(chosen.SelectMany(s => s.Charts).SelectMany(c => c.View.Indicator.Observations).Select(o => o.Citation));
        var sections = chosen.Select(s => new BriefingSection(s.Anchor, s.Heading,
            s.Charts.Select(c => new PrintIndicator(c.View, sources, c.ChartId, c.Region)).ToList(), s.Missing)).ToList();
        var contents = sections.Select((s, i) => new ContentsEntry(s.Anchor, $"{i + 1}. {s.Heading}"))
            .Append(new ContentsEntry("sources-heading", text["Sources"])).ToList();
        return new BriefingViewModel(selection, errors, refs, choices, sections, sources, clock.GetUtcNow())
        {
            SiteDataDate = await SummaryQueries.SiteDataDateAsync(db, cancellationToken),
            Contents = contents,
        };
    }
}
