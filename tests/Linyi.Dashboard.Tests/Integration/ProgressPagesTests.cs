using System.Net;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

public class ProgressPagesTests(TestDatabase database) : IntegrationTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.LoadSeedsAsync();
    }

    [Fact]
    public async Task TheOverviewShowsHeadlineResultsTargetsAndDerivedLevels()
    {
        var html = await CreateClient().GetStringAsync("/");

        var gdp = Html.Element(html, "data-indicator=\"gdp\"");
        // The latest result is the 2025 estimate; the 2024 growth target is judged on the final 2024 figure, not the estimate.
        Assert.Contains("≥ 6,800亿元", gdp);
        Assert.Contains("增长 5.4%", gdp);
        Assert.Contains("2024年实绩：5.7%", gdp);
        Assert.Contains("已完成", gdp);
        Assert.Contains("2024年目标：<strong>增长5.5%</strong>", gdp);
        Assert.Contains("<strong>增长≥ 6.0%</strong>", gdp);
        Assert.Contains("对应总量约 6,441亿元（按增速目标推算）", gdp);
        var grain = Html.Element(html, "data-indicator=\"grain_output\"");
        Assert.Contains("426.5万吨", grain);
        Assert.Contains("≥ 85亿斤", grain);
        Assert.DoesNotContain("85.0亿斤", grain);
        Assert.Contains("折合 425.0万吨（推算：单位换算）", grain);
        // 2023's retail sales were reported only as 突破3000亿元, so the level implied by 2024's growth target is a floor too.
        var retail = Html.Element(html, "data-indicator=\"retail_sales\"");
        Assert.Contains("data-implied-floor=\"true\">对应总量 ≥ 约3,240亿元", retail);
        var firms = Html.Element(html, "data-indicator=\"hundred_bn_firms\"");
        Assert.Contains("已完成目标的66.7%", firms);
        // 10 of 15 by 2026 needs 14.5% a year, and there is no earlier result to show the pace achieved.
        Assert.Contains("每年需增长 14.5%", firms);
        Assert.Contains("需关注", firms);
        Assert.Contains("9,334亿元", Html.Element(html, "data-indicator=\"logistics_total\""));
    }

    [Fact]
    public async Task TheStatusSummaryLinksToExactlyTheGoalsBehindEachNumber()
    {
        var client = CreateClient();
        var overview = await client.GetStringAsync("/");
        var summary = Html.Element(overview, "class=\"status-summary\"");

        foreach (var status in new[] { "achieved", "on-track", "needs-attention", "behind", "no-data" })
        {
            var count = int.Parse(System.Text.RegularExpressions.Regex.Match(Html.Element(summary, $"data-status=\"{status}\""), "<strong>(\\d+)</strong>").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            var list = await client.GetStringAsync($"/goals?status={status}");
            var rows = System.Text.RegularExpressions.Regex.Matches(list, "<tr data-indicator=\"[^\"]+\" data-period=\"[^\"]+\" data-status=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(count, rows.Count);
            Assert.All(rows, r => Assert.Equal(status, r));
        }
        Assert.Contains("data-indicator=\"industrial_output\" data-period=\"2023-2024\" data-status=\"behind\"", await client.GetStringAsync("/goals?status=behind"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/goals?status=sideways")).StatusCode);
    }

    [Fact]
    public async Task TheOverviewSummarisesGoalsPerCategoryByStatus()
    {
        var html = await CreateClient().GetStringAsync("/");

        var industry = Html.Element(html, "data-category=\"industry\"");
        // 规上工业总产值 needs 25% in 2024 to reach 1万亿; 2022→2023 achieved about 14%.
        Assert.Matches("data-status=\"behind\">[1-9]", industry);
        Assert.Contains("/categories/industry", industry);
    }

    [Fact]
    public async Task TheOverviewIsServedFromPostgresInAtMostThreeRoundTrips()
    {
        var counter = new CommandCounter();
        var client = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter))).CreateClient();
        // Regions and categories are cached for every page; the overview's own data is not cached yet.
        await client.GetStringAsync("/categories");
        counter.Reset();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(counter.Count, 1, 3);
    }

    [Fact]
    public async Task ACategoryPageListsEveryIndicatorInItWithAChartAndAStatus()
    {
        var html = await CreateClient().GetStringAsync("/categories/industry");

        Assert.Contains("规上工业总产值", html);
        Assert.Contains("data-indicator=\"hundred_bn_firms\"", html);
        Assert.Contains("data-chart=\"chart-industrial_output\"", html);
        Assert.Contains("role=\"img\"", html);
        Assert.DoesNotContain("data-indicator=\"gdp\"", html);
    }

    [Fact]
    public async Task ACategoryPageSortsByStatusOnRequest()
    {
        var html = await CreateClient().GetStringAsync("/categories/industry?sort=Status");

        var statuses = System.Text.RegularExpressions.Regex.Matches(html, "class=\"card indicator-card\" data-indicator=\"[^\"]+\" data-status=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        var order = new[] { "achieved", "on-track", "needs-attention", "behind", "no-data" };
        Assert.True(statuses.Count > 5);
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(order, s)).ToList(), statuses);
    }

    [Theory]
    [InlineData("/categories/industry?sort=sideways", HttpStatusCode.BadRequest, "请求有误")]
    [InlineData("/categories/no-such-category", HttpStatusCode.NotFound, "页面不存在")]
    [InlineData("/indicators/no_such_indicator", HttpStatusCode.NotFound, "页面不存在")]
    public async Task UnknownOrBadAddressesGetFriendlyPages(string url, HttpStatusCode status, string text)
    {
        var response = await CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnIndicatorPageCarriesItsChartDataTargetsTableSourcesAndMilestones()
    {
        var html = await CreateClient().GetStringAsync("/indicators/gdp_growth");

        var island = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/json\" id=\"chart-gdp_growth\">(.*?)</script>").Groups[1].Value;
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
        Assert.True(actual[5].GetProperty("preliminary").GetBoolean());
        Assert.False(actual[4].GetProperty("preliminary").GetBoolean());
        Assert.Equal(5.7m, actual[4].GetProperty("value").GetDecimal());
        Assert.False(chart.RootElement.GetProperty("axis").GetProperty("beginAtZero").GetBoolean());
        Assert.Contains("aria-describedby=\"table-gdp_growth\"", html);
        Assert.Contains("id=\"table-gdp_growth\"", html);
        Assert.Contains("2024年临沂市政府工作报告", html);
        Assert.Contains("二、2024年政府重点工作 ¶3", html);
        Assert.Contains("href=\"/indicators/gdp\"", html);
    }

    [Fact]
    public async Task AnIndicatorPageShowsUnitConversionNotesAndRelatedCountyMilestones()
    {
        var html = await CreateClient().GetStringAsync("/indicators/grain_output");

        Assert.Contains("85亿斤=425万吨", html);
        Assert.Contains("data-region=\"", html);
        Assert.DoesNotContain("data-region=\"yiyuan\"", html);
    }

    [Fact]
    public async Task TheProgressRulesPageExplainsTheThresholds()
    {
        var html = await CreateClient().GetStringAsync("/about/progress");

        Assert.Contains("2%以内", html);
        Assert.Contains("年均增速", html);
        Assert.Contains("不显示“已达到”或完成比例", html);
    }

    [Fact]
    public async Task PagesSwitchToEnglish()
    {
        var html = await CreateClient().GetStringAsync("/indicators/gdp?culture=en&ui-culture=en");

        Assert.Contains("Gross domestic product", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("All figures", html);
    }
}
