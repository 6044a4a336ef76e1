using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Features.Briefing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class BriefingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    // The briefing's own title and note, as an official would type them.
    private const string Title = "季度简报";
    private const string Note = "供常务会议参阅";

    private static readonly string Selection = $"item=gdp_growth&item=category:fiscal&item=gdp&region=linyi&title={Uri.EscapeDataString(Title)}&note={Uri.EscapeDataString(Note)}";

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task ABriefingIsOnePdfWithContentsOnTheCoverWhosePageNumbersAreRightAndTheSectionsInTheChosenOrder()
    {
        var response = await CreateClient().GetAsync("/briefing/pdf?" + Selection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var pages = PdfText.Pages(bytes);
        Assert.Contains(Title, pages[0]);
        Assert.Contains(Note, pages[0]);
        Assert.Contains(PdfText.Squeezed(Words.Zh("Data as of")), pages[0]);
        var contents = pages[0];
        Assert.Contains(PdfText.Squeezed(Words.Zh("Contents")), contents);
        await using var db = Database.CreateContext();
        var names = await db.Indicators.Where(i => i.Code == "gdp_growth" || i.Code == "gdp").ToDictionaryAsync(i => i.Code, i => i.NameZh);
        var fiscal = await db.Categories.Where(c => c.Slug == "fiscal").Select(c => c.NameZh).SingleAsync();
        var sections = new[] { names["gdp_growth"], fiscal, names["gdp"] }.Select((name, i) => PdfText.Squeezed($"{i + 1}. {name}")).ToArray();
        // The contents read "1.<first heading>3" then "2.<second heading>…": each page number runs up to the next entry.
        var sources = PdfText.Squeezed(Words.Zh("Sources"));
        var next = new[] { "2.", "3.", sources };
        var listed = sections.Select((s, i) => Regex.Match(contents, Regex.Escape(s) + @"(\d+)" + Regex.Escape(next[i]))).ToList();
        Assert.All(listed, m => Assert.True(m.Success, contents));
        Assert.True(listed[0].Index < listed[1].Index && listed[1].Index < listed[2].Index);
        for (var i = 0; i < sections.Length; i++)
        {
            var page = int.Parse(listed[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(page > 1, $"{sections[i]} on page {page}");
            Assert.Contains(sections[i], pages[page - 1]);
            Assert.Contains(PdfText.Squeezed(Words.Zh("Page {0} of {1}", page, pages.Count)), pages[page - 1]);
        }
        // The sources list, with each repost's reliability note, may run over more than one page.
        Assert.Contains(pages.Skip(1), p => p.Contains(sources, StringComparison.Ordinal));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Matches("^" + Regex.Escape(Title + " · ") + @"\d{4}-\d{2}-\d{2}$", pdf.Information.Title);
        Assert.True(pdf.TryGetBookmarks(out _));
        Assert.All(await PdfTools.FontsAsync(bytes), font => Assert.Equal("CID TrueType", font.Type));
    }

    [Fact]
    public async Task TheComposerPageIsThePermalinkItKeepsTheOrderAndItsLinksMoveItems()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/briefing?item=gdp&item=category:fiscal&item=gdp_growth&region=junan"));

        Assert.Equal(["gdp", "category:fiscal", "gdp_growth"], page.Values("li[data-item]", "data-item"));
        var links = page.Values("a[href]", "href");
        Assert.Contains("/briefing/pdf?item=gdp&item=category%3Afiscal&item=gdp_growth&region=junan", links);
        Assert.Contains("/briefing?item=category%3Afiscal&item=gdp&item=gdp_growth&region=junan", links);
    }

    [Theory]
    [InlineData("/briefing/pdf?item=no_such_indicator", "Unknown indicator '{0}'.", "no_such_indicator")]
    [InlineData("/briefing/pdf?item=category:atlantis", "Unknown category '{0}'.", "category:atlantis")]
    [InlineData("/briefing/pdf?item=gdp&region=atlantis", "Unknown region '{0}'.", "atlantis")]
    [InlineData("/briefing/pdf?region=linyi", "Choose at least one indicator or category for the briefing.")]
    [InlineData("/briefing?item=population,gdp,gdp_growth,agri_output,industrial_output,industrial_output_growth,industrial_output_growth_rank,industrial_output_total,services_va,services_share,fixed_asset_investment,fixed_asset_investment_growth,private_investment", "Choose at most {0} indicators or categories ({1} chosen).", BriefingSelection.MaxItems, 13)]
    public async Task UnknownCodesAndTooManyItemsAreA400InWordsNeverA500(string path, string key, params object[] args)
    {
        Assert.Equal(Words.Zh(key, args), await RefusalAsync(path));
    }

    [Fact]
    public async Task ASelectionWithMoreChartsThanABriefingHoldsIsA400InWords()
    {
        await using var db = Database.CreateContext();
        // Every indicator of both categories, for each of the two regions.
        var charts = 2 * await db.Indicators.CountAsync(i => i.Category!.Slug == "economy" || i.Category!.Slug == "industry");
        Assert.True(charts > BriefingSelection.MaxCharts);

        Assert.Equal(Words.Zh("This selection makes {0} charts; a briefing holds at most {1}. Choose fewer items or regions.", charts, BriefingSelection.MaxCharts),
            await RefusalAsync("/briefing/pdf?item=category:economy&item=category:industry&region=linyi&region=junan"));
    }

    [Fact]
    public async Task AnUnknownParameterIsA400InWordsNamingTheParametersTheAddressAccepts()
    {
        Assert.Equal(Words.Zh("Unknown parameter '{0}'; this address accepts {1}.", "bogus", new Listed(["item", "region", "title", "note"])),
            await RefusalAsync("/briefing/pdf?item=gdp&bogus=1"));
    }

    /// <summary>The refusal's sentence: on the error page for a PDF, in the form's error list for the composer.</summary>
    private async Task<string> RefusalAsync(string path)
    {
        var response = await CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        return (page.QuerySelector(".error-page .error-message") ?? page.One("[data-briefing-errors] li")).Plain();
    }

    [Fact]
    public async Task TheBriefingPdfHasThePerClientPdfLimit()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:PdfPerMinute", "1"));
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/briefing/pdf?item=gdp")).StatusCode);
        var limited = await client.GetAsync("/briefing/pdf?item=gdp");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }
}
