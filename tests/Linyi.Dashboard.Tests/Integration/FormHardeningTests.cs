using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Pdf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Odd form input gets a 400 that says what is wrong; nothing is written, and no check is skipped.</summary>
public partial class FormHardeningTests(TestDatabase database) : IntegrationTest(database)
{
    private const string ObservationsHeader = "indicator,region,period,kind,comparator,value,unit,vintage,document,section,note_zh,note_en,shape\n";

    protected override bool StartsFromSeeds => true;

    private static string Field(string html, string name) =>
        Dom.Parse(html).One($"input[name='{name}']").GetAttribute("value") ?? "";

    /// <summary>The sentences a refusal records (their English, whatever the page's language): form errors, import errors, the error page's message.</summary>
    private static async Task<List<string>> MessagesAsync(HttpResponseMessage response) =>
        Dom.Parse(await response.Content.ReadAsStringAsync()).Values("[data-message]", "data-message");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, byte[] content, string name = "figures.csv")
    {
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await editor.PostAsync("/admin/import", form);
    }

    [Theory]
    [InlineData("X\f}}body{display:none}")]
    [InlineData("X\r}}body{display:none}")]
    [InlineData("X\0Y")]
    [InlineData("X\nY")]
    [InlineData("fine\u200Etitle")]
    [InlineData("fine\u202Etitle")]
    public async Task AControlOrDirectionCharacterInABriefingTitleOrNoteIsA400(string text)
    {
        var client = CreateClient();

        var pdfTitle = await client.GetAsync("/briefing/pdf?item=gdp&title=" + Uri.EscapeDataString(text));
        var pageNote = await client.GetAsync("/briefing?item=gdp&note=" + Uri.EscapeDataString(text));
        var printTitle = await client.GetAsync("/print/briefing?item=gdp&title=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.BadRequest, pdfTitle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pageNote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, printTitle.StatusCode);
    }

    [Theory]
    [InlineData("X\f}}body{display:none}")]
    [InlineData("a\"b\\c\r\nd;}@import 'x';")]
    [InlineData("临沂 2025年 简报")]
    [InlineData("emoji 😀 ok")]
    public void TheFooterIsOneCssStringThatHoldsExactlyTheText(string footer)
    {
        var css = PdfRenderer.CssString(footer);

        Assert.Matches("^\"[A-Za-z0-9 \\\\]*\"$", css);
        var decoded = Regex.Replace(css[1..^1], "\\\\([0-9A-F]{6})", m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        Assert.Equal(Regex.Replace(footer, "\\p{Cc}", " "), decoded);
    }

    [Fact]
    public async Task AnUpperCaseSchemeIsStoredInLowerCaseFromTheFormAndFromAWorksheet()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/documents/new");

        var saved = await editor.PostAsync("/admin/documents/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "probeurl15", ["title_zh"] = "网址探针", ["title_en"] = "url probe", ["publisher"] = "", ["published_on"] = "2024", ["kind"] = "news",
            ["url"] = "HTTPS://EVIL.EXAMPLE/Path", ["reliability"] = "", ["source_file"] = "", ["__RequestVerificationToken"] = token,
        }));
        var header = (await editor.GetStringAsync("/admin/worksheet/results.csv")).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
        var preview = await UploadAsync(editor, Encoding.UTF8.GetBytes(header + "\ngdp,地区生产总值,junan,莒南县,2020,,,亿元,2020,321,final,newdocup,ws,标题,2024,news,Http://EXAMPLE.ORG/a\n"), "w.csv");
        var html = await preview.Content.ReadAsStringAsync();
        var apply = Dom.Parse(html).One("form.import-apply").GetAttribute("action")!;
        var applied = await editor.PostAsync(apply, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, "/admin/import") }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var db = Database.CreateContext();
        Assert.Equal("https://EVIL.EXAMPLE/Path", await db.Documents.Where(d => d.Code == "probeurl15").Select(d => d.Url).SingleAsync());
        Assert.Equal("http://EXAMPLE.ORG/a", await db.Documents.Where(d => d.Code == "newdocup").Select(d => d.Url).SingleAsync());
    }

    [Theory]
    [InlineData("HTTPS:EVIL")]
    [InlineData("http:\\\\evil.example")]
    [InlineData("ftp://evil.example/")]
    public async Task AnAddressThatIsNotPlainHttpIsAFormErrorNotAServerError(string url)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/documents/new");

        var saved = await editor.PostAsync("/admin/documents/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "probeurl16", ["title_zh"] = "网址探针", ["title_en"] = "url probe", ["published_on"] = "2024", ["kind"] = "news", ["url"] = url, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
    }

    private async Task<long> GdpActual2023Async()
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual && o.Document!.Code == "gwr2024").Select(o => o.Id).SingleAsync();
    }

    private static async Task<Dictionary<string, string>> EditFormAsync(HttpClient client, long id, string value)
    {
        var html = await client.GetStringAsync($"/admin/observations/{id}/edit");
        return new Dictionary<string, string>
        {
            ["Id"] = id.ToString(CultureInfo.InvariantCulture), ["Version"] = Field(html, "Version"), ["Indicator"] = "gdp", ["Region"] = "linyi",
            ["Period"] = "2023", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = value, ["Document"] = "gwr2024",
            ["Section"] = Field(html, "Section"), ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"),
        };
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task AnEditWithoutAReadableVersionIsRefusedAndDoesNotOverwriteANewerChange(string? version)
    {
        var id = await GdpActual2023Async();
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var other = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var stale = await EditFormAsync(editor, id, "15");
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync("/admin/observations/save", new FormUrlEncodedContent(await EditFormAsync(other, id, "14")))).StatusCode);
        if (version is null)
        {
            stale.Remove("Version");
        }
        else
        {
            stale["Version"] = version;
        }

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(stale));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await MessagesAsync(response), m => m.Contains("did not say which version", StringComparison.Ordinal));
        await using var db = Database.CreateContext();
        Assert.Equal(14m, await db.Observations.Where(o => o.Id == id).Select(o => o.Value).SingleAsync());
    }

    [Fact]
    public async Task AnUnchangedSaveAtAWrongVersionIsAConflictAndWritesNoAuditEntry()
    {
        var id = await GdpActual2023Async();
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var html = await editor.GetStringAsync($"/admin/observations/{id}/edit");
        var form = await EditFormAsync(editor, id, Field(html, "Value"));
        form["Version"] = "0";
        await using var before = Database.CreateContext();
        var audits = await before.AuditEntries.CountAsync();

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var after = Database.CreateContext();
        Assert.Equal(audits, await after.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData("Value", "abc")]
    [InlineData("NoteZh", "fine\u202Etxt")]
    public async Task AValidationErrorOnAnEditFormIsA400NotAConflict(string field, string value)
    {
        var id = await GdpActual2023Async();
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var form = await EditFormAsync(editor, id, "6000");
        form[field] = value;

        var response = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    public async Task BidiMarksAreRefusedInFormsAndImports(string mark)
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var token = await Accounts.TokenAsync(editor, "/admin/observations/new");

        var form = await editor.PostAsync("/admin/observations/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Indicator"] = "gdp", ["Region"] = "linyi", ["Period"] = "2025", ["Kind"] = "actual", ["Comparator"] = "=", ["Value"] = "6500",
            ["Document"] = "gwr2024", ["Section"] = "§1", ["NoteZh"] = $"fine{mark}txt", ["__RequestVerificationToken"] = token,
        }));
        var import = await UploadAsync(editor, Encoding.UTF8.GetBytes(ObservationsHeader + $"gdp,linyi,2025,actual,=,6500,,final,gwr2024,表{mark}1,,,\n"));

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains(await MessagesAsync(import), m => m.Contains("bidirectional override character", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGbkFileIsTold()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        // "表一" and "临沂" as GBK encodes them.
        byte[] gbk = [.. Encoding.ASCII.GetBytes(ObservationsHeader + "gdp,linyi,2025,actual,=,6500,,final,gwr2024,"), 0xB1, 0xED, 0xD2, 0xBB, (byte)',', 0xC1, 0xD9, 0xD2, 0xCA, (byte)',', (byte)',', (byte)'\n'];

        var response = await UploadAsync(editor, gbk);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await MessagesAsync(response), m => m.Contains("CSV UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneEditorFillsOnlyTheirOwnShareOfWaitingPreviewsAndAnAdminCanClearThemAll()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("Imports:PendingMegabytesPerUser", "2"));
        var editor = await Accounts.SignedInAsync(factory, Roles.Editor);
        var other = await Accounts.SignedInAsync(factory, Roles.Editor);
        var admin = await Accounts.SignedInAsync(factory, Roles.Admin);
        // A large preview: a long note on every figure keeps each file just under the 2 MB file limit.
        string File(int n) => ObservationsHeader + string.Concat(Enumerable.Range(0, 1_300).Select(i =>
            $"gdp,linyi,{1950 + (i / 30)}-{1951 + (i / 30) + (i % 30)},target,=,{n}{i},,final,gwr2024,§1,{new string('注', 400)},,level\n"));
        var first = await UploadAsync(editor, Encoding.UTF8.GetBytes(File(1)));
        var second = await UploadAsync(editor, Encoding.UTF8.GetBytes(File(2)));
        var othersOwn = await UploadAsync(other, Encoding.UTF8.GetBytes(File(3)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains(await MessagesAsync(second), m => m.Contains("each user may keep", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, othersOwn.StatusCode);

        var editorClears = await editor.PostAsync("/admin/import/pending/clear", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, "/admin/import") }));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(2, await db.PendingImports.CountAsync());
        }
        var adminClears = await admin.PostAsync("/admin/import/pending/clear", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Accounts.TokenAsync(admin, "/admin/import") }));

        Assert.Contains("/account/denied", editorClears.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, adminClears.StatusCode);
        await using var after = Database.CreateContext();
        Assert.False(await after.PendingImports.AnyAsync());
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(editor, Encoding.UTF8.GetBytes(File(4)))).StatusCode);
    }

    [Fact]
    public async Task AnAuditPageNumberPastTheLastPossibleIsA400NotAServerError()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var past = await editor.GetAsync("/admin/audit?page=21474838");
        var largest = await editor.GetAsync("/admin/audit?page=2147483647");
        var last = await editor.GetAsync("/admin/audit?page=21474836");

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, largest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
    }

    [Fact]
    public async Task TwoBadPeriodsAreTwoPeriodErrorsAndNoDuplicate()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(ObservationsHeader
            + "gdp,junan,1948,actual,=,1,,final,gwr2024,表1,,,\ngdp,junan,2026-2022,actual,=,2,,final,gwr2024,表1,,,\n"));
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll("tr[data-line][data-column='3']").Length);
        Assert.DoesNotContain(page.Values("[data-message]", "data-message"), m => m.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ACsvCellWithASemicolonStaysOneCellWhereSpreadsheetsSplitOnSemicolons()
    {
        await using (var db = Database.CreateContext())
        {
            await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.NoteZh, "semi;=1+1").SetProperty(x => x.Section, "tab\t@SUM(1)"));
        }

        var csv = Encoding.UTF8.GetString(await CreateClient().GetByteArrayAsync("/export/csv?region=linyi&indicator=gdp")).TrimStart('\uFEFF');

        var line = Assert.Single(csv.Split("\r\n"), l => l.Contains("semi", StringComparison.Ordinal));
        // As a spreadsheet whose list separator is ';' reads the line: quoted text is one cell.
        var cells = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            quoted ^= line[i] == '"';
            if (line[i] == ';' && !quoted)
            {
                cells.Add(line[start..i]);
                start = i + 1;
            }
        }
        cells.Add(line[start..]);
        Assert.All(cells, cell => Assert.False(cell is [('=' or '+' or '-' or '@'), ..], cell));
        Assert.Contains("\"semi;=1+1\"", line);
        Assert.Contains("\"tab\t@SUM(1)\"", line);
    }

    [Fact]
    public async Task TheApiDescriptionDoesNotRepeatTheRequestsHost()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        var json = await (await CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", json);
        Assert.Equal("/", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
    }
}
