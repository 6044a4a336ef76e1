using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Crafted uploads get a 4xx that says what is wrong, and nothing is written or kept.</summary>
public class UploadHardeningTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient editor, byte[] content, string name, string type = "application/octet-stream")
    {
        var token = await Accounts.TokenAsync(editor, "/admin/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await editor.PostAsync("/admin/import", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertNothingKeptAsync(string before)
    {
        Assert.Equal(before, await TableChecksum.OfDataTablesAsync(Database.ConnectionString));
        await using var db = Database.CreateContext();
        Assert.False(await db.PendingImports.AnyAsync());
    }

    private static readonly string Filled = RawXlsx.Row(RawXlsx.ResultsHeader) + RawXlsx.Row(RawXlsx.GdpRow);

    private static byte[] Bad(string kind) => kind switch
    {
        "five million empty rows" => RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader), repeated: "<row/>", times: 5_000_000),
        "cells at column AAAAAA" => RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + RawXlsx.Repeat($"<row>{RawXlsx.Cell("x", "AAAAAA2")}</row>", 4)),
        "sheet without r:id" => RawXlsx.Workbook(Filled, sheetAttributes: ""),
        "r:id that names nothing" => RawXlsx.Workbook(Filled, sheetAttributes: "r:id=\"nope\""),
        "r:id of the styles" => RawXlsx.Workbook(Filled, sheetAttributes: "r:id=\"rST\""),
        "r:id of the shared strings" => RawXlsx.Workbook(Filled, sheetAttributes: "r:id=\"rSS\""),
        "external sheet" => RawXlsx.Workbook(Filled, sheetRelationship: "Target=\"http://127.0.0.1:9/extrel\" TargetMode=\"External\""),
        "negative shared string" => RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + "<row>" + string.Concat(RawXlsx.GdpRow.Select((v, i) => i == 12 ? "<c t=\"s\"><v>-1</v></c>" : RawXlsx.Cell(v))) + "</row>"),
        "shared string past the table" => RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + "<row>" + string.Concat(RawXlsx.GdpRow.Select((v, i) => i == 12 ? "<c t=\"s\"><v>1</v></c>" : RawXlsx.Cell(v))) + "</row>", sharedStrings: "<si><t>a</t></si>"),
        _ => [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 200))],
    };

    [Theory]
    [InlineData("five million empty rows", "unpacks to more than 16 MB")]
    [InlineData("cells at column AAAAAA", "lies beyond column 64")]
    [InlineData("sheet without r:id", "first sheet is missing or is not a worksheet")]
    [InlineData("r:id that names nothing", "first sheet is missing or is not a worksheet")]
    [InlineData("r:id of the styles", "first sheet is missing or is not a worksheet")]
    [InlineData("r:id of the shared strings", "first sheet is missing or is not a worksheet")]
    [InlineData("external sheet", "first sheet is missing or is not a worksheet")]
    [InlineData("negative shared string", "refers to shared string")]
    [InlineData("shared string past the table", "refers to shared string")]
    [InlineData("not a package", "not a readable XLSX workbook")]
    public async Task AMalformedOrOversizedWorkbookIsA400WithItsReasonAndNothingKept(string kind, string reason)
    {
        var content = Bad(kind);
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var before = await TableChecksum.OfDataTablesAsync(Database.ConnectionString);

        var (response, html) = await UploadAsync(editor, content, "sheet.xlsx");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {(int)response.StatusCode}");
        var messages = Dom.Parse(html).Values("[data-message]", "data-message");
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("must be a results-due or targets worksheet downloaded from this site", StringComparison.Ordinal));
        await AssertNothingKeptAsync(before);
    }

    [Fact]
    public async Task ASharedStringInRangeIsStillRead()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var row = "<row>" + string.Concat(RawXlsx.GdpRow.Select((v, i) => i == 12 ? "<c t=\"s\"><v>0</v></c>" : RawXlsx.Cell(v))) + "</row>";

        var (response, html) = await UploadAsync(editor, RawXlsx.Workbook(RawXlsx.Row(RawXlsx.ResultsHeader) + row, sharedStrings: "<si><t>表一</t></si>"), "sheet.xlsx");

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        // The shared string (the section "表一") reaches the preview as text.
        Assert.Contains("表一", Dom.Parse(html).Body!.Plain());
    }
}
