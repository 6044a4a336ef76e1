using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class AnalystTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    /// <summary>The keys "indicator/region/period/kind" the database holds for a filter, computed independently of the app.</summary>
    private async Task<List<string>> ExpectedKeysAsync(string? region, string? category, int? year, ObservationKind? kind, bool outside = false)
    {
        await using var db = Database.CreateContext();
        var rows = await db.Observations.AsNoTracking()
            .Select(o => new { Indicator = o.Indicator!.Code, Region = o.Region!.Slug, RegionKind = o.Region.Kind, Category = o.Indicator.Category!.Slug, o.StartYear, o.EndYear, o.Kind })
            .ToListAsync();
        return rows.Where(r => (region is null ? outside || r.RegionKind != RegionKind.Outside : r.Region == region)
                && (category is null || r.Category == category)
                && (year is null || (r.StartYear <= year && r.EndYear >= year))
                && (kind is null || r.Kind == kind))
            .Select(r => $"{r.Indicator}/{r.Region}/{new Period(r.StartYear, r.EndYear)}/{r.Kind.ToString().ToLowerInvariant()}")
            .Distinct() // one figure of record per key, however many documents report it
            .Order(StringComparer.Ordinal).ToList();
    }

    public static TheoryData<string, string?, string?, int?, ObservationKind?> Filters => new()
    {
        { "", null, null, null, null },
        { "?region=junan", "junan", null, null, null },
        { "?region=linyi&category=industry", "linyi", "industry", null, null },
        { "?category=rural&year=2024&kind=target", null, "rural", 2024, ObservationKind.Target },
        { "?year=2021", null, null, 2021, null },
        { "?region=zongbao&kind=actual", "zongbao", null, null, ObservationKind.Actual },
        { "?region=jingkai", "jingkai", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task FilterCombinationsReturnExactlyTheMatchingRowsInTheApiCsvAndXlsx(string query, string? region, string? category, int? year, ObservationKind? kind)
    {
        var expected = await ExpectedKeysAsync(region, category, year, kind);
        var client = CreateClient();

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/observations{query}{(query.Length == 0 ? "?" : "&")}size=500");
        var apiKeys = api.GetProperty("items").EnumerateArray()
            .Select(o => $"{o.GetProperty("indicator").GetString()}/{o.GetProperty("region").GetString()}/{o.GetProperty("period").GetString()}/{o.GetProperty("kind").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        var csv = ParseCsv(await client.GetByteArrayAsync($"/export/csv{query}"));
        var xlsx = ParseXlsx(await client.GetByteArrayAsync($"/export/xlsx{query}"));

        Assert.Equal(expected.Count, api.GetProperty("total").GetInt32());
        Assert.Equal(expected, apiKeys);
        Assert.Equal(expected, Keys(csv));
        Assert.Equal(expected, Keys(xlsx));
    }

    private static List<string> Keys(List<string[]> table) =>
        table.Skip(1).Select(r => $"{r[0]}/{r[2]}/{r[4]}/{r[5]}").Order(StringComparer.Ordinal).ToList();

    private static List<string[]> ParseCsv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var errors = new List<SeedError>();
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0].Split(',');
        var records = CsvTable.Parse("export.csv", bytes, header, errors);
        Assert.Empty(errors);
        return [header, .. records.Select(r => r.Fields.ToArray())];
    }

    private static List<string[]> ParseXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    [Fact]
    public async Task TheCsvCarriesValuesUnitsComparatorsAndSourcesAsStated()
    {
        var csv = ParseCsv(await CreateClient().GetByteArrayAsync("/export/csv?region=linyi&category=rural&year=2024"));

        Assert.Equal(["indicator_code", "indicator", "region_code", "region", "period", "kind", "comparator", "value", "unit",
            "value_in_indicator_unit", "indicator_unit", "vintage", "of_record", "document", "source", "published_on", "source_url", "section", "note"], csv[0]);
        var grain = Assert.Single(csv, r => r[0] == "grain_output" && r[4] == "2024");
        Assert.Equal(["grain_output", "粮食总产量", "linyi", "临沂市", "2024", "target", ">=", "85", "亿斤", "425", "万吨", "final", "true", "gwr2024",
            "2024年临沂市政府工作报告", "2024", "", "二、2024年政府重点工作（六） ¶1"], grain[..18]);
    }

    [Fact]
    public async Task DownloadsHaveNamesThatSayWhatTheyHold()
    {
        var client = CreateClient();

        var csv = await client.GetAsync("/export/csv?region=junan&year=2024&kind=stretch");
        var xlsx = await client.GetAsync("/export/xlsx?category=industry");

        Assert.Equal("linyi-dashboard_junan_2024_stretch.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("linyi-dashboard_all-regions_industry.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task TheApiAgreesWithTheDataPage()
    {
        var client = CreateClient();

        var html = await client.GetStringAsync("/data?region=yishui");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/observations?region=yishui");

        var rows = System.Text.RegularExpressions.Regex.Matches(html, "data-observation=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var items = api.GetProperty("items").EnumerateArray()
            .Select(o => $"{o.GetProperty("indicator").GetString()}/{o.GetProperty("region").GetString()}/{o.GetProperty("period").GetString()}/{o.GetProperty("kind").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(items, rows);
        Assert.Contains($"共 {items.Count} 条数据", html);
    }

    [Fact]
    public async Task TheDataPageIsPagedAndSortable()
    {
        var client = CreateClient();

        var first = await client.GetStringAsync("/data?size=10&sort=Value&dir=Desc");
        var second = await client.GetStringAsync("/data?size=10&sort=Value&dir=Desc&page=2");

        var a = System.Text.RegularExpressions.Regex.Matches(first, "data-observation=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var b = System.Text.RegularExpressions.Regex.Matches(second, "data-observation=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, a.Count);
        Assert.Equal(10, b.Count);
        Assert.Empty(a.Intersect(b));
        Assert.Contains("aria-sort=\"descending\"", first);
    }

    [Fact]
    public async Task TheFilterPanelSaysWhenACombinationIsEmptyAndCountsEachChoice()
    {
        var html = await CreateClient().GetStringAsync("/data?region=jingkai");

        Assert.Contains("当前组合没有数据", html);
        Assert.Matches("<option value=\"junan\">莒南县（[0-9]+）</option>", html);
        Assert.Contains("临沂经开区（无数据）", html);
        Assert.DoesNotContain("value=\"yiyuan\"", html);
    }

    [Fact]
    public async Task TheOutsideRegionIsOfferedOnlyWhenAskedFor()
    {
        var client = CreateClient();

        var asked = await client.GetStringAsync("/data?outside=true");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/observations?size=500");

        Assert.Contains("value=\"yiyuan\"", asked);
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), o => o.GetProperty("region").GetString() == "yiyuan");
    }

    public static TheoryData<string> BadQueries => new()
    {
        "region=atlantis",
        "year=abc",
        "region=" + new string('x', 10_000),
        "region=" + Uri.EscapeDataString("linyi' OR 1=1; DROP TABLE observations; --"),
        "region=lin%00yi",
        "kind=forecast",
        "category=" + Uri.EscapeDataString("<script>"),
        "year=2026-2022",
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQueryParametersGetA400PageOrProblemDetailsNeverA500(string query)
    {
        var client = CreateClient();
        foreach (var path in new[] { "/", "/data", "/categories/industry", "/export/csv", "/export/xlsx", "/compare" })
        {
            var page = await client.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("请求有误", html);
            Assert.DoesNotContain("<script>", html.Replace("<script src=", "", StringComparison.Ordinal).Replace("<script type=\"application/json\"", "", StringComparison.Ordinal));
        }
        var api = await client.GetAsync($"/api/observations?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        await using var db = Database.CreateContext();
        Assert.True(await db.Observations.AnyAsync());
    }

    [Fact]
    public async Task TheApiListsRegionsCategoriesAndIndicatorsAndIsDescribedWithOpenApi()
    {
        var client = CreateClient();

        var regions = await client.GetFromJsonAsync<JsonElement>("/api/regions");
        var categories = await client.GetFromJsonAsync<JsonElement>("/api/categories");
        var indicators = await client.GetFromJsonAsync<JsonElement>("/api/indicators?category=economy");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var junan = regions.EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "junan");
        Assert.Equal("371327", junan.GetProperty("adminCode").GetString());
        Assert.Equal("county", junan.GetProperty("kind").GetString());
        Assert.Equal(11, categories.GetArrayLength());
        Assert.Contains(indicators.EnumerateArray(), i => i.GetProperty("code").GetString() == "gdp_growth" && i.GetProperty("growthOf").GetString() == "gdp");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/observations", paths);
        Assert.DoesNotContain("/data", paths);
    }

    [Fact]
    public async Task AnUnknownApiPathIsAProblemDetails404()
    {
        var response = await CreateClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACountyPageShowsItsTargetsAndMilestonesButNoOtherCountys()
    {
        var html = await CreateClient().GetStringAsync("/regions/junan");

        Assert.Contains("莒南县", html);
        Assert.Contains("371327", html);
        var row = Html.Element(html, "data-indicator=\"industrial_output\"");
        Assert.Contains("≥ 1,000亿元", row);
        Assert.Contains("力争目标", row);
        Assert.Contains("莒南县工业产值力争“过千亿”", html);
        Assert.DoesNotContain("沂水县工业产值", html);
    }

    [Fact]
    public async Task ARegionWithoutPublishedFiguresSaysSoPlainly()
    {
        var html = await CreateClient().GetStringAsync("/regions/jingkai");

        Assert.Contains("资料中暂无该地区的公布数据", html);
        Assert.Contains("其数据与所在区县重叠", html);
    }

    [Fact]
    public async Task TheYiyuanPageSaysItIsNotPartOfLinyi()
    {
        var html = await CreateClient().GetStringAsync("/regions/yiyuan");

        Assert.Contains("不计入临沂市合计", html);
        Assert.Contains("data-indicator=", html);
    }

    [Fact]
    public async Task TheComparisonRanksCountiesWithResultsForTheSameIndicatorButNotTargets()
    {
        var html = await CreateClient().GetStringAsync("/compare?indicator=gdp&year=2023&kind=actual");

        Assert.Contains("data-region=\"luozhuang\" data-rank=\"", html);
        Assert.Contains("data-region=\"yishui\" data-rank=\"", html);
        Assert.Contains("id=\"chart-compare\"", html);
        Assert.Contains("id=\"map-compare\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateClient().GetAsync("/compare?indicator=industrial_output&year=2024&kind=stretch")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateClient().GetAsync("/compare?indicator=population")).StatusCode);
    }

    [Fact]
    public async Task TheOverviewFollowsTheRegionFilter()
    {
        var html = await CreateClient().GetStringAsync("/?region=zongbao");

        Assert.Contains("当前显示：临沂综合保税区", html);
        Assert.DoesNotContain("data-indicator=\"gdp\"", html);
    }
}
