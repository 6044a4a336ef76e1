using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Any two regions side by side on /compare, and the county map shaded by any indicator-year on /regions.</summary>
public class CountySideBySideTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    /// <summary>"indicator/kind" → (period, value) of the region's latest figure of record, from the API.</summary>
    private static async Task<Dictionary<string, (string Period, decimal Value)>> LatestAsync(HttpClient client, string region)
    {
        var items = JsonDocument.Parse(await client.GetStringAsync($"/api/observations?region={region}&size=500")).RootElement.GetProperty("items").EnumerateArray();
        return items.Select(o => (Key: $"{o.GetProperty("indicator").GetString()}/{o.GetProperty("kind").GetString()}", Period: o.GetProperty("period").GetString()!, Value: o.GetProperty("value").GetDecimal()))
            .GroupBy(o => o.Key)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => int.Parse(o.Period[^4..], CultureInfo.InvariantCulture)).ThenBy(o => o.Period.Length).Select(o => (o.Period, o.Value)).First());
    }

    [Theory]
    [InlineData("tancheng", "yinan", false)]
    [InlineData("lanling", "luozhuang", true)]
    public async Task TwoRegionsSideBySideShowEachOnesLatestFigureOfEveryIndicatorEitherReports(string first, string second, bool english)
    {
        var client = CreateClient();
        var a = await LatestAsync(client, first);
        var b = await LatestAsync(client, second);

        var page = Dom.Parse(await client.GetStringAsync($"/compare?county={first}&county={second}" + (english ? "&culture=en&ui-culture=en" : "")));

        var rows = page.QuerySelectorAll("#table-side tbody tr").ToList();
        Assert.Equal(a.Keys.Union(b.Keys).Order(StringComparer.Ordinal), rows.Select(r => r.GetAttribute("data-row")!).Order(StringComparer.Ordinal));
        Assert.Equal([first, second], page.QuerySelectorAll("#table-side thead th[data-region]").Select(h => h.GetAttribute("data-region")));
        foreach (var row in rows)
        {
            var key = row.GetAttribute("data-row")!;
            var cells = row.QuerySelectorAll("td[data-region]").ToList();
            Assert.Equal([first, second], cells.Select(c => c.GetAttribute("data-region")));
            foreach (var (cell, expected) in cells.Zip(new[] { a, b }))
            {
                if (expected.TryGetValue(key, out var figure))
                {
                    Assert.Equal(figure.Value, decimal.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture));
                    Assert.Equal(figure.Period, cell.GetAttribute("data-period"));
                }
                else
                {
                    Assert.Equal("", cell.GetAttribute("data-value"));
                }
            }
            var both = a.TryGetValue(key, out var fa) && b.TryGetValue(key, out var fb) ? fa.Period != fb.Period : false;
            Assert.Equal(both ? "true" : "false", row.GetAttribute("data-periods-differ"));
        }
        // Rows both report come first.
        var complete = rows.Select(r => a.ContainsKey(r.GetAttribute("data-row")!) && b.ContainsKey(r.GetAttribute("data-row")!)).ToList();
        Assert.Equal(complete.OrderByDescending(c => c), complete);
        Assert.Equal(complete.Count(c => c).ToString(CultureInfo.InvariantCulture), page.QuerySelector(".side-summary")!.GetAttribute("data-in-common"));
        Assert.Equal(first, page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#compare-first")!.Value);
        Assert.Equal(second, page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#compare-second")!.Value);
    }

    [Fact]
    public async Task OneIndicatorNarrowsTheSideBySideToItsRows()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/compare?county=tancheng&county=yinan&indicator=gdp"));

        Assert.Equal(["gdp/actual"], page.QuerySelectorAll("#table-side tbody tr").Select(r => r.GetAttribute("data-row")));
        Assert.Equal("gdp", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#compare-indicator")!.Value);
    }

    [Theory]
    [InlineData("county=tancheng&county=tancheng", false)]
    [InlineData("county=tancheng&county=", true)]
    public async Task ChoosingFewerThanTwoRegionsIsExplainedBesideTheForm(string query, bool english)
    {
        var response = await CreateClient().GetAsync("/compare?" + query + (english ? "&culture=en&ui-culture=en" : ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        var select = page.QuerySelector("#compare-second")!;
        Assert.Equal("true", select.GetAttribute("aria-invalid"));
        var problem = page.GetElementById(select.GetAttribute("aria-describedby")!)!;
        Assert.Equal("alert", problem.GetAttribute("role"));
        Assert.Equal(english, !System.Text.RegularExpressions.Regex.IsMatch(problem.TextContent, @"\p{IsCJKUnifiedIdeographs}"));
        Assert.Null(page.QuerySelector("#table-side"));
    }

    [Theory]
    [InlineData("/compare?county=tancheng&county=atlantis", HttpStatusCode.BadRequest)]
    [InlineData("/compare?county=tancheng&county=yinan&indicator=nothing", HttpStatusCode.BadRequest)]
    [InlineData("/regions?indicator=gdp_growth&year=20x3", HttpStatusCode.BadRequest)]
    [InlineData("/regions?indicator=nothing", HttpStatusCode.NotFound)]
    [InlineData("/regions?colour=red", HttpStatusCode.BadRequest)]
    public async Task AnAddressThatNamesNothingIsAnErrorPageWithItsReason(string address, HttpStatusCode status)
    {
        var response = await CreateClient().GetAsync(address);

        Assert.Equal(status, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".error-page .error-message"));
    }

    [Fact]
    public async Task TheCountyMapIsShadedByTheChosenIndicatorYearWithItsPeriodAndSourcesStated()
    {
        var client = CreateClient();
        var choice = await client.GetAsync("/regions?shade=" + Uri.EscapeDataString("gdp_growth/2023"));
        Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);
        Assert.Equal("/regions?indicator=gdp_growth&year=2023", choice.Headers.Location!.OriginalString);

        var html = await client.GetStringAsync("/regions?indicator=gdp_growth&year=2023");
        var compared = await client.GetStringAsync("/compare?indicator=gdp_growth&year=2023&kind=actual");

        var page = Dom.Parse(html);
        var map = JsonDocument.Parse(page.GetElementById("map-compare")!.TextContent).RootElement;
        var reference = JsonDocument.Parse(Dom.Parse(compared).GetElementById("map-compare")!.TextContent).RootElement;
        Assert.Equal("choropleth", map.GetProperty("mode").GetString());
        Assert.Equal(reference.GetProperty("areas").ToString(), map.GetProperty("areas").ToString());
        Assert.Equal("gdp_growth/2023", page.QuerySelector("[data-shaded]")!.GetAttribute("data-shaded"));
        Assert.Equal("gdp_growth/2023", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#map-shade")!.Value);
        var caption = page.QuerySelector(".map-caption")!;
        Assert.Equal("2023", caption.GetAttribute("data-period"));
        // Every source document of a shaded county is named.
        var sources = map.GetProperty("areas").EnumerateArray().Where(a => a.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(a => a.GetProperty("detail").GetString()!.Split(" · ")[^1]).Distinct().ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains(s, caption.TextContent, StringComparison.Ordinal));

        var plain = Dom.Parse(await client.GetStringAsync("/regions"));
        Assert.Equal("locator", JsonDocument.Parse(plain.GetElementById("map-regions")!.TextContent).RootElement.GetProperty("mode").GetString());
        Assert.Null(plain.QuerySelector(".map-caption"));
    }

    [Theory]
    [InlineData("/regions")]
    [InlineData("/regions?indicator=gdp_growth&year=2023")]
    [InlineData("/compare")]
    [InlineData("/compare?county=tancheng&county=yinan")]
    public async Task HeadingsNeverSkipALevel(string address)
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync(address));

        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second}"));
    }
}
