using System.Globalization;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Html;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>One line of a PDF's table of contents: a heading of the body, and the page it starts on once a first print has told.</summary>
public sealed record ContentsEntry(string Anchor, string Heading, int Page = 0);

/// <summary>
/// Chromium cannot number a table of contents: the first print tells, through its bookmarks (one per heading), where each
/// heading starts, and the second prints the contents with those pages. The contents sit on the cover, so the layout
/// after it does not move between the two prints.
/// </summary>
public static partial class PrintContents
{
    /// <summary>The entries with the page of their heading, matched in order against the bookmarks of the first print.</summary>
    public static IReadOnlyList<ContentsEntry> WithPages(byte[] pdf, IReadOnlyList<ContentsEntry> entries)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return entries;
        }
        var nodes = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>()
            .OrderBy(n => n.PageNumber).Select(n => (Title: Plain(n.Title), n.PageNumber)).ToList();
        var result = new List<ContentsEntry>(entries.Count);
        var from = 0;
        foreach (var entry in entries)
        {
            var at = nodes.FindIndex(from, n => n.Title == Plain(entry.Heading));
            if (at < 0)
            {
                result.Add(entry);
                continue;
            }
            result.Add(entry with { Page = nodes[at].PageNumber });
            from = at + 1;
        }
        return result;
    }

    /// <summary>For <see cref="PdfRenderer.RenderAsync"/>: print once more, with the body made from what the first print told.</summary>
    public static Func<byte[], Task<string?>> Once(Func<byte[], Task<string>> again)
    {
        var done = false;
        return async pdf =>
        {
            if (done)
            {
                return null;
            }
            done = true;
            return await again(pdf);
        };
    }

    private static string Plain(string text) => Space().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>A web address that may break after its slashes and before its dots, and nowhere inside a word.</summary>
    public static IHtmlContent BreakableUrl(string url)
    {
        var html = new HtmlContentBuilder();
        var start = 0;
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            var after = c is '/' or '&' or '=' or '?' or '-' or '_' && i > 0 && url[i - 1] != '/' && i + 1 < url.Length && url[i + 1] != '/';
            var before = c == '.' && i > start;
            if (before)
            {
                html.Append(url[start..i]).AppendHtml("<wbr>");
                start = i;
            }
            else if (after)
            {
                html.Append(url[start..(i + 1)]).AppendHtml("<wbr>");
                start = i + 1;
            }
        }
        return html.Append(url[start..]);
    }
}

/// <summary>The clock every PDF speaks: China Standard Time (UTC+8), the same on its cover, its footer and its Title.</summary>
public static class PrintClock
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Local(DateTimeOffset time) => time.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (UTC+8)";

    public static string Date(DateTimeOffset time) => time.ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How many goals a PDF shows, by status: the verdicts its cover and a status notice count.</summary>
public sealed record StatusCounts(IReadOnlyDictionary<GoalStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();

    public static StatusCounts Of(IEnumerable<GoalStatus> statuses) =>
        new(statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));

    public int this[GoalStatus status] => ByStatus.GetValueOrDefault(status);
}

/// <summary>An export button: what it exports, where from, and the one-page status notice of the same view.</summary>
public sealed record PdfExport(string Href, string Label, string NoticeHref)
{
    /// <summary>The summary of a filtered view (the query string, "" or "?…"), and its notice.</summary>
    public static PdfExport Summary(string query, string label) => new("/export/pdf" + query, label, "/export/notice" + query);
}
