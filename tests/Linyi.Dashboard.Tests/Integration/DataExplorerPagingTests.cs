using System.Net.Http.Json;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The explorer and the API page in PostgreSQL, by number or by key, through the trigger-kept explorer rows.</summary>
public class DataExplorerPagingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddReportsAsync();
    }

    [Theory]
    [InlineData(DataSort.Indicator)]
    [InlineData(DataSort.Region)]
    [InlineData(DataSort.Period)]
    [InlineData(DataSort.Kind)]
    [InlineData(DataSort.Value)]
    public async Task PagesFollowTheSortWithoutOverlapOrGapAndDescendingIsTheReverse(DataSort sort)
    {
        var filter = DashboardFilter.None with { IncludeOutside = true, History = true };
        var all = await PageAsync(filter, sort, SortDirection.Asc, 1, 500);
        var paged = new List<long>();
        for (var page = 1; page <= (all.Total + 6) / 7; page++)
        {
            paged.AddRange((await PageAsync(filter, sort, SortDirection.Asc, page, 7)).Rows.Select(r => r.Id));
        }
        var descending = await PageAsync(filter, sort, SortDirection.Desc, 1, 500);

        Assert.Equal(all.Rows.Select(r => r.Id), paged);
        Assert.Equal(all.Rows.Select(r => r.Id).Reverse(), descending.Rows.Select(r => r.Id));
        Assert.Equal(all.Total, all.Rows.Count);
        Assert.Equal(await CountObservationsAsync(), all.Total);
        var keys = all.Rows.Select(r => SortKey(r, sort)).ToList();
        Assert.Equal(keys.Order(), keys);
    }

    [Fact]
    public async Task FiltersMatchWhatTheDownloadsStream()
    {
        DashboardFilter[] filters =
        [
            DashboardFilter.None,
            DashboardFilter.None with { Region = "yiyuan" },
            DashboardFilter.None with { Category = "economy", Period = Period.Year(2023) },
            DashboardFilter.None with { Period = new Period(2021, 2025), IncludeOutside = true, History = true },
            DashboardFilter.None with { Indicators = ["gdp", "gdp_growth", "no_such_code"], Kind = ObservationKind.Target },
            DashboardFilter.None with { Document = "test-final", History = true },
        ];
        await using var scope = Factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<DataQueries>();
        var refs = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync(default);
        foreach (var filter in filters)
        {
            var streamed = new List<long>();
            await foreach (var row in data.StreamAsync(filter))
            {
                streamed.Add(row.Id);
            }
            var page = await data.PageAsync(filter, DataSort.Indicator, SortDirection.Asc, 1, 500, default);
            Assert.Equal(streamed.Order(), page.Rows.Select(r => r.Id).Order());
            Assert.Equal(streamed.Count, page.Total);
        }
    }

    [Fact]
    public async Task TheApiPagesByKeyThroughTheSameRowsAsByNumber()
    {
        var client = CreateClient();
        var byNumber = new List<string>();
        var byKey = new List<string>();
        long? after = null;
        for (var page = 1; ; page++)
        {
            var numbered = await client.GetFromJsonAsync<JsonElement>($"/api/observations?size=40&page={page}");
            var items = numbered.GetProperty("items").EnumerateArray().Select(Describe).ToList();
            if (items.Count == 0)
            {
                break;
            }
            byNumber.AddRange(items);
        }
        do
        {
            var keyed = await client.GetFromJsonAsync<JsonElement>("/api/observations?size=40" + (after is { } a ? $"&after={a}" : ""));
            byKey.AddRange(keyed.GetProperty("items").EnumerateArray().Select(Describe));
            after = keyed.GetProperty("next").ValueKind == JsonValueKind.Null ? null : keyed.GetProperty("next").GetInt64();
        }
        while (after is not null);

        Assert.True(byNumber.Count > 200);
        Assert.Equal(byNumber, byKey);

        static string Describe(JsonElement item) => item.GetRawText();
    }

    [Fact]
    public async Task HistoryListsEveryVintageAndMarksTheFigureOfRecord()
    {
        var filter = DashboardFilter.None with { Indicators = ["gdp"], Region = "linyi", Period = Period.Year(2031) };

        var ofRecord = await PageAsync(filter, DataSort.Indicator, SortDirection.Asc, 1, 50);
        var history = await PageAsync(filter with { History = true }, DataSort.Indicator, SortDirection.Asc, 1, 50);

        Assert.Equal(6108m, Assert.Single(ofRecord.Rows).Value);
        Assert.Equal([(Vintage.Final, true), (Vintage.Preliminary, false)], history.Rows.Select(r => (r.Vintage, r.OfRecord)).OrderBy(v => v.Vintage == Vintage.Preliminary));
        Assert.Equal(2, history.Total);
    }

    [Fact]
    public async Task APageReadsOnlyItsOwnRowsHoweverDeep()
    {
        var counter = new CommandCounter();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<DataQueries>();
        var refs = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync(default);
        counter.Reset();

        var page = await data.PageAsync(DashboardFilter.None with { Region = "linyi" }, DataSort.Region, SortDirection.Asc, 2, 50, default);
        Assert.Equal(50, page.Rows.Count);
        Assert.Equal(1, counter.Count);

        var beyond = await data.PageAsync(DashboardFilter.None, DataSort.Indicator, SortDirection.Asc, 1000, 50, default);
        Assert.Empty(beyond.Rows);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task AFigureWrittenElsewhereAndARenamedRegionAreOnTheNextPage()
    {
        var filter = DashboardFilter.None with { Indicators = ["gdp"], Region = "linyi" };
        var before = await PageAsync(filter, DataSort.Period, SortDirection.Desc, 1, 20);

        await using (var db = Database.CreateContext())
        {
            db.Observations.Add(new Observation
            {
                IndicatorId = (await db.Indicators.SingleAsync(i => i.Code == "gdp")).Id, RegionId = (await db.Regions.SingleAsync(r => r.Slug == "linyi")).Id,
                StartYear = 2032, EndYear = 2032, Kind = ObservationKind.Actual, Value = 99_999m, DocumentId = (await db.Documents.SingleAsync(d => d.Code == "test-final")).Id, Section = "表1",
            });
            await db.SaveChangesAsync();
        }
        var after = await PageAsync(filter, DataSort.Period, SortDirection.Desc, 1, 20);

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal((2032, 99_999m, true), (after.Rows[0].StartYear, after.Rows[0].Value, after.Rows[0].OfRecord));
        Assert.DoesNotContain(before.Rows, r => r.StartYear == 2032);

        await using (var db = Database.CreateContext())
        {
            await db.Regions.Where(r => r.Slug == "yiyuan").ExecuteUpdateAsync(r => r.SetProperty(x => x.Slug, "yiyuan-county"));
        }
        Assert.NotEmpty((await PageAsync(DashboardFilter.None with { Region = "yiyuan-county" }, DataSort.Indicator, SortDirection.Asc, 1, 20)).Rows);
        Assert.Empty((await PageAsync(DashboardFilter.None with { Region = "yiyuan" }, DataSort.Indicator, SortDirection.Asc, 1, 20)).Rows);
    }

    private async Task<DataPage> PageAsync(DashboardFilter filter, DataSort sort, SortDirection direction, int page, int size)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var refs = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync(default);
        return await scope.ServiceProvider.GetRequiredService<DataQueries>().PageAsync(filter, sort, direction, page, size, default);
    }

    private async Task<int> CountObservationsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Observations.CountAsync();
    }

    private static string SortKey(DataRow row, DataSort sort) => sort switch
    {
        DataSort.Period => $"{row.EndYear}|{row.StartYear}",
        DataSort.Kind => KebabEnum.ToText(row.Kind),
        DataSort.Value => (row.Value + 1_000_000_000m).ToString("0000000000000.0000", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>
    /// Reports that make ordering and filtering hard: a preliminary and a final vintage, an outside region, a multi-year
    /// period, a region without an administrative code, and equal values for several indicators and regions (ties).
    /// </summary>
    private async Task AddReportsAsync()
    {
        await using var db = Database.CreateContext();
        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code);
        var preliminary = new SourceDocument { Code = "test-preliminary", TitleZh = "测试快报", TitleEn = "Test flash", PublishedOn = "2032-01", Kind = DocumentKind.Bulletin, Url = "https://example.org/p" };
        var final = new SourceDocument { Code = "test-final", TitleZh = "测试公报", TitleEn = "Test bulletin", PublishedOn = "2032-03", Kind = DocumentKind.StatsRelease, Url = "https://example.org/f" };
        void Add(string indicator, string region, int start, int end, ObservationKind kind, decimal value, SourceDocument document, Vintage vintage = Vintage.Final) =>
            db.Observations.Add(new Observation
            {
                Indicator = indicators[indicator], Region = regions[region], StartYear = start, EndYear = end, Kind = kind,
                Value = value, Vintage = vintage, Document = document, Section = "表1",
            });
        Add("gdp", "linyi", 2031, 2031, ObservationKind.Actual, 6100m, preliminary, Vintage.Preliminary);
        Add("gdp", "linyi", 2031, 2031, ObservationKind.Actual, 6108m, final);
        Add("gdp", "yiyuan", 2023, 2023, ObservationKind.Actual, 500m, final);
        Add("gdp", "linyi", 2021, 2025, ObservationKind.Target, 7000m, final);
        Add("gdp", "gaoxin", 2023, 2023, ObservationKind.Actual, 100m, final);
        Add("gdp", "jingkai", 2023, 2023, ObservationKind.Actual, 100m, final);
        Add("gdp_growth", "gaoxin", 2023, 2023, ObservationKind.Actual, 100m, final);
        Add("gdp_growth", "lanshan", 2023, 2023, ObservationKind.Stretch, 100.0m, final);
        Add("gdp_growth", "lanshan", 2023, 2023, ObservationKind.Target, 100m, final);
        Add("gdp_growth", "lanshan", 2022, 2023, ObservationKind.Target, 100m, final);
        await db.SaveChangesAsync();
    }
}
