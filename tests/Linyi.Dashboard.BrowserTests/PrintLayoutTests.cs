using System.Text.Json;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web.Features.Pdf;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
public class PrintLayoutTests(BrowserApp app)
{
    private sealed record ChartBox(string Indicator, double Left, double Right, double ColumnLeft, double ColumnRight, double CanvasWidth);

    /// <summary>
    /// The print view laid out as the PDF renderer lays it out: A4's printable width, print media. Each chart's canvas
    /// must lie inside its own column, and each column inside the printable width.
    /// </summary>
    private async Task<List<ChartBox>> ChartBoxesAsync(string path)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = PdfRenderer.PrintableWidthPx, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("html[data-charts-ready=true]");
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('figure.print-chart')].filter(f => f.querySelector('canvas')).map(f => {
                const column = f.getBoundingClientRect();
                const style = getComputedStyle(f);
                const canvas = f.querySelector('canvas').getBoundingClientRect();
                return {
                    indicator: f.dataset.indicator,
                    left: canvas.left, right: canvas.right, canvasWidth: canvas.width,
                    columnLeft: column.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
                    columnRight: column.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
                };
            }))
            """);
        await context.CloseAsync();
        return JsonSerializer.Deserialize<List<ChartBox>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    [Theory]
    [InlineData("/print/summary")]
    [InlineData("/print/summary?category=industry")]
    [InlineData("/print/summary?category=livelihoods")]
    [InlineData("/print/briefing?item=category:fiscal&item=gdp&region=linyi&region=lanshan")]
    [InlineData("/print/summary?category=economy&culture=en&ui-culture=en")]
    public async Task EveryChartFitsItsColumnOnA4Portrait(string path)
    {
        var charts = await ChartBoxesAsync(path);

        Assert.NotEmpty(charts);
        Assert.All(charts, chart =>
        {
            Assert.True(chart.CanvasWidth > 100, $"{chart.Indicator} is drawn {chart.CanvasWidth}px wide");
            Assert.True(chart.Left >= chart.ColumnLeft - 0.5 && chart.Right <= chart.ColumnRight + 0.5,
                $"{chart.Indicator}: chart {chart.Left}–{chart.Right}px, its column {chart.ColumnLeft}–{chart.ColumnRight}px");
            Assert.True(chart.ColumnRight <= PdfRenderer.PrintableWidthPx, $"{chart.Indicator}'s column ends at {chart.ColumnRight}px, past the printable width");
        });
    }
}
