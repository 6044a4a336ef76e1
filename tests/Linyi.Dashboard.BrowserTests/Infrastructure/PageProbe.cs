using System.Text.Json;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests.Infrastructure;

/// <summary>Collects console errors and failed requests while a page is used, and runs axe-core on it.</summary>
public sealed class PageProbe
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> Errors => errors;

    public PageProbe(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new InvalidOperationException("axe-core is not installed: run scripts/test.sh (npm ci in tests/Linyi.Dashboard.BrowserTests).");
    });

    /// <summary>The serious and critical axe-core violations on the page, as "rule: target" lines.</summary>
    public static Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page) => AccessibilityViolationsAsync(page, serious: true);

    /// <summary>Every violation axe finds on the page (with <paramref name="serious"/>, only serious and critical ones), as "rule: element".</summary>
    public static async Task<List<string>> AccessibilityViolationsAsync(IPage page, bool serious = false)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<JsonElement>("""
            async serious => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => !serious || v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')));
            }
            """, serious);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// Opens <paramref name="url"/> and waits until its charts and maps have drawn: the page's scripts mark
    /// html[data-charts-ready] and each map's canvas[data-rendered] when they are done.
    /// </summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("""
            () => (!document.querySelector('canvas[data-chart]') || document.documentElement.dataset.chartsReady === 'true')
                && [...document.querySelectorAll('canvas[data-map]')].every(c => c.dataset.rendered)
            """);
    }
}
