using System.Text.Json;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

/// <summary>Goals tables that a phone shows whole, and filters and sorting that leave the focus where the reader was.</summary>
[Collection(ReadingCollection.Name)]
public class EverydayUseTests(BrowserApp app)
{
    /// <summary>For each goal row: whether its result and status cells lie inside the viewport without scrolling sideways.</summary>
    private const string KeyCellsInView = """
        () => [...document.querySelectorAll('table.stack-on-phone tbody tr')].map(row => {
            const cells = [...row.querySelectorAll('td')].filter((_, i, all) => i >= all.length - 3);
            return {
                row: row.getAttribute('data-indicator') || row.getAttribute('data-period'),
                inView: cells.every(c => { const r = c.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth; }),
            };
        })
        """;

    [Theory]
    [InlineData("/goals", "zh-CN")]
    [InlineData("/goals", "en")]
    [InlineData("/indicators/gdp_growth", "en")]
    public async Task OnAPhoneEveryGoalShowsItsResultAndStatusWithoutSidewaysScrolling(string path, string locale)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/culture/" + locale + "?returnUrl=" + Uri.EscapeDataString(path));

        var rows = (await page.EvaluateAsync<JsonElement>(KeyCellsInView)).EnumerateArray().ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.GetProperty("inView").GetBoolean(), $"{r.GetProperty("row")}: result or status outside the screen"));
        await app.ScreenshotAsync(page, path == "/goals" ? $"phone-goals-{locale}" : "phone-track-record-en");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/goals", "#goals-period", "2024", "#goals-apply")]
    [InlineData("/data", "#filter-region", "junan", "#filter-apply")]
    public async Task AfterFilteringFromTheKeyboardTheFocusIsOnTheButtonThatFilteredAgain(string path, string select, string value, string button)
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync(path);

        await page.SelectOptionAsync(select, value);
        // Focus and key press in one step, so that nothing can move the focus between them.
        await page.Locator(button).PressAsync("Enter");
        // The focus is the event; the page's load (every image and chart script) is not what this test waits for.
        await page.WaitForURLAsync($"**{value}*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForFunctionAsync("id => document.activeElement && document.activeElement.id === id", button[1..]);

        Assert.Contains(value, page.Url, StringComparison.Ordinal);
        Assert.Empty(probe.Errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SortingByAColumnHeaderFromTheKeyboardKeepsTheFocusOnThatHeader()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/goals");

        await page.Locator("#goals-sort-status").PressAsync("Enter");
        await page.WaitForURLAsync("**sort=status*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'goals-sort-status'");

        Assert.Contains("sort=status", page.Url, StringComparison.Ordinal);
        Assert.Equal("ascending", await page.GetAttributeAsync("th:has(#goals-sort-status)", "aria-sort"));
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "en")]
    [InlineData(390, "en")]
    [InlineData(1280, "zh-CN")]
    public async Task MapLabelsNeverOverlap(int width, string locale)
    {
        var page = await app.NewPageAsync(locale);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/culture/" + locale + "?returnUrl=" + Uri.EscapeDataString("/regions?indicator=gdp_growth&year=2023"));
        var canvas = page.Locator("canvas[data-map][data-rendered=true]");
        await canvas.WaitForAsync();

        var boxes = (await canvas.EvaluateAsync<JsonElement>("c => Chart.getChart(c).$areas.map(a => a.labelBox || null)")).EnumerateArray()
            .Where(b => b.ValueKind == JsonValueKind.Object)
            .Select(b => (X: b.GetProperty("x").GetDouble(), Y: b.GetProperty("y").GetDouble(), W: b.GetProperty("w").GetDouble(), H: b.GetProperty("h").GetDouble())).ToList();

        Assert.True(boxes.Count >= 9, $"only {boxes.Count} of 12 counties are labelled");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H, $"labels {i} and {j} overlap");
            }
        }
        await app.ScreenshotAsync(page, $"map-labels-{locale}-{width}");
    }

    /// <summary>Links and checkboxes smaller than 24 × 24 px (by axe's target-size rule, spacing counted), as "rule: target" lines.</summary>
    private const string SmallTargets = """
        async () => {
            const result = await axe.run(document, { runOnly: ['target-size', 'heading-order'], resultTypes: ['violations'] });
            return result.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')));
        }
        """;

    [Theory]
    [InlineData("/regions", "zh-CN")]
    [InlineData("/regions", "en")]
    [InlineData("/compare", "en")]
    [InlineData("/compare?county=tancheng&county=yinan", "zh-CN")]
    [InlineData("/indicators/gdp", "zh-CN")]
    [InlineData("/regions/junan", "en")]
    [InlineData("/briefing", "zh-CN")]
    [InlineData("/goals", "en")]
    [InlineData("/about/api", "en")]
    public async Task EveryTargetIsAtLeast24PixelsAndHeadingsAreInOrder(string path, string locale)
    {
        var page = await app.NewPageAsync(locale);
        await page.GotoAsync("/culture/" + locale + "?returnUrl=" + Uri.EscapeDataString(path));
        await PageProbe.SeriousAccessibilityViolationsAsync(page);

        var problems = (await page.EvaluateAsync<JsonElement>(SmallTargets)).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

