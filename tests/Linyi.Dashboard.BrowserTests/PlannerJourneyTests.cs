using Linyi.Dashboard.BrowserTests.Infrastructure;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
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
        string[] order = ["achieved", "on-track", "needs-attention", "behind", "no-data"];
        var statuses = await page.EvalOnSelectorAllAsync<string[]>(".indicator-card", "cards => cards.map(c => c.dataset.status)");
        Assert.NotEmpty(statuses);
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(order, s)), statuses);
        await app.ScreenshotAsync(page, "journey-planner-2-category");

        await page.ClickAsync("[data-indicator=hundred_bn_firms] h2 a");
        await page.WaitForURLAsync("**/indicators/hundred_bn_firms");
        await page.WaitForFunctionAsync("window.LinyiCharts && window.LinyiCharts.instances.length === 1");
        Assert.Contains("66.7%", await page.InnerTextAsync(".goal"));
        Assert.Contains("每年需增长", await page.InnerTextAsync(".goal"));
        Assert.Contains("需关注", await page.InnerTextAsync(".goal"));
        await app.ScreenshotAsync(page, "journey-planner-3-indicator");
        Assert.Empty(probe.Errors);
    }
}
