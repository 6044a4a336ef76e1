using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ResultsDueJourneyTests(BrowserApp app)
{
    private const string Card = "[data-indicator=gdp] [data-status]";

    [Fact]
    public async Task AnEditorFillsTheResultsDueWorksheetAppliesItAndRevertsItFromTheAuditTrail()
    {
        // The 2024 growth result becomes due again: its reports are set aside and put back at the end.
        List<Observation> reports;
        await using (var db = app.Database.CreateContext())
        {
            var query = db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.Kind == ObservationKind.Actual);
            reports = await query.AsNoTracking().ToListAsync();
            await query.ExecuteDeleteAsync();
        }
        try
        {
            await JourneyAsync();
        }
        finally
        {
            await using var db = app.Database.CreateContext();
            await db.Observations.Where(o => o.Document!.Code == "journey-b2024").ExecuteDeleteAsync();
            await db.Documents.Where(d => d.Code == "journey-b2024").ExecuteDeleteAsync();
            db.Observations.AddRange(reports.Select(o => { o.Id = 0; return o; }));
            await db.SaveChangesAsync();
        }
    }

    private async Task JourneyAsync()
    {
        const string email = "results-admin@example.test", password = "a-long-administrator-passphrase";
        await app.CreateUserAsync(email, password, Roles.Admin);
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/");
        var before = await page.GetAttributeAsync(Card, "data-status");

        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync("/admin/worksheet?category=economy");
        Assert.Equal(1, await page.Locator("tr[data-due='gdp_growth/linyi/2024']").CountAsync());
        Assert.Equal(1, await page.Locator("tr[data-target-year='2027']").CountAsync());
        Assert.Empty(await PageProbe.SeriousAccessibilityViolationsAsync(page));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-download=results-xlsx]"));
        var sheet = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var filled = WorksheetCells.Fill(sheet, r => r["indicator"] == "gdp_growth" && r["region"] == "linyi" && r["year"] == "2024", new Dictionary<string, string>
        {
            ["result"] = "5.9", ["vintage"] = "final", ["document"] = "journey-b2024", ["section"] = "一、综合 ¶1",
            ["document_title"] = "临沂市2024年国民经济和社会发展统计公报", ["document_published"] = "2025-04-10", ["document_kind"] = "bulletin",
            ["document_url"] = "https://example.org/bulletin-2024",
        });

        await page.GotoAsync("/admin/import");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "results-due.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = filled });
        await page.ClickAsync("form.edit-form button[type=submit]");
        var row = page.Locator("tr[data-key='gdp_growth/linyi/2024/actual@journey-b2024']");
        Assert.Equal("achieved", await row.Locator("[data-status]").GetAttributeAsync("data-status"));
        Assert.Equal(1, await page.Locator("[data-new-document=journey-b2024]").CountAsync());
        Assert.Equal("0", await page.GetAttributeAsync(".import-summary", "data-remove"));
        await app.ScreenshotAsync(page, "import-preview");
        await page.ClickAsync("form.import-apply button[type=submit]");
        await page.WaitForURLAsync("**/apply");

        await page.GotoAsync("/");
        var applied = await page.GetAttributeAsync(Card, "data-status");
        Assert.Equal("achieved", applied);
        Assert.NotEqual(before, applied);
        Assert.Contains("5.9%", await page.InnerTextAsync("[data-indicator=gdp]"));

        await page.GotoAsync("/admin/audit");
        var entry = page.Locator("tr[data-audit='observation/gdp_growth/linyi/2024/actual@journey-b2024']");
        Assert.Contains("5.9", await entry.InnerTextAsync());
        await app.ScreenshotAsync(page, "audit-trail");
        await entry.Locator("[data-revert]").ClickAsync();
        await page.ClickAsync("[data-confirm-revert]");
        await page.WaitForURLAsync("**/admin/audit?source=revert");
        Assert.Equal(1, await page.Locator("tr[data-source=revert][data-audit='observation/gdp_growth/linyi/2024/actual@journey-b2024']").CountAsync());

        await page.GotoAsync("/");
        Assert.Equal(before, await page.GetAttributeAsync(Card, "data-status"));
        Assert.Empty(probe.Errors);
    }
}
