using Linyi.Dashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ChartTests(BrowserApp app)
{
    private sealed class Axis
    {
        public string[] Labels { get; set; } = [];
        public bool Reverse { get; set; }
        public double? Min { get; set; }
        public double? Max { get; set; }
        public string Title { get; set; } = "";
    }

    private static async Task<Axis[]> AxesAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => !document.querySelector('canvas[data-chart]') || document.documentElement.dataset.chartsReady === 'true'");
        return await page.EvaluateAsync<Axis[]>("""
            () => (window.LinyiCharts && LinyiCharts.instances ? LinyiCharts.instances : []).map(c => ({
                labels: c.scales.y.ticks.map(t => String(t.label)),
                reverse: !!c.options.scales.y.reverse,
                min: c.scales.y.min, max: c.scales.y.max,
                title: c.options.scales.y.title.text
            }))
            """);
    }

    [Theory]
    [InlineData("/", 0)]
    [InlineData("/categories/economy", 3)]
    [InlineData("/indicators/gdp_growth", 1)]
    [InlineData("/indicators/gdp", 1)]
    [InlineData("/indicators/hotline_resolution_rate", 1)]
    [InlineData("/indicators/industrial_firms", 1)]
    [InlineData("/indicators/industrial_output", 1)]
    public async Task NoChartRepeatsATickLabelAndTheUnitIsOnTheAxisTitleOnly(string url, int atLeast)
    {
        var page = await app.NewPageAsync();

        var axes = await AxesAsync(page, url);

        Assert.True(axes.Length >= atLeast, $"{url} drew {axes.Length} charts");
        foreach (var axis in axes)
        {
            Assert.Equal(axis.Labels.Length, axis.Labels.Distinct().Count());
            Assert.StartsWith("单位：", axis.Title);
            Assert.DoesNotContain(axis.Labels, label => label.Contains('%') || label.Contains('亿'));
        }
    }

    [Fact]
    public async Task AMultiYearGoalIsAMarkOnItsDeadlineAndALevelAxisStartsAtZero()
    {
        var page = await app.NewPageAsync();

        var axis = Assert.Single(await AxesAsync(page, "/indicators/industrial_output"));
        var markYears = await page.EvaluateAsync<string[]>("""
            () => { const c = LinyiCharts.instances[0];
                    return c.data.datasets.filter(d => d.pointStyle === 'line')
                        .flatMap(d => d.data.map((v, i) => v === null ? null : c.data.labels[i]).filter(l => l !== null)); }
            """);

        Assert.Equal(0, axis.Min);
        Assert.Equal(["2024"], markYears);
    }
}
