using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>A key figure of a status notice: an indicator (with its growth rate), for one region when the notice covers several.</summary>
public sealed record NoticeRow(GoalCard Card, string? RegionName)
{
    /// <summary>The indicator whose goal the row shows: the level's, else its growth rate's.</summary>
    public IndicatorView? GoalView => Card.GoalView;

    /// <summary>The target and stretch figures of the goal shown, for their sources.</summary>
    public IReadOnlyList<ObservationData> GoalFigures => Card.GoalFigures;

    public IEnumerable<CitationData> Citations => Card.Citations;
}

/// <summary>
/// 情况通报: one A4 page an official can file, laid out after GB/T 9704: a title, the date, a few sentences of status with
/// counts (written from the goals' verdicts), the key figures with their periods and sources, and the sources.
/// </summary>
public sealed record NoticeViewModel(
    string Title,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<NoticeRow> Rows,
    int RowsOmitted,
    PrintSources Sources,
    string SiteDataDate,
    DateTimeOffset GeneratedAt)
{
    public bool BodyOnly { get; init; }
}

/// <summary>Writes a status notice from the goals' verdicts; the sentences are resx strings with the counts filled in.</summary>
public sealed class StatusNoticeWriter(IStringLocalizer<SharedResource> text)
{
    /// <summary>At most this many goals are named as needing action; the rest are counted.</summary>
    public const int NamedGoals = 3;

    /// <param name="subject">What the notice is about, for its title: "临沂市", "郯城县、沂南县 · 地区生产总值".</param>
    /// <param name="views">Every indicator the notice covers, with the region it is for when there are several.</param>
    /// <param name="rows">The key figures, in order; the first <paramref name="maxRows"/> are shown.</param>
    public NoticeViewModel Write(string title, string subject, IReadOnlyList<(IndicatorView View, string? Region)> views, IReadOnlyList<NoticeRow> rows, int maxRows,
        string siteDataDate, DateTimeOffset now)
    {
        var goals = views.SelectMany(v => v.View.Goals.Select(g => (v.View, v.Region, Goal: g))).ToList();
        var counts = StatusCounts.Of(goals.Select(g => g.Goal.Status));
        var paragraphs = new List<string>
        {
            text["As of {0}, the dashboard holds {1} for {2}, with {3} set for them.", siteDataDate,
                text.Plural(views.Select(v => v.View.Indicator.Code).Distinct().Count(), "figures of {0} indicator", "figures of {0} indicators"),
                subject, text.Plural(goals.Count, "{0} goal", "{0} goals")],
        };
        if (counts.Total > 0)
        {
            var parts = StatusLabel.All.Where(s => counts[s] > 0).Select(s => text["{0}: {1}", StatusLabel.Text(s), counts[s]].Value);
            paragraphs.Add(text["By the goal rules: {0}.", string.Join(Format.Semicolon, parts)]);
            var action = goals.Where(g => g.Goal.Status is GoalStatus.NeedsAttention or GoalStatus.Behind or GoalStatus.Missed)
                .OrderBy(g => g.Goal.Status == GoalStatus.NeedsAttention).ThenByDescending(g => g.Goal.Period.EndYear).ToList();
            if (action.Count == 0)
            {
                paragraphs.Add(text["No goal is behind or missed."]);
            }
            else
            {
                var named = action.Take(NamedGoals).Select(g => text["{0} ({1}, {2})",
                    (g.Region is null ? "" : g.Region + " ") + Localized.Pick(g.View.Indicator.NameZh, g.View.Indicator.NameEn),
                    Format.PeriodLabel(g.Goal.Period), StatusLabel.Text(g.Goal.Status)].Value).ToList();
                if (action.Count > NamedGoals)
                {
                    named.Add(text["and {0} more", action.Count - NamedGoals]);
                }
                paragraphs.Add(text["Goals that need attention, are behind or were missed: {0}.", string.Join(Format.Semicolon, named)]);
            }
            if (counts[GoalStatus.AwaitingResult] > 0)
            {
                paragraphs.Add(text.Plural(counts[GoalStatus.AwaitingResult], "{0} goal has ended and awaits its published result; it is judged when the result appears.",
                    "{0} goals have ended and await their published results; each is judged when its result appears."));
            }
        }
        var shown = rows.Take(maxRows).ToList();
        return new NoticeViewModel(title, paragraphs, shown, rows.Count - shown.Count, new PrintSources(shown.SelectMany(r => r.Citations)), siteDataDate, now);
    }
}

/// <summary>Prints a status notice on one page: when the key figures run over, fewer are shown (the rest counted) until it fits.</summary>
public sealed class NoticePdf(PdfRenderer renderer, ViewRenderer views, IStringLocalizer<SharedResource> text)
{
    public const string View = "~/Views/Print/Notice.cshtml";

    /// <summary>The most key figures a notice starts with; a notice that runs over drops one at a time.</summary>
    public const int MaxRows = 8;

    public async Task<byte[]> RenderAsync(Microsoft.AspNetCore.Mvc.ActionContext context, Func<int, NoticeViewModel> write, string client, CancellationToken cancellationToken)
    {
        var rows = MaxRows;
        var model = write(rows) with { BodyOnly = true };
        var info = new PdfDocumentInfo(
            $"{model.Title} · {PrintClock.Date(model.GeneratedAt)}",
            text["Linyi Dashboard"],
            model.Title,
            string.Join(", ", text["Linyi"], text["status notice"]),
            Localized.Lang,
            model.GeneratedAt);
        return await renderer.RenderAsync(await views.RenderAsync(context, View, model), info, null, client, cancellationToken, PdfMargins.OfficialDocument,
            reprint: async pdf =>
            {
                using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
                if (document.NumberOfPages == 1 || rows == 0)
                {
                    return null;
                }
                rows--;
                return await views.RenderAsync(context, View, write(rows) with { BodyOnly = true });
            });
    }
}
