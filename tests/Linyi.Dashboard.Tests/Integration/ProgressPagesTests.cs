using System.Net;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

public class ProgressPagesTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    protected override TimeProvider? Clock => FixedClock.RulesDay;

    private static int Year(AngleSharp.Dom.IElement element, string attribute) =>
        int.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheOverviewShowsTheLatestResultApartFromTheGoalAndItsOwnPeriodsResult()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/"));

        var gdp = page.QuerySelector("[data-indicator='gdp']")!;
        var latest = gdp.QuerySelector(".latest")!;
        var goal = gdp.QuerySelector(".goal")!;
        Assert.Null(latest.Closest(".goal"));
        Assert.Equal("2024", goal.GetAttribute("data-period"));
        Assert.Equal(2024, Year(goal.QuerySelector("[data-result-year]")!, "data-result-year"));
        Assert.True(Year(latest, "data-result-year") > 2024);
        Assert.Equal(KebabText.Of(GoalStatus.Achieved), goal.QuerySelector(".verdict [data-status]")!.GetAttribute("data-status"));
        // GDP growth is real (comparable prices): no current-price level is derived from it.
        Assert.Null(gdp.QuerySelector("[data-implied-floor]"));
        // Retail sales growth is nominal and 2023's level is known only as "above 3,000", so the implied level is a floor.
        Assert.Equal("true", page.QuerySelector("[data-indicator='retail_sales'] [data-implied-floor]")!.GetAttribute("data-implied-floor"));
        var firms = page.QuerySelector("[data-indicator='hundred_bn_firms'] .goal")!;
        Assert.Equal(KebabText.Of(GoalShape.Level), firms.GetAttribute("data-shape"));
        Assert.Equal(KebabText.Of(GoalPhase.InProgress), firms.GetAttribute("data-phase"));
        Assert.Equal(GoalRules.YearlyRate(10, 15, 2026 - Year(firms.QuerySelector("[data-result-year]")!, "data-result-year")),
            decimal.Parse(firms.QuerySelector("[data-required-rate]")!.GetAttribute("data-required-rate")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheStatusSummaryLinksToExactlyTheGoalsBehindEachNumber()
    {
        var client = CreateClient();
        var summary = Dom.Parse(await client.GetStringAsync("/")).QuerySelector(".status-summary")!;

        foreach (var status in GoalRuleText.Statuses.Select(s => KebabText.Of(s)))
        {
            var count = int.Parse(summary.QuerySelector($"li[data-status='{status}'] strong")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
            var rows = Dom.Parse(await client.GetStringAsync($"/goals?status={status}")).QuerySelectorAll("tr[data-indicator][data-status]").Select(r => r.GetAttribute("data-status")).ToList();
            Assert.Equal(count, rows.Count);
            Assert.All(rows, r => Assert.Equal(status, r));
        }
        var awaiting = Dom.Parse(await client.GetStringAsync($"/goals?status={KebabText.Of(GoalStatus.AwaitingResult)}"));
        Assert.NotNull(awaiting.QuerySelector("tr[data-indicator='industrial_output'][data-period='2023-2024']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/goals?status=sideways")).StatusCode);
    }

    [Fact]
    public async Task TheOverviewSummarisesGoalsPerCategoryByStatus()
    {
        var client = CreateClient();
        var row = Dom.Parse(await client.GetStringAsync("/")).QuerySelector("tr[data-category='industry']")!;
        var goals = JsonDocument.Parse(await client.GetStringAsync("/api/goals?category=industry&region=linyi")).RootElement.EnumerateArray()
            .GroupBy(g => g.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        foreach (var status in GoalRuleText.Statuses.Select(s => KebabText.Of(s)))
        {
            Assert.Equal(goals.GetValueOrDefault(status).ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector($"td[data-status='{status}']")!.TextContent.Trim());
        }
        Assert.NotNull(row.QuerySelector("a[href^='/categories/industry']"));
    }

    [Fact]
    public async Task TheOverviewIsServedFromPostgresInAtMostFourRoundTrips()
    {
        var counter = new CommandCounter();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = factory.CreateClient();
        // Counts are kept per data version only once the version is known; until the listener has read it, every page computes afresh.
        await factory.Services.GetRequiredService<DataVersionState>().WhenLaterThanAsync(null).WaitAsync(TimeSpan.FromSeconds(30));
        // Regions, categories and the filter counts are cached for every page; the overview's own data is not cached yet:
        // the judged figures of record (indicators, figures) and the headline cards.
        await client.GetStringAsync("/categories");
        counter.Reset();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(counter.Count, 1, 4);
    }

    [Fact]
    public async Task ACategoryPageListsEveryIndicatorInItWithAChartAndAStatus()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/categories/industry"));
        await using var db = Database.CreateContext();
        var inCategory = await db.Indicators.Where(i => i.Category!.Slug == "industry").ToDictionaryAsync(i => i.Code, i => i.NameZh);

        var cards = page.QuerySelectorAll("article.indicator-card[data-indicator]");
        Assert.Contains(cards, c => c.GetAttribute("data-indicator") == "hundred_bn_firms");
        Assert.All(cards, c => Assert.True(inCategory.ContainsKey(c.GetAttribute("data-indicator")!)));
        Assert.All(cards, c => Assert.False(string.IsNullOrEmpty(c.GetAttribute("data-status"))));
        var output = page.One("article.indicator-card[data-indicator='industrial_output']");
        Assert.Contains(inCategory["industrial_output"], output.Plain());
        Assert.Equal("img", output.One("canvas[data-chart='chart-industrial_output']").GetAttribute("role"));
        Assert.Null(page.QuerySelector("[data-indicator='gdp']"));
    }

    [Fact]
    public async Task ACategoryPageSortsByStatusOnRequest()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/categories/industry?sort=Status"));

        var statuses = page.Values("article.card.indicator-card[data-indicator]", "data-status");
        var order = GoalRuleText.Statuses.Select(s => KebabText.Of(s)).ToArray();
        Assert.True(statuses.Count > 5);
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(order, s)).ToList(), statuses);
    }

    [Theory]
    [InlineData("/categories/industry?sort=sideways", HttpStatusCode.BadRequest, "Bad request")]
    [InlineData("/categories/no-such-category", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/indicators/no_such_indicator", HttpStatusCode.NotFound, "Page not found")]
    public async Task UnknownOrBadAddressesGetFriendlyPages(string url, HttpStatusCode status, string title)
    {
        var response = await CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), page.One("section.error-page").GetAttribute("data-status"));
        Assert.Equal(Words.Zh(title), page.One("section.error-page h1").Plain());
    }

    [Fact]
    public async Task AnIndicatorPageCarriesItsChartDataTargetsTableSourcesAndMilestones()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/gdp_growth"));

        var island = page.One("script[type='application/json']#chart-gdp_growth").TextContent;
        using var chart = JsonDocument.Parse(island);
        Assert.Equal("line", chart.RootElement.GetProperty("type").GetString());
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var marks = chart.RootElement.GetProperty("marks").EnumerateArray()
            .Select(t => (t.GetProperty("kind").GetString(), labels[t.GetProperty("index").GetInt32()], t.GetProperty("value").GetDecimal())).ToList();
        Assert.Contains(("target", "2024", 5.5m), marks);
        Assert.Contains(("stretch", "2024", 6m), marks);
        Assert.Contains(">=", chart.RootElement.GetProperty("marks").EnumerateArray().Select(t => t.GetProperty("comparator").GetString()));
        Assert.Equal(["2020", "2021", "2022", "2023", "2024", "2025"], labels);
        var actual = chart.RootElement.GetProperty("actual").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, actual[2].ValueKind);
        Assert.False(actual[4].GetProperty("preliminary").GetBoolean());
        Assert.Equal(5.7m, actual[4].GetProperty("value").GetDecimal());
        Assert.False(chart.RootElement.GetProperty("axis").GetProperty("beginAtZero").GetBoolean());
        Assert.Equal("table-gdp_growth", page.One("canvas[data-chart='chart-gdp_growth']").GetAttribute("aria-describedby"));
        Assert.Equal("TABLE", page.One("#table-gdp_growth").TagName);
        await using var db = Database.CreateContext();
        var target = await db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.Kind == ObservationKind.Target)
            .Select(o => new { o.Document!.Code, o.Document.TitleZh, o.Section }).SingleAsync();
        var citation = page.One("#table-gdp_growth tr[data-kind='target'][data-period='2024'] .citation");
        Assert.Equal(target.Code, citation.GetAttribute("data-document"));
        Assert.Equal(target.TitleZh, citation.One("cite").Plain());
        Assert.Equal(target.Section, citation.One(".citation-meta > span:last-child").Plain());
        Assert.NotNull(page.One("a[href='/indicators/gdp']"));
    }

    [Fact]
    public async Task AnIndicatorPageShowsUnitConversionNotesAndRelatedCountyMilestones()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/grain_output"));
        await using var db = Database.CreateContext();
        // The 2024 target is stated in 亿斤 while the indicator is kept in 万吨; its note gives the conversion.
        var note = await db.Observations.Where(o => o.Indicator!.Code == "grain_output" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.Kind == ObservationKind.Target)
            .Select(o => o.NoteZh).SingleAsync();

        Assert.Equal(note, page.One("#table-grain_output tr[data-kind='target'][data-period='2024'] td:last-child").Plain());
        var regions = page.Values(".milestones li[data-region]", "data-region");
        Assert.NotEmpty(regions);
        Assert.DoesNotContain("yiyuan", regions);
    }

    [Fact]
    public async Task PagesSwitchToEnglish()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/indicators/gdp?culture=en&ui-culture=en"));
        await using var db = Database.CreateContext();
        var name = await db.Indicators.Where(i => i.Code == "gdp").Select(i => i.NameEn).SingleAsync();

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(name, page.One("h1[data-indicator='gdp']").Plain());
        Assert.Equal(Words.En("All figures"), page.One("#data-heading").Plain());
    }
}
