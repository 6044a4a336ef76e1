using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
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
            // The title is the unit's sentence around the unit; no tick label repeats any character of the unit (%, 亿, 元…).
            var sentence = Words.Zh("Unit: {0}", "\u0001").Split('\u0001');
            Assert.StartsWith(sentence[0], axis.Title, StringComparison.Ordinal);
            Assert.EndsWith(sentence[1], axis.Title, StringComparison.Ordinal);
            var unit = axis.Title[sentence[0].Length..^sentence[1].Length];
            Assert.NotEmpty(unit);
            Assert.DoesNotContain(axis.Labels, label => label.Any(unit.Contains));
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

    private sealed class Tip
    {
        public string Year { get; set; } = "";
        public string Text { get; set; } = "";
    }

    [Theory]
    [InlineData("/indicators/gdp")]
    [InlineData("/indicators/industrial_firms")]
    [InlineData("/indicators/market_entities")]
    public async Task OnAnEnglishPageTheTooltipSaysWhatTheTableSaysInTheAxissScale(string url)
    {
        var page = await app.NewPageAsync("en");
        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(url));

        var axis = Assert.Single(await AxesAsync(page, url));
        var tips = await page.EvaluateAsync<Tip[]>("""
            () => { const c = LinyiCharts.instances[0]; const label = c.options.plugins.tooltip.callbacks.label;
                    return c.data.datasets[0].data.map((v, i) => v === null ? null : ({ year: c.data.labels[i],
                        text: label({ datasetIndex: 0, dataIndex: i, dataset: c.data.datasets[0], parsed: { y: v } }) })).filter(t => t); }
            """);
        var table = new Dictionary<string, string>();
        foreach (var row in await page.QuerySelectorAllAsync("table.observations tbody tr[data-kind=actual]"))
        {
            var text = await row.EvaluateAsync<string>("r => r.querySelector('td.num').firstChild.textContent.trim()");
            table[(await row.GetAttributeAsync("data-period"))!] = text;
        }

        Assert.NotEmpty(tips);
        var unit = axis.Title.Replace("Unit: ", "", StringComparison.Ordinal);
        foreach (var tip in tips)
        {
            Assert.StartsWith(table[tip.Year], tip.Text);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", tip.Text);
        }
        Assert.Contains(tips, tip => tip.Text.EndsWith(unit, StringComparison.Ordinal) || tip.Text.Contains(unit + " (", StringComparison.Ordinal));
    }
}
