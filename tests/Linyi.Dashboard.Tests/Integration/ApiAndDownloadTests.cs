using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class ApiAndDownloadTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task TheIndicatorFilterReturnsOnlyThatIndicatorInTheApiAndTheDownloads()
    {
        await using var db = Database.CreateContext();
        var expected = await db.Observations.AsNoTracking().OfRecord(db).CountAsync(o => o.Indicator!.Code == "gdp" && o.Region!.Kind != RegionKind.Outside);
        var client = CreateClient();

        var api = await client.GetFromJsonAsync<JsonElement>("/api/observations?indicator=gdp&size=500");
        var csv = ParseCsv(await client.GetByteArrayAsync("/export/csv?indicator=gdp"));
        var two = await client.GetFromJsonAsync<JsonElement>("/api/observations?indicator=gdp&indicator=gdp_growth&size=500");

        Assert.True(expected > 0);
        Assert.Equal(expected, api.GetProperty("total").GetInt32());
        Assert.All(api.GetProperty("items").EnumerateArray(), o => Assert.Equal("gdp", o.GetProperty("indicator").GetString()));
        Assert.Equal(expected, csv.Count - 1);
        Assert.All(csv.Skip(1), row => Assert.Equal("gdp", row[0]));
        Assert.Equal(["gdp", "gdp_growth"], two.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("indicator").GetString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HistoryReturnsEveryReportAndMarksTheFigureOfRecord()
    {
        await using var db = Database.CreateContext();
        var reports = await db.Observations.AsNoTracking().CountAsync(o => o.Indicator!.Code == "gdp" && o.Region!.Kind != RegionKind.Outside);
        var client = CreateClient();

        var ofRecord = await client.GetFromJsonAsync<JsonElement>("/api/observations?indicator=gdp&size=500");
        var history = await client.GetFromJsonAsync<JsonElement>("/api/observations?indicator=gdp&history=true&size=500");

        Assert.True(reports > ofRecord.GetProperty("total").GetInt32(), "the seeds hold several reports of some GDP figures");
        Assert.Equal(reports, history.GetProperty("total").GetInt32());
        Assert.Equal(ofRecord.GetProperty("total").GetInt32(), history.GetProperty("items").EnumerateArray().Count(o => o.GetProperty("ofRecord").GetBoolean()));
    }

    [Fact]
    public async Task TheDocumentFilterReturnsOnlyTheFiguresThatDocumentReports()
    {
        var client = CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/observations?document=gwr2024&history=true&size=500");
        var documents = await client.GetFromJsonAsync<JsonElement>("/api/documents");

        var gwr = documents.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "gwr2024");
        Assert.Equal(gwr.GetProperty("figures").GetInt32(), page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), o => Assert.Equal("gwr2024", o.GetProperty("document").GetString()));
    }

    [Fact]
    public async Task EveryGoalOfTheApiHasTheStatusItsIndicatorPageShows()
    {
        var client = CreateClient();

        var goals = await client.GetFromJsonAsync<JsonElement>("/api/goals?region=linyi");

        Assert.True(goals.GetArrayLength() > 20);
        var pages = new Dictionary<string, AngleSharp.Dom.IDocument>();
        foreach (var goal in goals.EnumerateArray())
        {
            var code = goal.GetProperty("indicator").GetString()!;
            if (!pages.TryGetValue(code, out var page))
            {
                pages[code] = page = Dom.Parse(await client.GetStringAsync($"/indicators/{code}"));
            }
            var shown = page.One($"div.goal[data-period='{goal.GetProperty("period").GetString()}']");
            var status = shown.One("[data-status]").GetAttribute("data-status");
            Assert.True(status == goal.GetProperty("status").GetString(), $"{code} {goal.GetProperty("period")}: page {status}, API {goal.GetProperty("status")}");
        }
    }

    [Fact]
    public async Task GoalsCarryTargetsTheResultUsedAndTheGap()
    {
        var goals = await CreateClient().GetFromJsonAsync<JsonElement>("/api/goals?region=linyi&indicator=gdp_growth&year=2024");

        var goal = Assert.Single(goals.EnumerateArray());
        Assert.Equal("2024", goal.GetProperty("period").GetString());
        Assert.Equal(5.5m, goal.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal(6m, goal.GetProperty("stretch").GetProperty("value").GetDecimal());
        Assert.Equal(2024, goal.GetProperty("result").GetProperty("year").GetInt32());
        Assert.False(string.IsNullOrEmpty(goal.GetProperty("result").GetProperty("document").GetString()));
        Assert.Equal(goal.GetProperty("result").GetProperty("value").GetDecimal() - 5.5m, goal.GetProperty("gap").GetProperty("gapPoints").GetDecimal());
    }

    [Fact]
    public async Task AYearMatchesTheMultiYearGoalsThatContainIt()
    {
        var page = await CreateClient().GetFromJsonAsync<JsonElement>("/api/observations?year=2024&size=500");

        var periods = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("period").GetString()!).ToHashSet();
        Assert.Contains("2024", periods);
        Assert.Contains(periods, p => p.Contains('-', StringComparison.Ordinal));
        Assert.All(periods, p => Assert.True(Period.TryParse(p, out var period) && period!.Value.StartYear <= 2024 && period.Value.EndYear >= 2024, p));
    }

    [Fact]
    public async Task TheCsvKeepsComparatorsAsWrittenDefusesFormulaTextAndKeepsNumbersAsNumbers()
    {
        await using (var db = Database.CreateContext())
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Code == "gdp");
            db.Observations.Add(new Observation
            {
                Indicator = indicator, RegionId = (await db.Regions.SingleAsync(r => r.Slug == "junan")).Id, StartYear = 2019, EndYear = 2019,
                Kind = ObservationKind.Actual, Comparator = Comparator.Eq, Value = -5.25m, DocumentId = (await db.Documents.SingleAsync(d => d.Code == "gwr2024")).Id,
                Section = "=HYPERLINK(\"http://evil\")", NoteZh = "-2+3+cmd|' /C calc'!A0",
            });
            await db.SaveChangesAsync();
        }

        var csv = ParseCsv(await CreateClient().GetByteArrayAsync("/export/csv"));

        var header = csv[0];
        var row = Assert.Single(csv, r => r[0] == "gdp" && r[2] == "junan" && r[4] == "2019");
        Assert.Equal("=", row[Array.IndexOf(header, "comparator")]);
        Assert.Equal("-5.25", row[Array.IndexOf(header, "value")]);
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", row[Array.IndexOf(header, "note")]);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", row[Array.IndexOf(header, "section")]);
        Assert.DoesNotContain(csv.Skip(1), r => r[Array.IndexOf(header, "comparator")].StartsWith('\''));
        Assert.All(csv.Skip(1), r => Assert.False(r[Array.IndexOf(header, "note")] is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..]));
    }

    [Theory]
    [InlineData("/export/csv?region=linyi&utm_source=x")]
    [InlineData("/export/xlsx?cachebuster=1")]
    [InlineData("/api/observations?Period.StartYear=2024")]
    [InlineData("/api/goals?status=behind")]
    [InlineData("/data?nonce=42")]
    public async Task AnUnknownQueryParameterIsA400EvenAfterTheSameAddressWithoutItWasCached(string url)
    {
        var client = CreateClient();
        var known = url[..url.LastIndexOf(url.Contains('&', StringComparison.Ordinal) ? '&' : '?')];

        var first = await client.GetAsync(known);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (url.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task TheApiAllowsCrossOriginGetsAndThePagesDoNot()
    {
        var client = CreateClient();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/regions") { Headers = { { "Origin", "https://analyst.example" } } };
        using var page = new HttpRequestMessage(HttpMethod.Get, "/data") { Headers = { { "Origin", "https://analyst.example" } } };

        var apiResponse = await client.SendAsync(api);
        var pageResponse = await client.SendAsync(page);

        Assert.Equal("*", apiResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(pageResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheExplorerByDefaultSaysItHoldsEveryRegionAndOffersIndicatorsByNameInBothLanguages()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/data"));
        var filtered = Dom.Parse(await CreateClient().GetStringAsync("/data?indicator=gdp&year=2024"));
        await using var db = Database.CreateContext();
        var gdp = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "gdp");

        var selected = page.One("#filter-region").QuerySelectorAll("option").Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([""], selected);
        Assert.Equal($"{gdp.NameZh} · {gdp.NameEn}", page.One("#filter-indicators option[value='gdp']").GetAttribute("label"));
        Assert.Equal("gdp", filtered.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#filter-indicator")!.Value);
        var codes = filtered.Values("tr[data-observation]", "data-observation").Select(key => key.Split('/')[0]).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Equal("gdp", code));
    }

    [Fact]
    public async Task TheWorkbookHasAStyledFrozenFilteredHeaderNumbersAsNumbersAndASheetOfFiltersAndSources()
    {
        var bytes = await CreateClient().GetByteArrayAsync("/export/xlsx?region=linyi&indicator=gdp");

        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        var data = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var about = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
        var rows = data.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();

        var pane = data.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal($"A1:S{rows.Count}", data.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value);
        Assert.Equal(19, data.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Count());
        var headerStyle = rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().StyleIndex!.Value;
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ElementAt((int)headerStyle);
        Assert.NotNull(workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<DocumentFormat.OpenXml.Spreadsheet.Font>().ElementAt((int)format.FontId!.Value).Bold);
        var value = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(7);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, value.DataType!.Value);
        var aboutText = about.InnerText;
        Assert.Contains("?region=linyi&indicator=gdp", aboutText);
        Assert.Contains("source_url", aboutText);
        Assert.Contains("gwr2024", aboutText);
    }

    private static List<string[]> ParseCsv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var errors = new List<SeedError>();
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0].Split(',');
        var records = CsvTable.Parse("export.csv", bytes, header, errors);
        Assert.Empty(errors);
        return [header, .. records.Select(r => r.Fields.ToArray())];
    }
}
