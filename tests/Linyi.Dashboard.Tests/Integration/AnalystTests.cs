using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
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
        await using var db = Database.CreateContext();
        var seeded = await db.Observations.AsNoTracking().Include(o => o.Indicator).Include(o => o.Region).Include(o => o.Document)
            .SingleAsync(o => o.Indicator!.Code == "grain_output" && o.Region!.Slug == "linyi" && o.StartYear == 2024 && o.EndYear == 2024 && o.Kind == ObservationKind.Target);
        Assert.Equal(["grain_output", seeded.Indicator!.NameZh, "linyi", seeded.Region!.NameZh, "2024", "target", ">=", "85", seeded.UnitCode!, "425",
            seeded.Indicator.UnitCode, "final", "true", "gwr2024", seeded.Document!.TitleZh, seeded.Document.PublishedOn, "", seeded.Section], grain[..18]);
        Assert.NotEqual(seeded.UnitCode, seeded.Indicator.UnitCode);
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

        var page = Dom.Parse(html);
        var rows = page.Values("tr[data-observation]", "data-observation").Order(StringComparer.Ordinal).ToList();
        var items = api.GetProperty("items").EnumerateArray()
            .Select(o => $"{o.GetProperty("indicator").GetString()}/{o.GetProperty("region").GetString()}/{o.GetProperty("period").GetString()}/{o.GetProperty("kind").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(items, rows);
        Assert.Equal(Words.Zh("{0} figures; page {1} of {2}", items.Count, 1, 1), page.One("table.data-table caption").Plain());
    }

    [Fact]
    public async Task TheDataPageIsPagedAndSortable()
    {
        var client = CreateClient();

        var first = await client.GetStringAsync("/data?size=10&sort=Value&dir=Desc");
        var second = await client.GetStringAsync("/data?size=10&sort=Value&dir=Desc&page=2");

        var a = Dom.Parse(first).Values("tr[data-observation]", "data-observation");
        var b = Dom.Parse(second).Values("tr[data-observation]", "data-observation");
        Assert.Equal(10, a.Count);
        Assert.Equal(10, b.Count);
        Assert.Empty(a.Intersect(b));
        Assert.Equal("descending", Dom.Parse(first).One("#data-sort-value").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task TheFilterPanelSaysWhenACombinationIsEmptyAndCountsEachChoice()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/data?region=jingkai"));
        await using var db = Database.CreateContext();
        var names = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Slug, r => r.NameZh);
        var junanFigures = (await ExpectedKeysAsync("junan", null, null, null)).Count;

        Assert.Empty(page.QuerySelectorAll("tr[data-observation]"));
        page.One("p.empty");
        Assert.Equal("jingkai", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#filter-region")!.Value);
        Assert.Equal(names["junan"] + Words.Zh(" ({0})", junanFigures), page.One("#filter-region option[value='junan']").Plain());
        Assert.Equal(names["jingkai"] + Words.Zh(" ({0})", Words.Zh("no figures")), page.One("#filter-region option[value='jingkai']").Plain());
        Assert.Null(page.QuerySelector("#filter-region option[value='yiyuan']"));
    }

    [Fact]
    public async Task TheOutsideRegionIsOfferedOnlyWhenAskedFor()
    {
        var client = CreateClient();

        var asked = await client.GetStringAsync("/data?outside=true");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/observations?size=500");

        Assert.Contains("yiyuan", Dom.Parse(asked).Values("#filter-region option", "value"));
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
            Assert.Equal("400", Dom.Parse(html).One("section.error-page").GetAttribute("data-status"));
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
        var page = Dom.Parse(await CreateClient().GetStringAsync("/regions/junan"));
        await using var db = Database.CreateContext();
        var junan = await db.Regions.AsNoTracking().SingleAsync(r => r.Slug == "junan");
        var milestones = await db.Milestones.AsNoTracking().Select(m => new { Region = m.Region!.Slug, m.TitleZh }).ToListAsync();

        Assert.Equal("junan", page.One("h1").GetAttribute("data-region"));
        Assert.Equal(junan.NameZh, page.One("h1").Plain());
        Assert.Contains("371327", page.One(".indicator-meta").Plain());
        var row = page.One("tr[data-indicator='industrial_output']");
        Assert.Equal("stretch", row.GetAttribute("data-kind"));
        var stretch = await db.Observations.AsNoTracking().Include(o => o.Indicator)
            .SingleAsync(o => o.Region!.Slug == "junan" && o.Indicator!.Code == "industrial_output" && o.Kind == ObservationKind.Stretch);
        Assert.Equal("≥ " + stretch.Value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + (stretch.UnitCode ?? stretch.Indicator!.UnitCode),
            row.QuerySelectorAll("td.num")[0].Plain());
        Assert.Equal(Words.Zh("Stretch target"), row.QuerySelectorAll("td")[2].Plain());
        var shown = page.QuerySelectorAll("ul.milestones li").Select(li => li.Plain()).ToList();
        var ours = milestones.Where(m => m.Region == "junan").Select(m => m.TitleZh).ToList();
        Assert.NotEmpty(ours);
        Assert.Equal(ours.Count, shown.Count);
        Assert.All(ours, title => Assert.Contains(shown, li => li.Contains(title, StringComparison.Ordinal)));
        Assert.All(milestones.Where(m => m.Region != "junan" && !ours.Contains(m.TitleZh)), m => Assert.DoesNotContain(shown, li => li.Contains(m.TitleZh, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARegionWithoutPublishedFiguresSaysSoPlainly()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/regions/jingkai"));
        await using var db = Database.CreateContext();

        Assert.Equal(RegionKind.Zone, (await db.Regions.SingleAsync(r => r.Slug == "jingkai")).Kind);
        Assert.Empty(await ExpectedKeysAsync("jingkai", null, null, null));
        Assert.Equal("true", page.One("p.notice[data-empty-region]").GetAttribute("data-empty-region"));
        Assert.Null(page.QuerySelector("#figures-table"));
        Assert.Equal(Words.Zh("The source documents publish no figures for this region."), page.One("section[aria-labelledby='figures-heading'] p.empty").Plain());
        Assert.Contains(page.QuerySelectorAll("p.notice"), p => p.Plain() == Words.Zh("A functional zone manages areas carved out of the districts and counties. Its figures overlap theirs and are never added to them."));
    }

    [Fact]
    public async Task TheYiyuanPageSaysItIsNotPartOfLinyi()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/regions/yiyuan"));
        await using var db = Database.CreateContext();

        Assert.Equal(RegionKind.Outside, (await db.Regions.SingleAsync(r => r.Slug == "yiyuan")).Kind);
        Assert.Contains(page.QuerySelectorAll("p.notice"), p => p.Plain() == Words.Zh("This county belongs to another city (Zibo). Its figures are shown for reference and are never counted in Linyi's totals."));
        Assert.NotEmpty(page.QuerySelectorAll("#figures-table tr[data-indicator]"));
    }

    [Fact]
    public async Task TheComparisonRanksCountiesWithResultsForTheSameIndicatorButNotTargets()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/compare?indicator=gdp&year=2023&kind=actual"));

        page.One("[data-region='luozhuang'][data-rank]");
        page.One("[data-region='yishui'][data-rank]");
        page.One("#chart-compare");
        page.One("#map-compare");
        Assert.Equal(HttpStatusCode.NotFound, (await CreateClient().GetAsync("/compare?indicator=industrial_output&year=2024&kind=stretch")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateClient().GetAsync("/compare?indicator=population")).StatusCode);
    }

    [Fact]
    public async Task TheOverviewFollowsTheRegionFilter()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/?region=zongbao"));
        await using var db = Database.CreateContext();
        var zongbao = await db.Regions.AsNoTracking().SingleAsync(r => r.Slug == "zongbao");

        var note = page.One("p.region-note");
        Assert.Equal("/regions/zongbao", note.One("a").GetAttribute("href"));
        Assert.StartsWith(Words.Zh("Figures for {0}.", zongbao.NameZh), note.Plain(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-indicator='gdp']"));
    }
}
