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
        Assert.Contains("5.7%", await page.InnerTextAsync("[data-indicator=gdp] .goal[data-period='2024'] [data-result-year='2024']"));

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
        // Every vintage of the 2024 result, oldest document first, ending with the one of record.
        var history = await page.Locator("tr[data-kind=actual][data-period='2024'] .vintage-history .vintage").EvaluateAllAsync<string[][]>(
            "spans => spans.map(s => [s.dataset.vintage, s.dataset.value, s.dataset.document, s.textContent.trim()])");
        await using (var db = app.Database.CreateContext())
        {
            var vintages = await db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.EndYear == 2024 && o.Kind == ObservationKind.Actual)
                .Select(o => new { o.Vintage, o.Value, o.Document!.Code, o.Document.PublishedOn }).ToListAsync();
            var expected = vintages.OrderBy(v => v.PublishedOn, StringComparer.Ordinal).ToList();
            Assert.Contains(expected, v => v.Code == "journey-bulletin2024" && v.Value == 5.9m && v.Vintage == Vintage.Final);
            Assert.Equal(expected.Select(v => (KebabText.Of(v.Vintage), Format.Invariant(v.Value), v.Code)), history.Select(h => (h[0], h[1], h[2])));
            Assert.All(expected.Zip(history), pair => Assert.EndsWith($"({pair.First.PublishedOn})", pair.Second[3], StringComparison.Ordinal));
        }
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
