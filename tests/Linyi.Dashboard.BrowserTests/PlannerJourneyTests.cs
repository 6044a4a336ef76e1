using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.BrowserTests.Infrastructure;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
public class PlannerJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task APlannerGoesFromTheOverviewToACategoryAndAnIndicatorChart()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/");
        await app.ScreenshotAsync(page, "journey-planner-1-overview");

        await page.ClickAsync("tr[data-category=industry] a");
        await page.WaitForURLAsync("**/categories/industry");
        await page.WaitForFunctionAsync("window.LinyiCharts && window.LinyiCharts.instances.length > 0");
        await page.ClickAsync("a[href='/categories/industry?sort=Status']");
        await page.WaitForURLAsync("**sort=Status");
        var order = Enum.GetValues<GoalStatus>().Select(s => KebabText.Of(s)).ToArray();
        var statuses = await page.EvalOnSelectorAllAsync<string[]>(".indicator-card", "cards => cards.map(c => c.dataset.status)");
        Assert.NotEmpty(statuses);
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(order, s)), statuses);
        await app.ScreenshotAsync(page, "journey-planner-2-category");

        await page.ClickAsync("[data-indicator=hundred_bn_firms] h2 a");
        await page.WaitForURLAsync("**/indicators/hundred_bn_firms");
        // One result so far: shown as a figure, not as a one-point chart.
        Assert.Equal(0, await page.Locator("canvas[data-chart]").CountAsync());
        Assert.Equal(KebabText.Of(GoalShape.Level), await page.GetAttributeAsync(".goal", "data-shape"));
        Assert.NotNull(await page.GetAttributeAsync(".goal [data-required-rate]", "data-required-rate"));
        Assert.Equal(KebabText.Of(GoalStatus.NeedsAttention), await page.GetAttributeAsync(".goal .verdict [data-status]", "data-status"));
        await app.ScreenshotAsync(page, "journey-planner-3-indicator");

        // A growth chart draws only what was measured: a year without a result is a gap, not a line.
        await page.GotoAsync("/indicators/gdp_growth");
        await page.WaitForSelectorAsync("canvas[data-rendered=true]");
        var dataset = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => { const d = window.LinyiCharts.instances[0].data.datasets[0]; return { spanGaps: d.spanGaps, gaps: d.data.filter(v => v === null).length }; }");
        Assert.False(dataset.GetProperty("spanGaps").GetBoolean());
        Assert.True(dataset.GetProperty("gaps").GetInt32() > 0);
        await app.ScreenshotAsync(page, "journey-planner-4-growth-gaps");
        Assert.Empty(probe.Errors);
    }
}
