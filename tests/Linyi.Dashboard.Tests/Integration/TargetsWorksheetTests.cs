using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The targets worksheet covers every year an editor may need; a new report's targets go in through the intake.</summary>
public class TargetsWorksheetTests(TestDatabase database) : IntegrationTest(database)
{
    private static readonly string Excerpt = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "intake", "gwr2024-excerpt.txt"));

    protected override TimeProvider? Clock => new FixedClock(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));

    protected override bool StartsFromSeeds => true;

    private static bool Is(Dictionary<string, string> row, string indicator, string region, int year) =>
        row["indicator"] == indicator && row["region"] == region && row["year"] == year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every yearly goal in the database: indicator, region and year.</summary>
    private async Task<HashSet<(string, string, int)>> YearlyGoalsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Observations.Where(o => o.Kind != ObservationKind.Actual && o.StartYear == o.EndYear)
            .Select(o => new { Indicator = o.Indicator!.Code, Region = o.Region!.Slug, o.StartYear }).Distinct().ToListAsync())
            .Select(g => (g.Indicator, g.Region, g.StartYear)).ToHashSet();
    }

    [Fact]
    public async Task TheAdminHomeCountsWhatIsDueFromTheWorksheetsAndTheFiguresOfRecord()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var home = Dom.Parse(await editor.GetStringAsync("/admin"));

        int Due(string what) => int.Parse(home.QuerySelector($"[data-due='{what}']")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture);
        var goalsMissing = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx")).Count;
        var resultsDue = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/results.xlsx")).Count;
        await using var db = Database.CreateContext();
        var preliminary = await db.Observations.Where(o => o.Vintage == Vintage.Preliminary)
            .CountAsync(o => db.ObservationsOfRecord.Any(r => r.ObservationId == o.Id));
        Assert.Equal((resultsDue, goalsMissing, preliminary), (Due("results"), Due("goals"), Due("preliminary")));
        Assert.True(goalsMissing > 0 && preliminary > 0);
    }

    [Fact]
    public async Task TheTargetsWorksheetCoversThisYearNextYearAndEveryYearAGoalIsMissing()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var rows = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx"));

        var goals = await YearlyGoalsAsync();
        var years = rows.Select(r => int.Parse(r["year"], CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(2026, years);
        Assert.Contains(2027, years);
        Assert.All(years, y => Assert.True(y <= 2027, $"{y}"));
        Assert.DoesNotContain(rows, r => goals.Contains((r["indicator"], r["region"], int.Parse(r["year"], CultureInfo.InvariantCulture))));
        Assert.Equal(rows.Count, rows.Select(r => (r["indicator"], r["region"], r["year"])).Distinct().Count());
        // gdp_growth for Linyi has yearly goals for 2020 and 2024: the years between, and those after up to next year.
        Assert.Equal([2021, 2022, 2023, 2025, 2026, 2027],
            rows.Where(r => r["indicator"] == "gdp_growth" && r["region"] == "linyi").Select(r => int.Parse(r["year"], CultureInfo.InvariantCulture)));
        // retail_sales_growth has one yearly goal (2024) and results for 2020, 2023 and 2025: the years before its goal that
        // have a result, and the years after it.
        Assert.Equal([2020, 2023, 2025, 2026, 2027],
            rows.Where(r => r["indicator"] == "retail_sales_growth" && r["region"] == "linyi").Select(r => int.Parse(r["year"], CultureInfo.InvariantCulture)));
        Assert.Equal("2024", Assert.Single(rows, r => Is(r, "retail_sales_growth", "linyi", 2020))["goal_period"]);
        var after = Assert.Single(rows, r => Is(r, "gdp_growth", "linyi", 2025));
        Assert.Equal(("2024", "5.5", ">=6"), (after["goal_period"], after["target"], after["stretch"]));
        Assert.Equal("2020", Assert.Single(rows, r => Is(r, "gdp_growth", "linyi", 2023))["goal_period"]);

        var only = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx?year=2025"));
        Assert.Equal(rows.Where(r => r["year"] == "2025").Select(r => (r["indicator"], r["region"])), only.Select(r => (r["indicator"], r["region"])));
        var csv = await editor.GetAsync("/admin/worksheet/targets.csv?year=2026&region=linyi");
        Assert.Equal("targets-2026-linyi.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        foreach (var bad in new[] { "2099", "twenty", "-1" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync($"/admin/worksheet/targets.xlsx?year={bad}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/admin/worksheet/results.xlsx?year=2025")).StatusCode);
    }

    [Fact]
    public async Task ThePageCountsTheMissingGoalsOfEachYearAsTheWorksheetHoldsThem()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var rows = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx?category=economy"));

        var page = Dom.Parse(await editor.GetStringAsync("/admin/worksheet?category=economy"));

        var years = page.QuerySelectorAll("tr[data-target-year]").Where(r => r.GetAttribute("data-target-year") != "all")
            .ToDictionary(r => r.GetAttribute("data-target-year")!, r => int.Parse(r.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
        Assert.Equal(rows.GroupBy(r => r["year"]).ToDictionary(g => g.Key, g => g.Count()).Where(y => y.Value > 0).OrderBy(y => y.Key),
            years.Where(y => y.Value > 0).OrderBy(y => y.Key));
        Assert.Contains("2026", years.Keys);
        Assert.Contains("2027", years.Keys);
        Assert.Equal(rows.Count, int.Parse(page.QuerySelector("tr[data-target-year=all]")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
        var link = page.QuerySelector("a[data-download=targets-xlsx-2025]")!.GetAttribute("href")!;
        Assert.Equal(years["2025"], WorksheetCells.Rows(await editor.GetByteArrayAsync(link)).Count);
        Assert.NotNull(page.QuerySelector("a[href='/admin/intake']"));
    }

    [Fact]
    public async Task AReportsTargetsAppliedThroughTheIntakeInOneSittingLeaveTheWorksheet()
    {
        await using (var db = Database.CreateContext())
        {
            await db.Observations.Where(o => o.Document!.Code == "gwr2024" && o.Kind != ObservationKind.Actual && o.StartYear == 2024 && o.EndYear == 2024).ExecuteDeleteAsync();
        }
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var before = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx?year=2024"));
        Assert.Contains(before, r => Is(r, "gdp_growth", "linyi", 2024));
        Assert.Contains(before, r => Is(r, "budget_revenue_growth", "linyi", 2024));

        var token = await Accounts.TokenAsync(editor, "/admin/intake");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("gwr2024-targets"), "Code" }, { new StringContent("2024年临沂市政府工作报告"), "TitleZh" }, { new StringContent("work-report"), "Kind" },
            { new StringContent("临沂市人民政府"), "Publisher" }, { new StringContent("2024-01"), "PublishedOn" }, { new StringContent(""), "Url" },
            { new StringContent("linyi"), "Region" }, { new StringContent(Excerpt), "text" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        var review = Dom.Parse(await (await editor.PostAsync("/admin/intake", form)).Content.ReadAsStringAsync());
        var reviewForm = (IHtmlFormElement)review.QuerySelector("form.intake-review")!;
        var fields = Fields(reviewForm, review.QuerySelector("[data-accept-matched]"));
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        fields.Add(new("__RequestVerificationToken", await Accounts.TokenAsync(editor, "/admin/intake")));
        var previewed = await editor.PostAsync("/admin/intake/apply", new FormUrlEncodedContent(fields));
        var preview = Dom.Parse(await previewed.Content.ReadAsStringAsync());
        Assert.True(previewed.StatusCode == HttpStatusCode.OK, string.Join("\n", preview.QuerySelectorAll("[data-intake-error], .import-errors td[data-message]").Select(e => e.TextContent)));
        var apply = preview.QuerySelector("form.import-apply")!.GetAttribute("action")!;
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, "/admin/import") }));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        var after = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx"));
        Assert.DoesNotContain(after, r => Is(r, "gdp_growth", "linyi", 2024));
        Assert.DoesNotContain(after, r => Is(r, "budget_revenue_growth", "linyi", 2024));
        var next = Assert.Single(after, r => Is(r, "gdp_growth", "linyi", 2025));
        Assert.Equal(("2024", "5.5", ">=6"), (next["goal_period"], next["target"], next["stretch"]));
        await using var check = Database.CreateContext();
        var target = await check.Observations.SingleAsync(o => o.Document!.Code == "gwr2024-targets" && o.Indicator!.Code == "gdp_growth" && o.Kind == ObservationKind.Target);
        // The excerpt is from the seeds' 2024 work report: the target is cited to the paragraph the seeds cite.
        var seed = Csv.ReadFile(Path.Combine(TestDatabase.SeedsDirectory, "observations.csv"))
            .Single(r => r["document"] == "gwr2024" && r["indicator"] == "gdp_growth" && r["region"] == "linyi" && r["period"] == "2024" && r["kind"] == "target");
        Assert.Equal((2024, decimal.Parse(seed["value"], CultureInfo.InvariantCulture), seed["section"]), (target.StartYear, target.Value, target.Section));
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IElement? button)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(box.Name!, box.Value));
                    }
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        if (button?.GetAttribute("name") is { } name)
        {
            fields.Add(new(name, button.GetAttribute("value") ?? ""));
        }
        return fields;
    }
}
