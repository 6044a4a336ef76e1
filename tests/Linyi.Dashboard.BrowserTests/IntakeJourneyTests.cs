using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class IntakeJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AnEditorPastesTheWorkReportAndAppliesItsFiguresInOneSitting()
    {
        const string email = "intake-editor@example.test", password = "a-long-intake-passphrase";
        await app.CreateUserAsync(email, password, Roles.Editor);
        var page = await app.NewPageAsync();
        var probe = new PageProbe(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.edit-form button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await page.ClickAsync("a[href='/admin/intake']");
        await page.FillAsync("#Code", "journey-gwr2024");
        await page.FillAsync("#TitleZh", "2024年临沂市政府工作报告");
        await page.SelectOptionAsync("#Kind", "work-report");
        await page.FillAsync("#Publisher", "临沂市人民政府");
        await page.FillAsync("#PublishedOn", "2024-01");
        await page.SelectOptionAsync("#Region", "linyi");
        await page.FillAsync("#text", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "intake", "gwr2024-excerpt.txt")));
        await page.ClickAsync("form.intake-form button[type=submit]");

        var gdp = page.Locator("tr[data-indicator=gdp][data-value='6105']");
        Assert.Contains("6105", await gdp.Locator("mark[data-figure]").InnerTextAsync());
        Assert.Equal("true", await page.Locator("tr[data-row]").First.GetAttributeAsync("data-matched"));
        await app.ScreenshotAsync(page, "intake-review");

        await page.ClickAsync("[data-accept-matched]");
        await page.WaitForSelectorAsync("form.import-apply");
        var adds = int.Parse((await page.GetAttributeAsync("[data-add]", "data-add"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(adds >= 40, $"{adds} figures to add");
        await page.ClickAsync("form.import-apply button[type=submit]");
        await page.WaitForSelectorAsync("a[href^='/admin/audit?import=']");
        Assert.Empty(probe.Errors);

        await using var db = app.Database.CreateContext();
        var figures = await db.Observations.Include(o => o.Indicator).Where(o => o.Document!.Code == "journey-gwr2024").ToListAsync();
        Assert.Equal(adds, figures.Count);
        var gdp2023 = Assert.Single(figures, o => o.Indicator!.Code == "gdp" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual);
        Assert.Equal((6105m, "一、2023年工作回顾 ¶2"), (gdp2023.Value, gdp2023.Section));
        Assert.Contains(figures, o => o.Indicator!.Code == "gdp_growth" && o.StartYear == 2024 && o.Kind == ObservationKind.Stretch && o.Value == 6m && o.Section == "二、2024年政府重点工作 ¶3");

        await db.Observations.Where(o => o.Document!.Code == "journey-gwr2024").ExecuteDeleteAsync();
        await db.Documents.Where(d => d.Code == "journey-gwr2024").ExecuteDeleteAsync();
    }
}
