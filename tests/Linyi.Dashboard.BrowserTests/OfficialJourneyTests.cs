using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class OfficialJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AnOfficialExportsACountyPdfAndTheButtonShowsItIsWorking()
    {
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/regions/junan");

        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.ClickAsync("a[data-pdf]");
            await page.WaitForSelectorAsync("a[data-pdf][aria-busy=true]");
            Assert.Equal(Words.Zh("Making the PDF…"), (await page.TextContentAsync("a[data-pdf]"))!.Trim());
            await app.ScreenshotAsync(page, "journey-official-1-exporting");
        });

        Assert.Equal("linyi-summary_junan_zh.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await page.WaitForSelectorAsync("a[data-pdf]:not([aria-busy])");
        Assert.Equal(Words.Zh("Export PDF"), (await page.TextContentAsync("a[data-pdf]"))!.Trim());
        Assert.Empty(probe.Errors);
    }

    [Fact]
    public async Task AFailedExportIsReportedInWords()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvalOnSelectorAsync("a[data-pdf]", "a => a.href = '/export/pdf?region=atlantis'");

        await page.ClickAsync("a[data-pdf]");
        await page.WaitForSelectorAsync("[data-pdf-status].pdf-error");

        var message = await page.TextContentAsync("[data-pdf-status]");
        // The app's own error page words the refusal; the button passes them on with the status.
        Assert.Equal($"{Words.Zh("Unknown region '{0}'.", "atlantis")} (HTTP 400)", message!.Trim());
    }
}
