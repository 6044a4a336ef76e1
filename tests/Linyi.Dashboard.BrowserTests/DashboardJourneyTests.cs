using Linyi.Dashboard.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
public class DashboardJourneyTests(BrowserApp app)
{
    private static async Task WaitForChartsAsync(IPage page, int atLeast)
    {
        await page.WaitForFunctionAsync("n => window.LinyiCharts && window.LinyiCharts.instances.length >= n", atLeast);
    }

    [Fact]
    public async Task TheIndicatorPagePaintsItsChartWithTargetLinesAndHasNoConsoleErrors()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);

        await page.GotoAsync("/indicators/gdp_growth");
        await WaitForChartsAsync(page, 1);

        // Target marks on their own years (2020 and 2024), the stretch mark on 2024 only.
        var marks = await page.EvaluateAsync<string[]>("""
            () => { const c = LinyiCharts.instances[0];
                    return c.data.datasets.filter(d => d.pointStyle === 'line')
                        .map(d => d.data.map((v, i) => v === null ? '' : c.data.labels[i]).filter(l => l).join(',')); }
            """);
        Assert.Equal(["2020,2024", "2024"], marks);
        var painted = await page.EvaluateAsync<bool>("""
            () => {
                const canvas = document.querySelector('canvas[data-chart]');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
                return false;
            }
            """);
        Assert.True(painted);
        Assert.Equal("img", await page.GetAttributeAsync("canvas[data-chart]", "role"));
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task TheOverviewHasNoConsoleErrorsAndNoSeriousAccessibilityViolations()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-indicator=gdp]");

        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task TheIndicatorAndCategoryPagesHaveNoSeriousAccessibilityViolations()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/indicators/gdp");
        await WaitForChartsAsync(page, 1);
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));

        await page.GotoAsync("/categories/industry");
        await WaitForChartsAsync(page, 1);
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
    }

    [Fact]
    public async Task TheCategoryPageDrawsASmallChartForEachIndicatorWithASeries()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/categories/economy");
        var canvases = await page.Locator("canvas[data-chart]").CountAsync();
        await WaitForChartsAsync(page, canvases);

        Assert.True(canvases > 0);
        Assert.Equal(canvases, await page.Locator("canvas[data-rendered=true]").CountAsync());
    }

    [Fact]
    public async Task TheLanguageSwitchTurnsThePageIntoEnglishAndBack()
    {
        await using var db = app.Database.CreateContext();
        var gdp = await db.Indicators.SingleAsync(i => i.Code == "gdp");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/indicators/gdp");
        Assert.Equal(gdp.NameZh, (await page.TextContentAsync("h1"))!.Trim());

        await page.ClickAsync("a[lang=en]");
        await page.WaitForURLAsync("**/indicators/gdp");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(gdp.NameEn, (await page.TextContentAsync("h1"))!.Trim());
        await page.ClickAsync("a[lang=zh-CN]");
        Assert.Equal(gdp.NameZh, (await page.TextContentAsync("h1"))!.Trim());
    }

    [Fact]
    public async Task KeyboardUsersCanSkipToTheFiltersAndReachTheFirstIndicator()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/sources", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("filter-region", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        var reached = false;
        for (var presses = 0; presses < 25 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('href')") == "/indicators/gdp";
        }
        Assert.True(reached, "The first headline card is reachable by keyboard after the filter form.");
    }
}
