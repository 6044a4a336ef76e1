using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class WorksheetTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await db.Observations.Where(o => o.Indicator!.Code == "gdp_growth" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.Kind == ObservationKind.Actual).ExecuteDeleteAsync();
    }

    private static bool GdpGrowth2024(Dictionary<string, string> row) => row["indicator"] == "gdp_growth" && row["region"] == "linyi" && row["year"] == "2024";

    private static async Task<string> UploadAsync(HttpClient editor, byte[] content, string name, string type)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        form.Add(new StringContent(await Accounts.TokenAsync(editor, "/admin/import")), "__RequestVerificationToken");
        var response = await editor.PostAsync("/admin/import", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Dom.Parse(html).Body?.Plain());
        return html;
    }

    [Fact]
    public async Task TheResultsDueWorkbookHasItsGoalsStyleFrozenHeaderFilterListsAndInstructions()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var response = await editor.GetAsync("/admin/worksheet/results.xlsx?category=economy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = WorksheetCells.Rows(bytes);
        var gdp = Assert.Single(rows, GdpGrowth2024);
        Assert.Equal("5.5", gdp["target"]);
        Assert.Equal(">=6", gdp["stretch"]);
        Assert.Equal("", gdp["result"]);
        Assert.DoesNotContain(rows, r => r["indicator"] == "gdp_growth" && r["year"] == "2023");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = WorksheetCells.Sheet(document);
        Assert.Equal("A2", sheet.Descendants<Pane>().Single().TopLeftCell!.Value);
        Assert.NotNull(sheet.Descendants<AutoFilter>().Single().Reference);
        var lists = sheet.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
        Assert.Contains("\"final,preliminary\"", lists);
        Assert.Contains(lists, l => l.Contains("Documents", StringComparison.Ordinal));
        Assert.Equal(1u, sheet.Descendants<Row>().First().Elements<Cell>().First().StyleIndex!.Value);
        Assert.Contains(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>(), s => s.Name!.Value!.Contains("Instructions", StringComparison.Ordinal));

        var other = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/results.xlsx?region=lanshan"));
        Assert.All(other, r => Assert.Equal("lanshan", r["region"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/admin/worksheet/results.xlsx?region=atlantis")).StatusCode);
    }

    [Fact]
    public async Task AFilledWorkbookPreviewsEachResultBesideItsGoalAndCreatesTheNewDocument()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var sheet = await editor.GetByteArrayAsync("/admin/worksheet/results.xlsx");
        var filled = WorksheetCells.Fill(sheet, GdpGrowth2024, new Dictionary<string, string>
        {
            ["result"] = "5.9", ["vintage"] = "final", ["document"] = "bulletin2024-test", ["section"] = "一、综合 ¶1",
            ["document_title"] = "临沂市2024年统计公报", ["document_published"] = "2025-04-10", ["document_kind"] = "bulletin", ["document_url"] = "https://example.org/b2024",
        });

        var html = await UploadAsync(editor, filled, "results-due.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var page = Dom.Parse(html);
        Assert.Equal("1", page.One(".import-summary").GetAttribute("data-add"));
        Assert.Equal(["bulletin2024-test"], page.Values("[data-new-document]", "data-new-document"));
        var row = page.One("tr[data-key='gdp_growth/linyi/2024/actual@bulletin2024-test']");
        // The goal column shows the 2024 target of 5.5 from the seeds, the status column what 5.9 against it gives.
        Assert.Contains("5.5", row.QuerySelectorAll("td")[^2].Plain());
        Assert.Equal(KebabText.Of(GoalStatus.Achieved), row.One("[data-status]").GetAttribute("data-status"));
        var apply = page.One("form.import-apply").GetAttribute("action")!;
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, "/admin/import") }));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var db = Database.CreateContext();
        var document = await db.Documents.SingleAsync(d => d.Code == "bulletin2024-test");
        Assert.Equal("https://example.org/b2024", document.Url);
        Assert.Equal(5.9m, await db.Observations.Where(o => o.DocumentId == document.Id).Select(o => o.Value).SingleAsync());
    }

    [Fact]
    public async Task TheCsvWorksheetAndTheTargetsWorksheetComeBackThroughTheSameImport()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var csv = Encoding.UTF8.GetString(await editor.GetByteArrayAsync("/admin/worksheet/results.csv?region=linyi"));
        var line = csv.Split('\n').Single(l => l.StartsWith("gdp_growth,", StringComparison.Ordinal) && l.Contains(",2024,,", StringComparison.Ordinal));
        var filledLine = line.Replace(",2024,,,,,,,,", ",2024,4.5,final,gwr2024,test ¶1,,,,", StringComparison.Ordinal);
        Assert.NotEqual(line, filledLine);

        var html = await UploadAsync(editor, Encoding.UTF8.GetBytes(csv.Replace(line, filledLine, StringComparison.Ordinal)), "results.csv", "text/csv");

        var page = Dom.Parse(html);
        Assert.Equal("1", page.One(".import-summary").GetAttribute("data-add"));
        // 4.5% against the 2024 target of 5.5%, after 2024 has ended: a final verdict.
        Assert.Equal(KebabText.Of(GoalStatus.Missed), page.One("tr[data-key='gdp_growth/linyi/2024/actual@gwr2024'] [data-status]").GetAttribute("data-status"));

        var targets = WorksheetCells.Rows(await editor.GetByteArrayAsync("/admin/worksheet/targets.xlsx?year=2027"));
        Assert.NotEmpty(targets);
        Assert.All(targets, r => Assert.Equal("2027", r["year"]));
    }

    [Fact]
    public async Task AFilledTargetsWorksheetAddsNextYearsTargets()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var csv = Encoding.UTF8.GetString(await editor.GetByteArrayAsync("/admin/worksheet/targets.csv"));
        // The shape comes filled from the goal it follows; the editor fills the target and its source.
        var empty = new Regex(",2027,,,,,([a-z]+),,,,,,$");
        var line = csv.Split('\n').First(l => empty.IsMatch(l));
        var filled = empty.Replace(line, ",2027,=,520,,,$1,gwr2024,test ¶1,,,,");

        var html = await UploadAsync(editor, Encoding.UTF8.GetBytes(csv.Replace(line, filled, StringComparison.Ordinal)), "targets.csv", "text/csv");

        var page = Dom.Parse(html);
        Assert.Equal("1", page.One(".import-summary").GetAttribute("data-add"));
        var key = $"{line.Split(',')[0]}/{line.Split(',')[2]}/2027/target@gwr2024";
        Assert.Contains(key, page.Values("tr[data-key]", "data-key"));
    }
}
