using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>An analyst finds indicators by name in the data explorer, and goals by period, category, region and status.</summary>
public class AnalystFindingTests(TestDatabase database) : IntegrationTest(database)
{
    private static readonly HtmlParser Parser = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.LoadSeedsAsync();
    }

    private async Task<(string Code, string NameZh, string NameEn)> IndicatorAsync(string code)
    {
        await using var db = Database.CreateContext();
        var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == code);
        return (indicator.Code, indicator.NameZh, indicator.NameEn);
    }

    private static string Query(string text) => "/data?indicator=" + Uri.EscapeDataString(text);

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    [InlineData("en-shouted")]
    public async Task ANameTypedInTheIndicatorBoxLeadsToThatIndicatorsFigures(string form)
    {
        var grain = await IndicatorAsync("grain_output");
        var typed = form switch { "zh" => grain.NameZh, "en" => grain.NameEn, _ => "  " + grain.NameEn.ToUpperInvariant() + " " };
        var client = CreateClient();

        var response = await client.GetAsync(Query(typed) + "&year=2024");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/data?year=2024&indicator={grain.Code}", location);
        var page = Parser.ParseDocument(await client.GetStringAsync(location));
        var rows = page.QuerySelectorAll("tr[data-observation]").Select(r => r.GetAttribute("data-observation")!).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith(grain.Code + "/", r, StringComparison.Ordinal));
        Assert.Equal(grain.Code, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#filter-indicator")!.Value);
    }

    [Fact]
    public async Task CodesAndNamesMixTheBoxKeepsTheirOrder()
    {
        var grain = await IndicatorAsync("grain_output");

        var response = await CreateClient().GetAsync(Query($"gdp, {grain.NameZh}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/data?indicator=gdp,{grain.Code}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PartOfANameSharedByManyOffersThemAndTheFormStaysUsable()
    {
        await using var db = Database.CreateContext();
        var expected = (await db.Indicators.AsNoTracking().Where(i => i.NameZh.Contains("粮食")).Select(i => i.Code).ToListAsync()).Order().ToList();
        Assert.True(expected.Count > 1);

        var response = await CreateClient().GetAsync(Query("粮食"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var box = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#filter-indicator")!;
        Assert.Equal("粮食", box.Value);
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        var problem = page.GetElementById(box.GetAttribute("aria-describedby")!)!;
        Assert.Equal("粮食", problem.GetAttribute("data-unmatched"));
        var offered = problem.QuerySelectorAll("a[data-code]").Select(a => a.GetAttribute("data-code")!).Order().ToList();
        Assert.Equal(expected, offered);
        Assert.All(problem.QuerySelectorAll("a[data-code]"), a => Assert.Equal($"/data?indicator={a.GetAttribute("data-code")}", a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("no such indicator", false)]
    [InlineData("nosuchcode", false)]
    [InlineData("no such indicator", true)]
    public async Task AnUnknownNameIsExplainedBesideTheBoxInTheReadersLanguage(string typed, bool english)
    {
        var response = await CreateClient().GetAsync(Query(typed) + "&region=junan" + (english ? "&culture=en&ui-culture=en" : ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var box = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#filter-indicator")!;
        Assert.Equal(typed, box.Value);
        var problem = page.GetElementById(box.GetAttribute("aria-describedby")!)!;
        Assert.Equal(typed, problem.GetAttribute("data-unmatched"));
        Assert.Empty(problem.QuerySelectorAll("a[data-code]"));
        Assert.Contains(typed, problem.TextContent, StringComparison.Ordinal);
        Assert.Equal(english, !System.Text.RegularExpressions.Regex.IsMatch(problem.TextContent, @"\p{IsCJKUnifiedIdeographs}"));
        Assert.Equal("junan", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#filter-region")!.Value);
        Assert.All(page.QuerySelectorAll("tr[data-observation]"), r => Assert.Contains("/junan/", r.GetAttribute("data-observation")!, StringComparison.Ordinal));
    }
}
