using System.Globalization;
using System.Net;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

public class CountyMapTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    private const string BoundaryUrl = "/lib/linyi-boundaries/linyi-counties.geo.json";

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task TheBoundaryFileHasTwelveValidPolygonsWithTheCodesOfTheDistrictsAndCountiesInRegionsCsv()
    {
        var json = await CreateClient().GetStringAsync(BoundaryUrl);
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var collection = JsonSerializer.Deserialize<FeatureCollection>(json, options)!;
        var expected = File.ReadAllLines(Path.Combine(TestDatabase.SeedsDirectory, "regions.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f.Length > 5 && f[3] is "district" or "county").Select(f => f[5]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(12, collection.Count);
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, collection.Select(f => (string)f.Attributes["code"]).Order(StringComparer.Ordinal));
        Assert.All(collection, feature =>
        {
            var geometry = feature.Geometry;
            Assert.True(geometry is Polygon or MultiPolygon, $"{feature.Attributes["code"]} is a {geometry.GeometryType}");
            Assert.True(geometry.IsValid, $"{feature.Attributes["code"]} is not valid: {new NetTopologySuite.Operation.Valid.IsValidOp(geometry).ValidationError}");
            // Inside Linyi's frame (about 117.4–119.3°E, 34.3–36.4°N), so the axes were not swapped nor the scale lost.
            var box = geometry.EnvelopeInternal;
            Assert.True(box.MinX > 117.4 && box.MaxX < 119.3 && box.MinY > 34.3 && box.MaxY < 36.4, $"{feature.Attributes["code"]} lies at {box}");
            foreach (var polygon in geometry is MultiPolygon multi ? multi.Geometries.Cast<Polygon>() : [(Polygon)geometry])
            {
                Assert.False(polygon.Shell.IsCCW is false, $"{feature.Attributes["code"]}: RFC 7946 wants exterior rings counter-clockwise");
            }
        });
        // Neighbours share borders: overlaps stay a sliver of the whole.
        var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(collection.Select(f => f.Geometry).ToArray());
        var sum = collection.Sum(f => f.Geometry.Area);
        Assert.InRange(union.Area / sum, 0.99, 1.000001);
    }

    [Fact]
    public async Task TheComparisonMapHoldsTheFiguresOfRecordOfAnIndependentQueryAndMarksTheRestAsNoData()
    {
        var html = await CreateClient().GetStringAsync("/compare?indicator=gdp_growth&year=2023&kind=actual");
        var map = Island(html, "map-compare");
        var expected = await ScalarsAsync("""
            select r.admin_code, o.value::text from observations o
            join observations_of_record v on v.observation_id = o.id
            join regions r on r.id = o.region_id join indicators i on i.id = o.indicator_id
            where i.code = 'gdp_growth' and o.start_year = 2023 and o.end_year = 2023 and o.kind = 'actual'
              and r.kind in ('district', 'county')
            """);

        var areas = map.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(12, areas.Count);
        Assert.True(expected.Count >= 2);
        foreach (var area in areas)
        {
            var code = area.GetProperty("code").GetString()!;
            var value = area.GetProperty("value");
            if (expected.TryGetValue(code, out var figure))
            {
                Assert.Equal(decimal.Parse(figure, CultureInfo.InvariantCulture), value.GetDecimal());
                Assert.Contains("2023", area.GetProperty("detail").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, value.ValueKind);
            }
        }
        var page = Dom.Parse(html);
        var coverage = page.One(".county-map-coverage");
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), coverage.GetAttribute("data-with-data"));
        Assert.Equal("12", coverage.GetAttribute("data-areas"));
        var ranks = page.One("#table-compare").Values("[data-rank]", "data-rank");
        Assert.Equal(expected.Count, ranks.Count(r => r.Length > 0 && r.All(char.IsAsciiDigit)));
        Assert.Equal(12 - expected.Count, ranks.Count(r => r.Length == 0));
    }

    [Fact]
    public async Task EqualResultsShareARankAndTargetsAreNeverRanked()
    {
        await AddResultsAsync("gdp_growth", 2021, ("lanshan", 5.5m), ("hedong", 5.5m), ("feixian", 6.1m), ("mengyin", 4m));
        var client = CreateClient();

        var html = await client.GetStringAsync("/compare?indicator=gdp_growth&year=2021&kind=actual");
        var page = Dom.Parse(html);
        var ranks = page.One("#table-compare").QuerySelectorAll("tr[data-region][data-rank]")
            .ToDictionary(row => row.GetAttribute("data-region")!, row => row.GetAttribute("data-rank")!);

        Assert.Equal("1", ranks["feixian"]);
        Assert.Equal("2", ranks["lanshan"]);
        Assert.Equal("2", ranks["hedong"]);
        Assert.Equal("4", ranks["mengyin"]);
        Assert.Equal("", ranks["yinan"]);
        Assert.Equal(12, ranks.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/compare?indicator=industrial_output&year=2024&kind=stretch")).StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("[data-choice]"));
        Assert.Null(page.QuerySelector("[data-choice='industrial_output/2024']"));
    }

    [Fact]
    public async Task GrowthRatesAndLevelsAreOfferedAsSeparateChoices()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/compare"));
        await using var db = Database.CreateContext();
        var measures = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Measure);

        var growth = page.One("ul.compare-choices[data-measure='growth']").Values("li[data-choice]", "data-choice");
        var levels = page.One("ul.compare-choices[data-measure='level']").Values("li[data-choice]", "data-choice");
        Assert.Contains("gdp_growth/2023", growth);
        Assert.Contains("gdp/2023", levels);
        Assert.All(growth, choice => Assert.Equal(Measure.Growth, measures[choice.Split('/')[0]]));
        Assert.All(levels, choice => Assert.NotEqual(Measure.Growth, measures[choice.Split('/')[0]]));
    }

    [Fact]
    public async Task TheCoverageGridListsExactlyTheYearsWithAResultOfRecordForEachCounty()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/regions/coverage"));
        var expected = (await RowsAsync("""
            select r.slug || '/' || i.code, string_agg(distinct o.start_year::text, ' ') from observations o
            join observations_of_record v on v.observation_id = o.id
            join regions r on r.id = o.region_id join indicators i on i.id = o.indicator_id
            where o.kind = 'actual' and o.start_year = o.end_year and r.kind in ('district', 'county')
            group by 1
            """));
        var cells = page.QuerySelectorAll("td[data-cell]").ToDictionary(td => td.GetAttribute("data-cell")!, td => td.GetAttribute("data-years")!);

        Assert.Equal(12, page.QuerySelectorAll("tr[data-region]").Length);
        Assert.Contains("hedong/gdp", cells.Keys);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), cells.Where(c => c.Value.Length > 0).OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Contains("/compare?indicator=gdp_growth&year=2023&kind=actual", page.Values("a[href]", "href"));
    }

    [Fact]
    public async Task ACountyWithResultsShowsThemThroughTimeAndAnEmptyCountyOffersNoDownload()
    {
        var client = CreateClient();

        var luozhuang = Dom.Parse(await client.GetStringAsync("/regions/luozhuang"));
        var hedong = Dom.Parse(await client.GetStringAsync("/regions/hedong"));

        var series = luozhuang.QuerySelectorAll("script[type='application/json'][id^='chart-series-']").Select(s => Island(luozhuang, s.Id!)).ToList();
        Assert.NotEmpty(series);
        Assert.Contains(series, s => s.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).SequenceEqual(["2022", "2023"])
            && s.GetProperty("actual").EnumerateArray().Select(v => v.GetProperty("value").GetDecimal()).SequenceEqual([428.7m, 447m]));
        Assert.Contains("/export/csv?region=luozhuang", luozhuang.Values("a[href]", "href"));
        Assert.DoesNotContain(hedong.Values("a[href]", "href"), href => href.StartsWith("/export/csv", StringComparison.Ordinal));
        Assert.Equal("true", hedong.One("[data-empty-region]").GetAttribute("data-empty-region"));
        var map = Island(hedong, "map-region");
        Assert.True(map.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("highlighted").GetBoolean()).GetProperty("code").GetString() == "371312");
    }

    [Fact]
    public async Task ACityGoalThatNamesACountyIsJudgedAgainstTheCountysOwnResultOnceThereIsOne()
    {
        var before = Dom.Parse(await CreateClient().GetStringAsync("/regions/junan")).One("li[data-goal='industrial_output/2024/stretch']");
        // Its year has ended without a result for the county: the goal awaits it.
        Assert.Equal(Linyi.Dashboard.Web.Features.Shared.KebabText.Of(GoalStatus.AwaitingResult), before.One("[data-status]").GetAttribute("data-status"));
        Assert.Equal("", before.GetAttribute("data-result-year"));

        await AddResultsAsync("industrial_output", 2024, ("junan", 1012m));
        // A second app instance: the first one's output cache still holds the page from before the figure existed.
        await using var fresh = new DashboardFactory(Database.ConnectionString);
        var after = Dom.Parse(await fresh.CreateClient().GetStringAsync("/regions/junan")).One("li[data-goal='industrial_output/2024/stretch']");

        Assert.Equal(Linyi.Dashboard.Web.Features.Shared.KebabText.Of(GoalStatus.Achieved), after.One("[data-status]").GetAttribute("data-status"));
        Assert.Equal("2024", after.GetAttribute("data-result-year"));
        Assert.Contains("1,012", after.Plain());
    }

    private static JsonElement Island(string html, string id) => Island(Dom.Parse(html), id);

    private static JsonElement Island(AngleSharp.Dom.IDocument page, string id) =>
        JsonDocument.Parse(page.One($"script[type='application/json']#{id}").TextContent).RootElement;

    private async Task<Dictionary<string, string>> ScalarsAsync(string sql) => await RowsAsync(sql);

    private async Task<Dictionary<string, string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            // numeric(20,4) prints trailing zeros; compare values, not their spelling.
            var value = reader.GetString(1);
            rows[reader.GetString(0)] = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && value.Contains('.')
                ? (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : value;
        }
        return rows;
    }

    private async Task AddResultsAsync(string indicator, int year, params (string Region, decimal Value)[] results)
    {
        await using var db = Database.CreateContext();
        var document = new SourceDocument { Code = "test-counties", TitleZh = "测试来源", TitleEn = "Test source", PublishedOn = $"{year + 1}-03", Kind = DocumentKind.Bulletin, Url = "https://example.org/counties" };
        var target = await db.Indicators.SingleAsync(i => i.Code == indicator);
        foreach (var (region, value) in results)
        {
            db.Observations.Add(new Observation
            {
                Indicator = target, Region = await db.Regions.SingleAsync(r => r.Slug == region), StartYear = year, EndYear = year,
                Kind = ObservationKind.Actual, Value = value, Vintage = Vintage.Final, Document = document, Section = "表1",
            });
        }
        await db.SaveChangesAsync();
    }
}
