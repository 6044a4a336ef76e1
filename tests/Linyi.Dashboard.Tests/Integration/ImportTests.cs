using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class ImportTests(TestDatabase database, Xunit.Abstractions.ITestOutputHelper output) : IntegrationTest(database)
{
    private const string Header = "indicator,region,period,kind,comparator,value,unit,vintage,document,section,note_zh,note_en,shape\n";

    protected override bool StartsFromSeeds => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Documents.Add(new SourceDocument { Code = "bulletin2024", TitleZh = "2024年统计公报", TitleEn = "2024 statistical bulletin", PublishedOn = "2025-03", Kind = DocumentKind.Bulletin, SourceFile = "bulletin.txt" });
        await db.SaveChangesAsync();
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response, string Html)> UploadAsync(byte[] content, string name = "figures.csv", bool removeMissing = false, string role = Roles.Editor)
    {
        var editor = await Accounts.SignedInAsync(Factory, role);
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        using var form = new MultipartFormDataContent();
        if (removeMissing)
        {
            form.Add(new StringContent("true"), "removeMissing");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await editor.PostAsync("/admin/import", form);
        return (editor, response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each bad file by name; the bytes are made when the test runs, so that test discovery does not carry megabytes.</summary>
    private static readonly Dictionary<string, Func<byte[]>> BadFileContents = new()
    {
        ["wrong columns"] = () => Encoding.UTF8.GetBytes("indicator,region,value\ngdp,linyi,1\n"),
        ["bad number"] = () => Encoding.UTF8.GetBytes(Header + "gdp,linyi,2024,actual,=,6 500,,final,bulletin2024,表1,,,\n"),
        ["unknown code"] = () => Encoding.UTF8.GetBytes(Header + "gdp,atlantis,2024,actual,=,6500,,final,bulletin2024,表1,,,\n"),
        ["duplicate key"] = () => Encoding.UTF8.GetBytes(Header + "gdp,linyi,2024,actual,=,6500,,final,bulletin2024,表1,,,\ngdp,linyi,2024,actual,=,6600,,final,bulletin2024,表1,,,\n"),
        ["wrong encoding"] = () => [.. Encoding.UTF8.GetBytes(Header), .. Encoding.GetEncoding("utf-16").GetBytes("gdp,临沂")],
        ["header only"] = () => Encoding.UTF8.GetBytes(Header),
        ["huge file"] = () => Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(0, 60_000).Select(i => $"gdp,linyi,2024,actual,=,{i},,final,bulletin2024,表1,,,\n"))),
    };

    public static TheoryData<string, int, int, string> BadFiles => new()
    {
        { "wrong columns", 1, 3, "column 3 is 'value', expected 'period'" },
        { "bad number", 2, 6, "is not a plain number" },
        { "unknown code", 2, 2, "unknown region 'atlantis'" },
        { "duplicate key", 3, 9, "duplicate observation" },
        { "wrong encoding", 1, 1, "not valid UTF-8" },
        { "header only", 2, 1, "the file has a header but no figures" },
        { "huge file", 0, 0, "at most 2,097,152 are accepted" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task EachKindOfBadImportGetsItsOwnErrorAndLeavesTheDatabaseUnchanged(string kind, int line, int column, string message)
    {
        var content = BadFileContents[kind]();
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var (_, response, html) = await UploadAsync(content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, kind);
        var page = Dom.Parse(html);
        var at = page.QuerySelectorAll("tr[data-line]")
            .FirstOrDefault(r => r.GetAttribute("data-line") == line.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.GetAttribute("data-column") == column.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(at is not null, $"{kind}: no error at line {line}, column {column}");
        Assert.Contains(message, at.One("td[data-message]").GetAttribute("data-message"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.import-apply"));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

    [Fact]
    public async Task AnEmptyUploadIsAFormError()
    {
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var (_, response, html) = await UploadAsync([]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Dom.Parse(html).Values("[data-message]", "data-message"), m => m.Contains("The file is empty or missing", StringComparison.Ordinal));
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task AFullReImportListsAdditionsChangesAndRemovalsAndDeletesOnlyOnceTheCountIsTyped()
    {
        await using (var db = Database.CreateContext())
        {
            var gdp = await db.Indicators.SingleAsync(i => i.Code == "gdp");
            var linyi = await db.Regions.SingleAsync(r => r.Slug == "linyi");
            var bulletin = await db.Documents.SingleAsync(d => d.Code == "bulletin2024");
            db.Observations.AddRange(
                new Observation { Indicator = gdp, Region = linyi, StartYear = 2022, EndYear = 2022, Kind = ObservationKind.Actual, Value = 5778, Document = bulletin, Section = "表1" },
                new Observation { Indicator = gdp, Region = linyi, StartYear = 2021, EndYear = 2021, Kind = ObservationKind.Actual, Value = 5465, Document = bulletin, Section = "表1" });
            await db.SaveChangesAsync();
        }
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);
        var csv = Header
            + "gdp,linyi,2024,actual,=,6555,,final,bulletin2024,表1,,,\n"
            + "gdp_growth,linyi,2024,actual,=,5.8,,final,bulletin2024,表1,,,\n"
            + "gdp,linyi,2022,actual,=,5778.8,,final,bulletin2024,表1,修订,,\n";

        var (editor, response, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv), removeMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = Dom.Parse(html);
        var summary = preview.One("p.import-summary");
        Assert.Equal(("2", "1", "1", "0"), (summary.GetAttribute("data-add"), summary.GetAttribute("data-change"), summary.GetAttribute("data-remove"), summary.GetAttribute("data-unchanged")));
        Assert.Equal(Words.Zh("{0} to add, {1} to change, {2} to remove, {3} unchanged.", 2, 1, 1, 0), summary.Plain());
        var warning = preview.One("[data-removal-warning]");
        Assert.Equal("1", warning.GetAttribute("data-removal-warning"));
        Assert.Equal(Words.Zh("Applying this file deletes {0} figures ({1}) that cite its documents but are not in the file. To confirm, type the number {0}.", 1, NumberWords.Chinese(1)), warning.Plain());
        Assert.Equal("remove", preview.One("tr[data-key='gdp/linyi/2021/actual@bulletin2024']").GetAttribute("data-change"));
        Assert.Equal("change", preview.One("tr[data-key='gdp/linyi/2022/actual@bulletin2024']").GetAttribute("data-change"));
        var changed = preview.One("tr[data-change='change'] .import-figure");
        await using (var names = Database.CreateContext())
        {
            var gdpName = await names.Indicators.Where(i => i.Code == "gdp").Select(i => i.NameZh).SingleAsync();
            var cityName = await names.Regions.Where(r => r.Slug == "linyi").Select(r => r.NameZh).SingleAsync();
            Assert.Equal(("gdp", "linyi", "2022", "actual"), (changed.GetAttribute("data-indicator"), changed.GetAttribute("data-region"), changed.GetAttribute("data-period"), changed.GetAttribute("data-kind")));
            Assert.Contains(gdpName, changed.TextContent);
            Assert.Contains(cityName, changed.TextContent);
        }
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));

        var apply = ApplyAction(html);
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        foreach (var typed in new[] { "", "2", "一" })
        {
            var unconfirmed = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = typed, ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        }
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = " 1 ", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var after = Database.CreateContext();
        var gdpValues = await after.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Document!.Code == "bulletin2024").OrderBy(o => o.StartYear).Select(o => o.Value).ToListAsync();
        Assert.Equal([5778.8m, 6555m], gdpValues);
        var audit = await after.AuditEntries.Where(a => a.Source == ChangeSource.Import).ToListAsync();
        Assert.Equal(4, audit.Count);
        Assert.All(audit, a => Assert.NotNull(a.ImportId));
        Assert.False(await after.PendingImports.AnyAsync());
        Assert.Equal("achieved", Dom.Parse(await editor.GetStringAsync("/")).One("article[data-indicator='gdp'] [data-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task AnImportThatBecameInvalidBeforeConfirmationAppliesNothing()
    {
        var (editor, _, html) = await UploadAsync(Encoding.UTF8.GetBytes(Header + "gdp,linyi,2024,actual,=,6555,,final,bulletin2024,表1,,,\n"));
        var apply = ApplyAction(html);
        await using (var db = Database.CreateContext())
        {
            await db.Observations.Where(o => o.Document!.Code == "bulletin2024").ExecuteDeleteAsync();
            db.Documents.Remove(await db.Documents.SingleAsync(d => d.Code == "bulletin2024"));
            await db.SaveChangesAsync();
        }
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var token = await Accounts.TokenAsync(editor, "/admin/import");
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        Assert.Contains("unknown document", await applied.Content.ReadAsStringAsync());
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
    }

    [Fact]
    public async Task AOneRowCorrectionCitingTheWorkReportRemovesNothing()
    {
        await using var db0 = Database.CreateContext();
        var cited = await db0.Observations.CountAsync(o => o.Document!.Code == "gwr2024");
        Assert.True(cited > 10);
        var csv = Header + "gdp,linyi,2023,actual,=,6105.5,,final,gwr2024,一、2023年工作回顾 ¶1,更正,,\n";

        var (editor, response, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Dom.Parse(html);
        Assert.Equal("0", page.One(".import-summary").GetAttribute("data-remove"));
        Assert.Empty(page.QuerySelectorAll("[data-change='remove']"));
        Assert.True(html.IndexOf("/apply", StringComparison.Ordinal) < html.IndexOf("data-group=", StringComparison.Ordinal), "The apply button comes before the lists.");
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        var applied = await editor.PostAsync(ApplyAction(html), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal(cited, await db.Observations.CountAsync(o => o.Document!.Code == "gwr2024"));
        Assert.Equal(6105.5m, await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual && o.Document!.Code == "gwr2024").Select(o => o.Value).SingleAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Source == ChangeSource.Import));
    }

    [Fact]
    public async Task ThePreviewOfA36000RowFileStaysSmallAndIsPaged()
    {
        var rows = new StringBuilder(Header);
        foreach (var region in new[] { "linyi", "lanshan", "luozhuang", "hedong" })
        {
            for (var year = 2001; year <= 2030; year++)
            {
                for (var i = 0; i < 300; i++)
                {
                    rows.Append(CultureInfo.InvariantCulture, $"gdp,{region},{year},actual,=,{i},,final,d{i},t,,,\n");
                }
            }
        }
        // 36,000 rows, each its own figure: one indicator, 4 regions, 30 years, 300 documents.
        var csv = rows.ToString();
        await using (var db = Database.CreateContext())
        {
            db.Documents.AddRange(Enumerable.Range(0, 300).Select(i => new SourceDocument { Code = $"d{i}", TitleZh = $"文档{i}", TitleEn = $"Document {i}", PublishedOn = "2025", Kind = DocumentKind.News }));
            await db.SaveChangesAsync();
        }

        var (editor, response, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv));

        var preview = Dom.Parse(html);
        Assert.True(response.StatusCode == HttpStatusCode.OK, preview.QuerySelector("section.import-preview")?.Plain() ?? html);
        output.WriteLine($"Preview of 36,000 rows: {html.Length:N0} characters");
        Assert.True(html.Length < 200_000, $"The preview is {html.Length:N0} characters.");
        Assert.Equal("36000", preview.One("p.import-summary").GetAttribute("data-add"));
        Assert.Equal(50, preview.QuerySelectorAll("tr[data-change='add']").Length);
        var id = preview.One("section.import-preview").GetAttribute("data-import-preview");
        Assert.True(Guid.TryParse(id, out _), id);
        var page = Dom.Parse(await editor.GetStringAsync($"/admin/import/{id}?group=add&page=3"));
        Assert.Equal("36000", page.One("p.import-summary").GetAttribute("data-add"));
        Assert.Equal(50, page.QuerySelectorAll("tr[data-change='add']").Length);
    }

    private static string ApplyAction(string html) => Dom.Parse(html).One("form[action^='/admin/import/'][action$='/apply']").GetAttribute("action")!;
}
