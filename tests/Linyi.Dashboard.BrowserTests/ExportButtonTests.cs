using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

/// <summary>The PDF button says what went wrong in the page's language and offers a retry that waits as the server asks.</summary>
[Collection(BrowserCollection.Name)]
public class ExportButtonTests(BrowserApp app)
{
    [Fact]
    public async Task ABusyServerGetsARetryThatWaitsForRetryAfter()
    {
        var page = await app.NewPageAsync();
        var answered = 0;
        await page.RouteAsync("**/export/pdf**", async route =>
        {
            answered++;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 429,
                Headers = new Dictionary<string, string> { ["Retry-After"] = "2" },
                ContentType = "application/problem+json",
                Body = """{"title":"Too Many Requests","status":429}""",
            });
        });
        await page.GotoAsync("/");

        await page.ClickAsync("a[data-pdf]");
        await page.WaitForSelectorAsync("[data-pdf-retry]:not([hidden])");

        Assert.True(await page.IsDisabledAsync("[data-pdf-retry]"));
        var status = (await page.TextContentAsync("[data-pdf-status]"))!;
        // The busy sentence, then the countdown from Retry-After (2 s), which may already have ticked.
        var busy = Words.Zh("The server is busy making other PDFs.");
        Assert.Contains(status, new[] { 2, 1 }.Select(left => busy + " " + Words.Zh("You can try again in {0} seconds.", left)));
        Assert.DoesNotContain("Too Many Requests", status);
        await page.WaitForSelectorAsync("[data-pdf-retry]:not([disabled])", new PageWaitForSelectorOptions { Timeout = 10_000 });
        await page.ClickAsync("[data-pdf-retry]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-pdf-retry]').disabled");
        Assert.Equal(2, answered);
    }

    [Fact]
    public async Task AFailedConnectionOrAProxyErrorIsReportedInThePageLanguage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/en?returnUrl=/");
        await page.RouteAsync("**/export/pdf**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 502,
            ContentType = "text/html",
            Body = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        }));
        await page.ClickAsync("a[data-pdf]");
        await page.WaitForSelectorAsync("[data-pdf-status].pdf-error");
        var status = (await page.TextContentAsync("[data-pdf-status]"))!;
        Assert.StartsWith("The PDF could not be made.", status);
        Assert.DoesNotContain("Bad Gateway", status);

        await page.UnrouteAsync("**/export/pdf**");
        await page.RouteAsync("**/export/pdf**", route => route.AbortAsync("failed"));
        await page.ClickAsync("[data-pdf-retry]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-pdf-status]').textContent.includes('connection')");
        Assert.DoesNotContain("TypeError", (await page.TextContentAsync("[data-pdf-status]"))!);
    }
}
