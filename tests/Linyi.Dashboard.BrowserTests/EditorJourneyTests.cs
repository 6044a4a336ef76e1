using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class EditorJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AnEditorEntersThe2024GdpGrowthAndSeesTheProgressChangeOnTheOverview()
    {
        const string email = "editor@example.test", password = "a-long-editor-passphrase";
        await app.CreateUserAsync(email, password, Roles.Editor);
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/");
        var before = await page.InnerTextAsync("[data-indicator=gdp]");
        Assert.Contains("暂无数据", before);

        await page.ClickAsync("a[href='/account/login']");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync("/admin/observations/new?indicator=gdp_growth");
        await page.FillAsync("#Period", "2024");
        await page.SelectOptionAsync("#Kind", "actual");
        await page.FillAsync("#Value", "5.8");
        await page.SelectOptionAsync("#Document", "gwr2024");
        await page.FillAsync("#Section", "示例章节 ¶1");
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/indicators/gdp_growth");

        await page.GotoAsync("/");
        var after = await page.InnerTextAsync("[data-indicator=gdp]");
        Assert.Contains("已完成", after);
        Assert.Contains("2024年实绩", after);
        Assert.Empty(probe.Errors);

        await using var db = app.Database.CreateContext();
        await db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.StartYear == 2024 && o.Kind == ObservationKind.Actual).ExecuteDeleteAsync();
        await db.BumpDataVersionAsync(default);
    }
}
