using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class EditorJourneyTests(BrowserApp app) : IAsyncLifetime
{
    [Fact]
    public async Task AnEditorAddsTheBulletinAndItsFigureAndTheOverviewJudgesTheGoalOnIt()
    {
        const string email = "editor@example.test", password = "a-long-editor-passphrase";
        await app.CreateUserAsync(email, password, Roles.Editor);
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/");
        Assert.Contains("2024年实绩：5.7%", await page.InnerTextAsync("[data-indicator=gdp]"));

        await page.ClickAsync("a[href='/account/login']");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync("/admin/documents/new");
        await page.FillAsync("#f-code", "journey-bulletin2024");
        await page.FillAsync("#f-title_zh", "临沂市2024年国民经济和社会发展统计公报");
        await page.FillAsync("#f-title_en", "Linyi statistical bulletin 2024");
        await page.FillAsync("#f-publisher", "临沂市统计局");
        await page.FillAsync("#f-published_on", "2025-04-10");
        await page.SelectOptionAsync("#f-kind", "bulletin");
        await page.FillAsync("#f-url", "https://example.org/bulletin-2024");
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/admin/documents");

        await page.GotoAsync("/admin/observations/new?indicator=gdp_growth");
        await page.FillAsync("#Period", "2024");
        await page.SelectOptionAsync("#Kind", "actual");
        await page.FillAsync("#Value", "5.9");
        await page.SelectOptionAsync("#Vintage", "final");
        await page.SelectOptionAsync("#Document", "journey-bulletin2024");
        await page.FillAsync("#Section", "一、综合 ¶1");
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/indicators/gdp_growth");
        var history = await page.InnerTextAsync("tr[data-kind=actual][data-period='2024'] .vintage-history");
        Assert.Contains("初步 ≈ 6.0% (2025-01)", history);
        Assert.Contains("正式 5.9% (2025-04-10)", history);
        Assert.Contains("正式 5.7% (2025-12-25)", history);
        await page.Locator("tr[data-kind=actual][data-period='2024']").ScrollIntoViewIfNeededAsync();
        await app.ScreenshotAsync(page, "vintages");

        await page.GotoAsync("/");
        Assert.Contains("5.9%", await page.InnerTextAsync("[data-indicator=gdp] .goal[data-period='2024'] [data-result-year='2024']"));
        Assert.Equal(KebabText.Of(GoalStatus.Achieved), await page.GetAttributeAsync("[data-indicator=gdp] .goal[data-period='2024'] .verdict [data-status]", "data-status"));
        Assert.Empty(probe.Errors);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The bulletin and its figure go again, whether the journey got to its end or not, so the classes after it read the seeds.</summary>
    public async Task DisposeAsync()
    {
        await using var db = app.Database.CreateContext();
        await db.Observations.Where(o => o.Document!.Code == "journey-bulletin2024").ExecuteDeleteAsync();
        await db.Documents.Where(d => d.Code == "journey-bulletin2024").ExecuteDeleteAsync();
    }
}
