using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The explorer and the API page through an in-memory index of the data version, and must page exactly as SQL does.</summary>
public class DataExplorerPagingTests(TestDatabase database) : IntegrationTest(database)
{
    private static readonly DashboardFilter[] Filters =
    [
        DashboardFilter.None,
        DashboardFilter.None with { Region = "linyi" },
        DashboardFilter.None with { IncludeOutside = true },
        DashboardFilter.None with { Region = "yiyuan" },
        DashboardFilter.None with { Category = "economy" },
        DashboardFilter.None with { Period = Period.Year(2023) },
        DashboardFilter.None with { Period = new Period(2021, 2025), IncludeOutside = true },
        DashboardFilter.None with { Indicators = ["gdp", "gdp_growth", "no_such_code"] },
        DashboardFilter.None with { Indicators = ["no_such_code"] },
        DashboardFilter.None with { Document = "test-final" },
        DashboardFilter.None with { Kind = ObservationKind.Target },
        DashboardFilter.None with { Region = "nowhere" },
        DashboardFilter.None with { Category = "economy", Period = Period.Year(2024), Kind = ObservationKind.Actual, Region = "linyi" },
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.LoadSeedsAsync();
        await AddReportsAsync();
    }

    [Fact]
    public async Task EverySortFilterAndPageOfTheIndexMatchesSqlRowForRow()
    {
        var (data, sql, refs, scope) = await BothPathsAsync();
        await using var _ = scope;
        var compared = 0;
        foreach (var filter in Filters.SelectMany(f => new[] { f, f with { History = true } }))
        {
            foreach (var sort in Enum.GetValues<DataSort>())
            {
                foreach (var direction in Enum.GetValues<SortDirection>())
                {
                    // Every page of the whole list at a large size; the first, second, last and one past the end at a small one.
                    foreach (var size in filter.Region is null && filter.Category is null && filter.Period is null ? new[] { 7, 500 } : [7])
                    {
                        var first = await sql.PageAsync(filter, refs, sort, direction, 1, size, default);
                        var pages = size == 500 ? Enumerable.Range(1, first.PageCount + 1) : new[] { 1, 2, first.PageCount, first.PageCount + 1 }.Distinct();
                        foreach (var page in pages)
                        {
                            var expected = await sql.PageAsync(filter, refs, sort, direction, page, size, default);
                            var actual = await data.PageAsync(filter, refs, sort, direction, page, size, default);
                            Assert.True(expected.Total == actual.Total && expected.Rows.Select(r => r.Id).SequenceEqual(actual.Rows.Select(r => r.Id)),
                                $"{filter.ToQuery()} history={filter.History} sort={sort} {direction} size={size} page={page}: expected {Describe(expected)}, actual {Describe(actual)}");
                            Assert.Equal(expected.Rows, actual.Rows);
                            compared += actual.Rows.Count;
                        }
                    }
                }
            }
        }
        // The comparison covered real pages, not only empty ones.
        Assert.True(compared > 10_000, $"{compared} rows compared");
    }

    [Fact]
    public async Task HistoryListsEveryVintageAndMarksTheFigureOfRecord()
    {
        var (data, _, refs, scope) = await BothPathsAsync();
        await using var __ = scope;
        var filter = DashboardFilter.None with { Indicators = ["gdp"], Region = "linyi", Period = Period.Year(2031) };

        var ofRecord = await data.PageAsync(filter, refs, DataSort.Indicator, SortDirection.Asc, 1, 50, default);
        var history = await data.PageAsync(filter with { History = true }, refs, DataSort.Indicator, SortDirection.Asc, 1, 50, default);

        Assert.Equal(6108m, Assert.Single(ofRecord.Rows).Value);
        Assert.Equal([(Vintage.Final, true), (Vintage.Preliminary, false)], history.Rows.Select(r => (r.Vintage, r.OfRecord)).OrderBy(v => v.Vintage == Vintage.Preliminary));
        Assert.Equal(2, history.Total);
    }

    [Fact]
    public async Task OnceTheIndexIsBuiltAPageReadsOnlyItsOwnRows()
    {
        var counter = new CommandCounter();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        var state = factory.Services.GetRequiredService<DataVersionState>();
        await Until(() => state.Current is not null);
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<DataQueries>();
        var refs = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync(default);
        await data.PageAsync(DashboardFilter.None, refs, DataSort.Value, SortDirection.Desc, 1, 50, default);
        counter.Reset();

        var page = await data.PageAsync(DashboardFilter.None with { Region = "linyi" }, refs, DataSort.Region, SortDirection.Asc, 2, 50, default);
        Assert.Equal(50, page.Rows.Count);
        Assert.Equal(1, counter.Count);

        var beyond = await data.PageAsync(DashboardFilter.None, refs, DataSort.Indicator, SortDirection.Asc, 1000, 50, default);
        Assert.Empty(beyond.Rows);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task AFigureWrittenElsewhereIsOnTheNextPageOnceTheVersionMoves()
    {
        var state = Factory.Services.GetRequiredService<DataVersionState>();
        await Until(() => state.Current is not null);
        var filter = DashboardFilter.None with { Indicators = ["gdp"], Region = "linyi" };
        var before = await PageAsync(filter);

        var version = state.Current;
        await using (var db = Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Observations.Add(new Observation
            {
                IndicatorId = (await db.Indicators.SingleAsync(i => i.Code == "gdp")).Id, RegionId = (await db.Regions.SingleAsync(r => r.Slug == "linyi")).Id,
                StartYear = 2032, EndYear = 2032, Kind = ObservationKind.Actual, Value = 99_999m, DocumentId = (await db.Documents.SingleAsync(d => d.Code == "test-final")).Id, Section = "表1",
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await Until(() => state.Current > version);
        var after = await PageAsync(filter);

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal((2032, 99_999m), (after.Rows[0].StartYear, after.Rows[0].Value));
        Assert.DoesNotContain(before.Rows, r => r.StartYear == 2032);

        async Task<DataPage> PageAsync(DashboardFilter f)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var refs = await scope.ServiceProvider.GetRequiredService<ReferenceData>().GetAsync(default);
            return await scope.ServiceProvider.GetRequiredService<DataQueries>().PageAsync(f, refs, DataSort.Period, SortDirection.Desc, 1, 20, default);
        }
    }

    /// <summary>The app's own queries (the index, once the version is known) and the same queries without a known version (SQL).</summary>
    private async Task<(DataQueries Index, DataQueries Sql, Reference Refs, AsyncServiceScope Scope)> BothPathsAsync()
    {
        var state = Factory.Services.GetRequiredService<DataVersionState>();
        await Until(() => state.Current is not null);
        var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sql = new DataQueries(services.GetRequiredService<DashboardDbContext>(), new DataVersionState(), services.GetRequiredService<DataRowIndexCache>());
        return (services.GetRequiredService<DataQueries>(), sql, await services.GetRequiredService<ReferenceData>().GetAsync(default), scope);
    }

    private static string Describe(DataPage page) => $"total {page.Total}, ids {string.Join(",", page.Rows.Select(r => r.Id))}";

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

    /// <summary>Waits for a condition the app reaches asynchronously (a notification from PostgreSQL), for at most 10 seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not reached within 10 seconds.");
            await Task.Delay(10);
        }
    }
}
