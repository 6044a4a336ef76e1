using System.Text;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.BrowserTests;

[Collection(ReadingCollection.Name)]
public class AnalystJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AnAnalystChoosesJunanSeesItsMilestonesAndTargetsAndDownloadsTheCsv()
    {
        await using var db = app.Database.CreateContext();
        var junan = await db.Regions.Where(r => r.Slug == "junan").Select(r => r.NameZh).SingleAsync();
        var stretch = await db.Observations.Include(o => o.Indicator)
            .SingleAsync(o => o.Indicator!.Code == "industrial_output" && o.Region!.Slug == "junan" && o.Kind == ObservationKind.Stretch);
        var milestone = await db.Milestones.Where(m => m.Region!.Slug == "junan" && m.Category!.Slug == "industry" && m.Kind == MilestoneKind.Plan).Select(m => m.TitleZh).SingleAsync();
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/data");

        await page.SelectOptionAsync("#filter-region", "junan");
        await page.ClickAsync("form.filter-panel button[type=submit]");
        await page.WaitForURLAsync("**/data?region=junan*");
        Assert.Contains(junan, await page.InnerTextAsync("table.data-table"));
        await app.ScreenshotAsync(page, "journey-analyst-1-filter");

        await page.ClickAsync("table.data-table a[href='/regions/junan']");
        await page.WaitForURLAsync("**/regions/junan");
        var figures = await page.InnerTextAsync("table.region-figures");
        // The stretch target as the document states it: comparator, the figure at the indicator's precision, the unit.
        Assert.Contains($"{stretch.Comparator.ToSymbol()} {Format.Number(stretch.Value, Math.Max(stretch.Indicator!.Precision, Format.Decimals(stretch.Value)))}{stretch.Indicator.UnitCode}", figures);
        Assert.Contains(milestone, await page.InnerTextAsync("section[aria-labelledby=milestones-heading]"));

        await app.ScreenshotAsync(page, "journey-analyst-2-region");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/export/csv?region=junan']"));
        Assert.Equal("linyi-dashboard_junan.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path!));
        Assert.StartsWith("\uFEFFindicator_code,", text);
        var lines = text.TrimEnd().Split("\r\n");
        Assert.All(lines.Skip(1), line => Assert.Contains(",junan,", line));
        Assert.Contains(lines, line => line.StartsWith("industrial_output,", StringComparison.Ordinal) && line.Contains($",stretch,>=,{Format.Invariant(stretch.Value)},{stretch.Indicator.UnitCode},", StringComparison.Ordinal));
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
