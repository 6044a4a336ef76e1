using System.Text;
using Linyi.Dashboard.BrowserTests.Infrastructure;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class AnalystJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AnAnalystChoosesJunanSeesItsMilestonesAndTargetsAndDownloadsTheCsv()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/data");

        await page.SelectOptionAsync("#filter-region", "junan");
        await page.ClickAsync("form.filter-panel button[type=submit]");
        await page.WaitForURLAsync("**/data?region=junan*");
        Assert.Contains("莒南县", await page.InnerTextAsync("table.data-table"));
        await app.ScreenshotAsync(page, "journey-analyst-1-filter");

        await page.ClickAsync("table.data-table a[href='/regions/junan']");
        await page.WaitForURLAsync("**/regions/junan");
        var figures = await page.InnerTextAsync("table.region-figures");
        Assert.Contains("≥ 1,000亿元", figures);
        Assert.Contains("莒南县工业产值力争“过千亿”", await page.InnerTextAsync("section[aria-labelledby=milestones-heading]"));

        await app.ScreenshotAsync(page, "journey-analyst-2-region");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/export/csv?region=junan']"));
        Assert.Equal("linyi-dashboard_junan.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path!));
        Assert.StartsWith("\uFEFFindicator_code,", text);
        var lines = text.TrimEnd().Split("\r\n");
        Assert.All(lines.Skip(1), line => Assert.Contains(",junan,", line));
        Assert.Contains(lines, line => line.StartsWith("industrial_output,", StringComparison.Ordinal) && line.Contains(",stretch,>=,1000,亿元,", StringComparison.Ordinal));
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task TheRegionAndDataPagesHaveNoSeriousAccessibilityViolations()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/regions/junan");
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
        await page.GotoAsync("/data?region=linyi&category=industry");
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
    }
}
