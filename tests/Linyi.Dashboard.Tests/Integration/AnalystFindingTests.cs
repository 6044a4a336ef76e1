using System.Net;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>An analyst finds indicators by name in the data explorer, and goals by period, category, region and status.</summary>
public class AnalystFindingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

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
        var page = Dom.Parse(await client.GetStringAsync(location));
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
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
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
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
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

    /// <summary>"indicator/period/status" of each goal the API gives for a region, narrowed by the indicators' category and an exact period.</summary>
    private async Task<List<string>> ExpectedGoalsAsync(HttpClient client, string region, string? category, string? period, string? status)
    {
        await using var db = Database.CreateContext();
        var categories = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.Category!.Slug }).ToDictionaryAsync(i => i.Code, i => i.Slug);
        return System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/goals?region={region}")).RootElement.EnumerateArray()
            .Select(g => (Indicator: g.GetProperty("indicator").GetString()!, Period: g.GetProperty("period").GetString()!, Status: g.GetProperty("status").GetString()!))
            .Where(g => (category is null || categories[g.Indicator] == category) && (period is null || g.Period == period) && (status is null || g.Status == status))
            .Select(g => $"{g.Indicator}/{g.Period}/{g.Status}").Order(StringComparer.Ordinal).ToList();
    }

    private static List<IElement> GoalRows(IDocument page) => page.QuerySelectorAll("table.goals-table tbody tr[data-indicator]").ToList();

    private static string Key(IElement row) => $"{row.GetAttribute("data-indicator")}/{row.GetAttribute("data-period")}/{row.GetAttribute("data-status")}";

    [Theory]
    [InlineData("linyi", null, "2024", null)]
    [InlineData("linyi", "economy", null, null)]
    [InlineData("linyi", null, "2022-2026", null)]
    [InlineData("linyi", "economy", null, "no-data")]
    [InlineData("junan", null, null, null)]
    [InlineData("lanshan", "industry", null, null)]
    public async Task GoalsNarrowByRegionCategoryPeriodAndStatusFromTheAddress(string region, string? category, string? period, string? status)
    {
        var client = CreateClient();
        var expected = await ExpectedGoalsAsync(client, region, category, period, status);
        var address = "/goals?" + string.Join('&', new[] { ("region", region), ("category", category), ("period", period), ("status", status) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));

        var page = Dom.Parse(await client.GetStringAsync(address));

        Assert.Equal(expected, GoalRows(page).Select(Key).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".filter-count")!.GetAttribute("data-count"));
        // The form shows the choices the address made, so that applying it again changes nothing.
        string? Chosen(string id) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#" + id)!.Value;
        Assert.Equal(region == "linyi" ? "" : region, Chosen("goals-region"));
        Assert.Equal(category ?? "", Chosen("goals-category"));
        Assert.Equal(period ?? "", Chosen("goals-period"));
        Assert.Equal(status ?? "", Chosen("goals-status"));
        // Each status link keeps the other choices and leads to exactly the goals it counts.
        var link = page.QuerySelector(".status-summary li[data-status] a")!;
        var linked = Dom.Parse(await client.GetStringAsync(link.GetAttribute("href")!));
        Assert.Equal(int.Parse(link.QuerySelector("strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), GoalRows(linked).Count);
        Assert.All(GoalRows(linked), r => Assert.Equal(link.ParentElement!.GetAttribute("data-status"), r.GetAttribute("data-status")));
        if (category is not null)
        {
            Assert.All(GoalRows(linked), r => Assert.Equal(category, r.GetAttribute("data-category")));
        }
    }

    [Fact]
    public async Task GoalsOfOnePeriodStayTogetherAndEachColumnSortsBothWays()
    {
        var client = CreateClient();
        var statusOrder = Linyi.Dashboard.Web.Domain.GoalRuleText.Statuses.Select(s => Linyi.Dashboard.Web.Features.Shared.KebabText.Of(s)).ToList();
        static int End(IElement r) => int.Parse(r.GetAttribute("data-period")![^4..], System.Globalization.CultureInfo.InvariantCulture);

        var byDefault = GoalRows(Dom.Parse(await client.GetStringAsync("/goals")));
        var periodAsc = GoalRows(Dom.Parse(await client.GetStringAsync("/goals?sort=period&dir=asc")));
        var statusAsc = GoalRows(Dom.Parse(await client.GetStringAsync("/goals?sort=status&dir=asc")));
        var statusDesc = GoalRows(Dom.Parse(await client.GetStringAsync("/goals?sort=status&dir=desc")));

        Assert.True(byDefault.Select(r => r.GetAttribute("data-period")).Distinct().Count() > 1);
        Assert.Equal(byDefault.Select(End).OrderDescending(), byDefault.Select(End));
        Assert.Equal(periodAsc.Select(End).Order(), periodAsc.Select(End));
        // One period's goals are one run: a period never reappears after another has begun.
        var runs = byDefault.Select(r => r.GetAttribute("data-period")).Aggregate(new List<string?>(), (list, p) => { if (list.Count == 0 || list[^1] != p) { list.Add(p); } return list; });
        Assert.Equal(runs.Distinct().Count(), runs.Count);
        var statusRanks = statusAsc.Select(r => statusOrder.IndexOf(r.GetAttribute("data-status")!)).ToList();
        Assert.Equal(statusRanks.Order(), statusRanks);
        Assert.Equal(statusAsc.Select(Key).Order(StringComparer.Ordinal), statusDesc.Select(Key).Order(StringComparer.Ordinal));
        var descRanks = statusDesc.Select(r => statusOrder.IndexOf(r.GetAttribute("data-status")!)).ToList();
        Assert.Equal(descRanks.OrderDescending(), descRanks);
    }

    [Fact]
    public async Task ColumnHeadersSayHowTheTableIsSortedAndLinkToTheOtherDirection()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/goals?category=economy&sort=status&dir=asc"));

        var status = page.QuerySelector("#goals-sort-status")!;
        Assert.Equal("ascending", status.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("/goals?category=economy&sort=status&dir=desc", status.GetAttribute("href"));
        Assert.Equal("none", page.QuerySelector("#goals-sort-period")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("/goals?category=economy&sort=period&dir=asc", page.QuerySelector("#goals-sort-period")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("period=2024x", "2024x", false)]
    [InlineData("region=atlantis", "atlantis", true)]
    [InlineData("category=nothing", "nothing", false)]
    [InlineData("status=sideways", "sideways", true)]
    [InlineData("sort=colour", "colour", false)]
    [InlineData("colour=red", "colour", false)]
    public async Task AGoalsAddressThatCannotBeMetIsExplainedInTheReadersLanguage(string query, string named, bool english)
    {
        var response = await CreateClient().GetAsync("/goals?" + query + (english ? "&culture=en&ui-culture=en" : ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        var message = page.QuerySelector(".error-page")!.TextContent;
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Equal(english, !System.Text.RegularExpressions.Regex.IsMatch(message, @"\p{IsCJKUnifiedIdeographs}"));
    }
}
