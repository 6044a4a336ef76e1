using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>
/// PDFs an official files: contents with right page numbers, a cover that counts the verdicts, compact briefings, an
/// indicator's own export, the one-page status notice, and one clock. The clock stands at 21:40 UTC, when China's date is
/// already the next day.
/// </summary>
public partial class PdfForOfficialsTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 40, 0, TimeSpan.Zero);

    protected override TimeProvider? Clock => new FixedClock(Now);

    private const string English = "culture=en&ui-culture=en";

    private const string ThinBriefing = "item=gdp&item=budget_revenue&item=rural_income&region=tancheng&region=yinan";

    protected override bool StartsFromSeeds => true;

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    /// <summary>The newest publication date of any document a figure cites: how current the site is.</summary>
    private Task<string> SiteDataDateAsync() =>
        ScalarAsync("SELECT max(d.published_on COLLATE \"C\") FROM documents d WHERE EXISTS (SELECT 1 FROM observations o WHERE o.document_id = d.id)");

    /// <summary>Each contents entry of the cover with its page number, checked against the page its heading is on.</summary>
    private static void AssertContentsPagesAreRight(byte[] pdf, string printHtml)
    {
        var pages = PdfText.Pages(pdf);
        var entries = Dom.Parse(printHtml).QuerySelectorAll(".toc-list a").Select(a => PdfText.Squeezed(a.TextContent)).ToList();
        Assert.NotEmpty(entries);
        var cover = pages[0];
        var at = 0;
        var previous = 1;
        for (var i = 0; i < entries.Count; i++)
        {
            var start = cover.IndexOf(entries[i], at, StringComparison.Ordinal);
            Assert.True(start >= 0, $"contents entry {entries[i]} not on the cover");
            var end = i + 1 < entries.Count ? cover.IndexOf(entries[i + 1], start + entries[i].Length, StringComparison.Ordinal) : cover.Length;
            var digits = new string(cover[(start + entries[i].Length)..end].TakeWhile(char.IsAsciiDigit).ToArray());
            Assert.True(digits.Length > 0, $"{entries[i]} has no page number");
            var page = int.Parse(digits, CultureInfo.InvariantCulture);
            Assert.InRange(page, previous, pages.Count);
            var target = pages[page - 1];
            // The heading is looked for above the page's footer, whose filters could repeat its words.
            var footer = target.LastIndexOf(PdfText.Squeezed(Words.Zh("Page {0} of {1}", page, pages.Count)), StringComparison.Ordinal);
            Assert.Contains(entries[i], footer > 0 ? target[..footer] : target);
            previous = page;
            at = start + entries[i].Length;
        }
    }

    [Fact]
    public async Task TheCitySummaryCoverListsItsContentsWithTheRightPageNumbers()
    {
        var client = CreateClient();

        var pdf = await client.GetByteArrayAsync("/export/pdf");

        AssertContentsPagesAreRight(pdf, await client.GetStringAsync("/print/summary"));
    }

    [Fact]
    public async Task TheCoverCountsEveryGoalByTheStatusTheApiGives()
    {
        var client = CreateClient();
        var goals = await client.GetFromJsonAsync<JsonElement>("/api/goals?region=linyi");
        var expected = goals.EnumerateArray().GroupBy(g => g.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        var cover = Dom.Parse(await client.GetStringAsync("/print/summary")).QuerySelector(".cover")!;

        var counted = cover.QuerySelectorAll(".cover-counts li[data-status]").ToDictionary(li => li.GetAttribute("data-status")!, li => int.Parse(li.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.Equal(goals.GetArrayLength().ToString(CultureInfo.InvariantCulture), cover.QuerySelector(".cover-counts")!.GetAttribute("data-goal-count"));
        Assert.Equal(await SiteDataDateAsync(), cover.QuerySelector("[data-data-date]")!.GetAttribute("data-data-date"));
    }

    [Fact]
    public async Task EveryHeadlineCellSaysItsOwnPeriodAndTheResultIsOfTheGoalsPeriod()
    {
        var rows = Dom.Parse(await CreateClient().GetStringAsync("/print/summary")).QuerySelectorAll(".summary-table tbody tr[data-indicator]");

        Assert.NotEmpty(rows);
        // A period as the resource file words a year, around one year or a span of years.
        var yearWords = Words.Zh("{0}|year", "\u0001").Split('\u0001');
        var periodFirst = "^(≥ |≤ |≈ )?" + Regex.Escape(yearWords[0]) + @"\d{4}(–\d{4})?" + Regex.Escape(yearWords[1]);
        foreach (var row in rows)
        {
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.All(cells.Skip(1).Take(3).Where(c => c != "—"), c => Assert.Matches(periodFirst, c));
            if (row.GetAttribute("data-result-year") is { Length: > 0 } year)
            {
                var period = row.GetAttribute("data-goal-period")!.Split('-').Select(int.Parse).ToList();
                Assert.InRange(int.Parse(year, CultureInfo.InvariantCulture), period[0], period[^1]);
            }
        }
    }

    [Fact]
    public async Task ThePdfTitleAndTheCoverTellTheSameDateInChinaTime()
    {
        var bytes = await CreateClient().GetByteArrayAsync("/export/pdf?category=fiscal");

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var china = Now.ToOffset(TimeSpan.FromHours(8));
        Assert.EndsWith(china.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pdf.Information.Title);
        Assert.Contains(china.ToString("yyyy-MM-ddHH:mm", CultureInfo.InvariantCulture) + "(UTC+8)", PdfText.Pages(bytes)[0]);
    }

    [Fact]
    public async Task SourceAddressesBreakOnlyAfterASlashOrBeforeADot()
    {
        var links = Dom.Parse(await CreateClient().GetStringAsync("/print/summary")).QuerySelectorAll(".source-url a");

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.Equal(link.GetAttribute("href"), link.TextContent);
            var pieces = link.InnerHtml.Split("<wbr>");
            Assert.True(pieces.Length > 1, link.InnerHtml);
            for (var i = 1; i < pieces.Length; i++)
            {
                Assert.True(pieces[i].StartsWith('.') || "/&=?-_".Contains(pieces[i - 1][^1]), $"{link.InnerHtml} breaks at {pieces[i - 1][^1]}|{pieces[i][0]}");
            }
        }
    }

    [Fact]
    public async Task ABriefingOfThreeIndicatorsForTwoCountiesFitsOnTwoPagesWithTheSitesDataDate()
    {
        var client = CreateClient();

        var bytes = await client.GetByteArrayAsync("/briefing/pdf?" + ThinBriefing);

        var pages = PdfText.Pages(bytes);
        Assert.InRange(pages.Count, 1, 2);
        Assert.Contains(PdfText.Squeezed(Words.Zh("Data as of")) + await SiteDataDateAsync(), pages[0]);
        var html = await client.GetStringAsync("/print/briefing?" + ThinBriefing);
        Assert.Equal("sources-heading", Dom.Parse(html).QuerySelectorAll(".toc-list li").Last().GetAttribute("data-anchor"));
        AssertContentsPagesAreRight(bytes, html);
        // Too few figures for charts: each section's figures in one table, the figures of one year side by side.
        var tables = Dom.Parse(html).QuerySelectorAll("[data-figures-table]");
        Assert.Equal(3, tables.Length);
        foreach (var table in tables)
        {
            var years = table.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-period")!).ToList();
            Assert.Equal(years.OrderByDescending(y => y, StringComparer.Ordinal), years);
        }
    }

    [Fact]
    public async Task TheIndicatorPageExportsThatIndicatorAndSaysSo()
    {
        var client = CreateClient();
        var page = Dom.Parse(await client.GetStringAsync("/indicators/gdp"));
        var button = page.QuerySelector("a[data-pdf]:not([data-notice])")!;
        var name = page.QuerySelector("h1[data-indicator]")!.TextContent.Trim();

        var response = await client.GetAsync(button.GetAttribute("href"));

        Assert.Contains(name, button.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("linyi-gdp_zh.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith(name + " · ", pdf.Information.Title);
    }

    [Theory]
    [InlineData("/export/notice", "/print/notice")]
    [InlineData("/export/notice?" + English, "/print/notice?" + English)]
    [InlineData("/briefing/notice?" + ThinBriefing, "/print/briefing/notice?" + ThinBriefing)]
    [InlineData("/export/notice?category=economy", "/print/notice?category=economy")]
    [InlineData("/briefing/notice?item=gdp", "/print/briefing/notice?item=gdp")]
    public async Task TheStatusNoticeIsOnePageWhoseCountsAndFiguresComeFromTheData(string export, string print)
    {
        var client = CreateClient();

        var bytes = await client.GetByteArrayAsync(export);

        var text = Assert.Single(PdfText.Pages(bytes));
        Assert.All(await PdfTools.FontsAsync(bytes), font => Assert.Equal("CID TrueType", font.Type));
        var html = Dom.Parse(await client.GetStringAsync(print));
        var notice = html.QuerySelector("[data-notice]")!;
        Assert.Equal(await SiteDataDateAsync(), notice.QuerySelector("[data-data-date]")!.GetAttribute("data-data-date"));
        var sources = notice.QuerySelectorAll("[data-notice-sources] [data-document]").Count();
        var stated = notice.QuerySelectorAll("[data-key-figures] tbody tr").Where(row => row.QuerySelectorAll("td")[1].TextContent.Trim() != "—").ToList();
        Assert.NotEmpty(stated);
        foreach (var row in stated.Take(2))
        {
            var latest = row.QuerySelectorAll("td")[1].TextContent;
            Assert.Matches(@"^\d{4}", latest);
            Assert.InRange(int.Parse(Regex.Match(latest, @"\[(\d+)\]").Groups[1].Value, CultureInfo.InvariantCulture), 1, sources);
            Assert.Contains(PdfText.Squeezed(row.QuerySelector("td")!.TextContent), text);
        }
        // A goal cites the document that set it.
        Assert.All(notice.QuerySelectorAll("[data-key-figures] tbody tr[data-goal-period]:not([data-goal-period=''])"),
            row => Assert.Matches(@"\[\d+\]$", row.QuerySelectorAll("td")[2].TextContent.Trim()));
    }

    [Fact]
    public async Task TheNoticeCountsAreTheApisVerdicts()
    {
        var client = CreateClient();
        var goals = await client.GetFromJsonAsync<JsonElement>("/api/goals?region=linyi");
        var achieved = goals.EnumerateArray().Count(g => g.GetProperty("status").GetString() == "achieved");

        var sentences = string.Concat(Dom.Parse(await client.GetStringAsync("/print/notice?" + English)).QuerySelectorAll(".notice-text").Select(p => p.TextContent));

        Assert.Contains($"with {goals.GetArrayLength()} goals set", sentences);
        Assert.Contains($"Achieved: {achieved}", sentences);
    }

    [Theory]
    [InlineData("/export/pdf?category=economy&" + English)]
    [InlineData("/briefing/pdf?" + ThinBriefing + "&" + English)]
    [InlineData("/export/notice?category=economy&" + English)]
    public async Task AnEnglishPdfHasNoChineseBeforeItsSources(string path)
    {
        var pages = PdfText.Pages(await CreateClient().GetByteArrayAsync(path));

        var body = string.Concat(pages);
        var sources = body.IndexOf("Sources:", StringComparison.Ordinal) is var colon && colon >= 0 ? colon : body.LastIndexOf("Sources", StringComparison.Ordinal);
        Assert.True(sources > 0);
        var chinese = Han().Matches(body[..sources]).Select(m => m.Value).Distinct().ToList();
        Assert.True(chinese.Count == 0, string.Join(" ", chinese));
    }

    [GeneratedRegex(@"[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]+")]
    private static partial Regex Han();
}
