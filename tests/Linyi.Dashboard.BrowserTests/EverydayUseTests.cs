using System.Text.Json;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

/// <summary>Goals tables that a phone shows whole, and filters and sorting that leave the focus where the reader was.</summary>
[Collection(BrowserCollection.Name)]
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
        await page.FocusAsync(button);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{value}*");
        await page.WaitForFunctionAsync("id => document.activeElement && document.activeElement.id === id", button[1..]);

        Assert.Contains(value, page.Url, StringComparison.Ordinal);
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task SortingByAColumnHeaderFromTheKeyboardKeepsTheFocusOnThatHeader()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/goals");

        await page.FocusAsync("#goals-sort-status");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**sort=status*");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'goals-sort-status'");

        Assert.Contains("sort=status", page.Url, StringComparison.Ordinal);
        Assert.Equal("ascending", await page.GetAttributeAsync("th:has(#goals-sort-status)", "aria-sort"));
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
    }
}
