using System.Text.Json;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
public class CountyMapJourneyTests(BrowserApp app)
{
    private static readonly string[] Codes =
        ["371302", "371311", "371312", "371321", "371322", "371323", "371324", "371325", "371326", "371327", "371328", "371329"];

    /// <summary>Each county's box on the canvas and whether the pixel at its centre was painted.</summary>
    private const string DrawnAreas = """
        canvas => {
            const chart = Chart.getChart(canvas);
            const ratio = chart.currentDevicePixelRatio;
            const ctx = canvas.getContext('2d');
            return chart.getDatasetMeta(0).data.map((element, i) => {
                const b = element.getBounds();
                const c = element.getCenterPoint();
                const pixel = ctx.getImageData(Math.round(c.x * ratio), Math.round(c.y * ratio), 1, 1).data;
                return {
                    code: chart.$areas[i].code,
                    inside: b.x >= -1 && b.y >= -1 && b.x2 <= chart.width + 1 && b.y2 <= chart.height + 1,
                    size: Math.min(b.width, b.height),
                    painted: pixel[3] > 0,
                };
            });
        }
        """;

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task TheMapDrawsTheTwelveDistrictsAndCountiesWithTheirCodes(int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var probe = new PageProbe(page);

        await page.GotoAsync("/regions");
        var canvas = page.Locator("canvas[data-map][data-rendered=true]");
        await canvas.WaitForAsync();

        var areas = (await canvas.EvaluateAsync<JsonElement>(DrawnAreas)).EnumerateArray().ToList();
        Assert.Equal(Codes, areas.Select(a => a.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.All(areas, a =>
        {
            Assert.True(a.GetProperty("inside").GetBoolean(), $"{a.GetProperty("code")} is drawn outside the canvas");
            Assert.True(a.GetProperty("size").GetDouble() > 10, $"{a.GetProperty("code")} is too small to see");
            Assert.True(a.GetProperty("painted").GetBoolean(), $"{a.GetProperty("code")} is not painted");
        });
        Assert.True((await canvas.BoundingBoxAsync())!.Width <= width);
        await canvas.ScrollIntoViewIfNeededAsync();
        Assert.Empty(probe.Errors);
        await app.ScreenshotAsync(page, width > 500 ? "map-regions" : "map-regions-narrow");
    }

    [Fact]
    public async Task AKeyboardUserReachesEveryCountyAndReadsItsValueYearVintageAndSource()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/compare?indicator=gdp_growth&year=2023&kind=actual");
        await page.Locator("canvas[data-map][data-rendered=true]").WaitForAsync();

        var reached = new Dictionary<string, (string Row, string Tooltip)>();
        for (var i = 0; i < 150 && reached.Count < Codes.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>("""
                () => {
                    const a = document.activeElement;
                    if (!a || !a.dataset.mapArea) { return null; }
                    const canvas = document.querySelector('canvas[data-map]');
                    const tip = Chart.getChart(canvas).tooltip;
                    return {
                        code: a.dataset.mapArea,
                        row: a.closest('tr').innerText,
                        tooltip: tip.opacity > 0 ? [...tip.title, ...tip.body.flatMap(b => b.lines), ...tip.body.flatMap(b => b.after)].join(' ') : '',
                    };
                }
                """);
            if (focused.ValueKind == JsonValueKind.Object)
            {
                reached[focused.GetProperty("code").GetString()!] = (focused.GetProperty("row").GetString()!, focused.GetProperty("tooltip").GetString()!);
            }
        }

        Assert.Equal(Codes, reached.Keys.Order(StringComparer.Ordinal));
        var luozhuang = reached["371311"];
        Assert.Contains("5.8%", luozhuang.Tooltip);
        Assert.Contains(Words.Zh("{0}|year", 2023), luozhuang.Tooltip);
        Assert.Contains(Words.Zh("Final"), luozhuang.Tooltip);
        Assert.Contains("5.8%", luozhuang.Row);
        var hedong = reached["371312"];
        Assert.Contains(Words.Zh("No data"), hedong.Tooltip);
        Assert.Contains(Words.Zh("No data"), hedong.Row);
        await page.Locator("a[data-map-area='371311']").FocusAsync();
        await app.ScreenshotAsync(page, "map-compare");
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task ClickingACountyOnTheMapOpensIt()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/regions");
        var canvas = page.Locator("canvas[data-map][data-rendered=true]");
        await canvas.WaitForAsync();
        var centre = await canvas.EvaluateAsync<JsonElement>("""
            canvas => {
                const chart = Chart.getChart(canvas);
                const i = chart.$areas.findIndex(a => a.code === '371323');
                return chart.getDatasetMeta(0).data[i].getCenterPoint();
            }
            """);

        await canvas.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)centre.GetProperty("x").GetDouble(), Y = (float)centre.GetProperty("y").GetDouble() } });

        await page.WaitForURLAsync("**/regions/yishui");
    }

    [Theory]
    [InlineData("/regions")]
    [InlineData("/regions/luozhuang")]
    [InlineData("/regions/hedong")]
    [InlineData("/regions/coverage")]
    [InlineData("/compare")]
    public async Task MapComparisonAndCoveragePagesHaveNoSeriousAccessibilityViolations(string url)
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync(url);
        if (url != "/regions/coverage")
        {
            await page.Locator("canvas[data-map][data-rendered=true]").WaitForAsync();
        }

        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
        Assert.Empty(probe.Errors);
        if (url == "/regions/luozhuang")
        {
            await app.ScreenshotAsync(page, "map-county");
        }
    }
}
