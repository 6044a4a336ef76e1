using System.Globalization;
using Linyi.Dashboard.BrowserTests.Infrastructure;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.BrowserTests;

[Collection(BrowserCollection.Name)]
public class IntakeJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private const string Document = "gwr2024";

    /// <summary>The text of a seed document, kept with the tests (Fixtures/intake) under the name seeds/documents.csv gives it.</summary>
    private static string SourceText(string code)
    {
        var file = Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "documents.csv")).Single(d => d["code"] == code)["source_file"];
        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "intake", file));
    }

    private static (int Start, int End) Period(string period) =>
        period.Split('-') is [var start, var end] ? (int.Parse(start, CultureInfo.InvariantCulture), int.Parse(end, CultureInfo.InvariantCulture))
            : (int.Parse(period, CultureInfo.InvariantCulture), int.Parse(period, CultureInfo.InvariantCulture));

    [Fact]
    public async Task AnEditorPastesTheWholeWorkReportAndAppliesItsFiguresInOneSitting()
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
        await page.FillAsync("#text", SourceText(Document));
        await page.ClickAsync("form.intake-form button[type=submit]");

        var gdp = page.Locator("tr[data-indicator=gdp][data-value='6105']");
        Assert.Contains("6105", await gdp.Locator("mark[data-figure]").InnerTextAsync());
        Assert.Equal("true", await page.Locator("tr[data-row]").First.GetAttributeAsync("data-matched"));
        await app.ScreenshotAsync(page, "intake-review");

        await page.ClickAsync("[data-accept-matched]");
        await page.WaitForSelectorAsync("form.import-apply");
        var adds = int.Parse((await page.GetAttributeAsync("[data-add]", "data-add"))!, CultureInfo.InvariantCulture);
        await page.ClickAsync("form.import-apply button[type=submit]");
        await page.WaitForSelectorAsync("a[href^='/admin/audit?import=']");
        Assert.Empty(probe.Errors);

        await using var db = app.Database.CreateContext();
        var figures = await db.Observations.Include(o => o.Indicator).Include(o => o.Region)
            .Where(o => o.Document!.Code == "journey-gwr2024").ToListAsync();
        Assert.Equal(adds, figures.Count);
        var seeds = Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "observations.csv")).Where(o => o["document"] == Document).ToList();
        var kinds = new Dictionary<string, ObservationKind> { ["actual"] = ObservationKind.Actual, ["target"] = ObservationKind.Target, ["stretch"] = ObservationKind.Stretch };
        var covered = new HashSet<Dictionary<string, string>>();
        var agree = 0;
        foreach (var figure in figures)
        {
            var same = seeds.Where(s => s["indicator"] == figure.Indicator!.Code && s["region"] == figure.Region!.Slug && Period(s["period"]) == (figure.StartYear, figure.EndYear)
                && kinds[s["kind"]] == figure.Kind && decimal.Parse(s["value"], CultureInfo.InvariantCulture) == figure.Value).ToList();
            Assert.Matches(@"^\S.* ¶\d+$", figure.Section);
            if (same.Count == 0)
            {
                continue;
            }
            agree++;
            // Each figure the seeds hold is cited to the same paragraph as the seeds cite it.
            Assert.Contains(same, s => s["section"] == figure.Section);
            covered.UnionWith(same.Where(s => s["section"] == figure.Section));
        }
        // Measured on the whole report: 191 figures are applied, 186 of them as the seeds hold them (the others carry a code
        // the seeds give another figure), covering 186 of its 249 seed figures.
        Assert.True(agree * 100 >= figures.Count * 96, $"{agree} of {figures.Count} applied figures agree with seeds/observations.csv");
        Assert.True(covered.Count * 100 >= seeds.Count * 74, $"{covered.Count} of the {seeds.Count} seed figures of {Document} applied");
        // Two headline figures exactly as the seeds hold them: the 2023 GDP and the 2024 growth stretch target.
        var gdpSeed = Assert.Single(seeds, s => s["indicator"] == "gdp" && s["region"] == "linyi" && s["period"] == "2023" && s["kind"] == "actual");
        var gdp2023 = Assert.Single(figures, o => o.Indicator!.Code == "gdp" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual && o.Value == decimal.Parse(gdpSeed["value"], CultureInfo.InvariantCulture));
        Assert.Equal(gdpSeed["section"], gdp2023.Section);
        var stretchSeed = Assert.Single(seeds, s => s["indicator"] == "gdp_growth" && s["region"] == "linyi" && s["period"] == "2024" && s["kind"] == "stretch");
        Assert.Contains(figures, o => o.Indicator!.Code == "gdp_growth" && o.StartYear == 2024 && o.Kind == ObservationKind.Stretch
            && o.Value == decimal.Parse(stretchSeed["value"], CultureInfo.InvariantCulture) && o.Section == stretchSeed["section"]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The applied report goes again, whether the journey got to its end or not, so the classes after it read the seeds.</summary>
    public async Task DisposeAsync()
    {
        await using var db = app.Database.CreateContext();
        await db.Observations.Where(o => o.Document!.Code == "journey-gwr2024").ExecuteDeleteAsync();
        await db.Documents.Where(d => d.Code == "journey-gwr2024").ExecuteDeleteAsync();
    }
}
