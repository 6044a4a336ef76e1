using System.Globalization;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The database announces every change to the data, however it is made, and every instance's cached pages follow.</summary>
public class DataChangeTests(TestDatabase database) : IntegrationTest(database)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task ACachedPageNeedsNoRoundTripAndAPsqlUpdateShowsWithinTwoSecondsOfItsNotification()
    {
        var counter = new CommandCounter();
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = factory.CreateClient();
        var state = factory.Services.GetRequiredService<DataVersionState>();
        await state.WhenLaterThanAsync(null).WaitAsync(Deadline);
        Assert.Equal(await SeededGdp2023Async(), await ShownGdp2023Async(client));
        counter.Reset();
        Assert.Equal(await SeededGdp2023Async(), await ShownGdp2023Async(client));
        Assert.Equal(0, counter.Count);

        var before = state.Current;
        await CorrectGdp2023ElsewhereAsync(6107m);
        // The periodic read is 30 s away: only the notification can meet this deadline.
        await state.WhenLaterThanAsync(before).WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(6107m, await ShownGdp2023Async(client));
    }

    [Fact]
    public async Task WithNotificationsLostThePeriodicReadShowsTheChange()
    {
        var factory = Factory.WithWebHostBuilder(b => b
            .UseSetting("DataVersion:Listen", "false")
            .UseSetting("DataVersion:ReadEverySeconds", "1"));
        var client = factory.CreateClient();
        var state = factory.Services.GetRequiredService<DataVersionState>();
        await state.WhenLaterThanAsync(null).WaitAsync(Deadline);
        Assert.Equal(await SeededGdp2023Async(), await ShownGdp2023Async(client));

        var before = state.Current;
        await CorrectGdp2023ElsewhereAsync(6107m);
        await state.WhenLaterThanAsync(before).WaitAsync(Deadline);

        Assert.Equal(6107m, await ShownGdp2023Async(client));
    }

    [Fact]
    public async Task AChangeMadeThroughOneInstanceShowsOnAnother()
    {
        await using var other = new DashboardFactory(Database.ConnectionString);
        var clients = new[] { Factory.CreateClient(), other.CreateClient() };
        var states = new[] { Factory.Services.GetRequiredService<DataVersionState>(), other.Services.GetRequiredService<DataVersionState>() };
        foreach (var (client, state) in clients.Zip(states))
        {
            await state.WhenLaterThanAsync(null).WaitAsync(Deadline);
            Assert.Equal(await SeededGdp2023Async(), await ShownGdp2023Async(client));
        }
        var before = states.Select(s => s.Current).ToArray();

        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
            await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.StartYear == 2023).ExecuteUpdateAsync(o => o.SetProperty(x => x.Value, 6107m));
        }

        for (var i = 0; i < 2; i++)
        {
            await states[i].WhenLaterThanAsync(before[i]).WaitAsync(Deadline);
            Assert.Equal(6107m, await ShownGdp2023Async(clients[i]));
        }
    }

    [Fact]
    public async Task AfterAPsqlUpdateTheOverviewIsPreparedBeforeItsFirstVisitor()
    {
        var counter = new CommandCounter();
        var factory = Factory.WithWebHostBuilder(b => b
            .UseSetting("Overview:WarmAfterChanges", "true")
            .ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        var client = factory.CreateClient();
        var state = factory.Services.GetRequiredService<DataVersionState>();
        var warmup = factory.Services.GetRequiredService<OverviewWarmup>();
        await state.WhenLaterThanAsync(null).WaitAsync(Deadline);
        await warmup.WhenWarmedAsync(state.Current!.Value, CancellationToken.None).WaitAsync(Deadline);
        // Reference data (regions, categories) is kept apart from the data version; read it once.
        await client.GetStringAsync("/categories");

        var before = state.Current;
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("""
                UPDATE observations SET value = 6900 WHERE start_year = 2025 AND kind = 'actual'
                    AND indicator_id = (SELECT id FROM indicators WHERE code = 'gdp') AND region_id = (SELECT id FROM regions WHERE slug = 'linyi')
                """, connection).ExecuteNonQueryAsync();
        }
        await state.WhenLaterThanAsync(before).WaitAsync(Deadline);
        await warmup.WhenWarmedAsync(state.Current!.Value, CancellationToken.None).WaitAsync(Deadline);
        counter.Reset();

        var page = Dom.Parse(await client.GetStringAsync("/"));

        var latest = page.One("[data-indicator='gdp'] .latest strong").TextContent;
        Assert.Contains(6900m.ToString("N0", CultureInfo.InvariantCulture), latest);
        // The cold overview takes four (ProgressPagesTests): the filter counts, indicators, figures and headline cards.
        Assert.Equal(0, counter.Count);
    }

    [Theory]
    [InlineData("units", "code")]
    [InlineData("documents", "id")]
    [InlineData("categories", "id")]
    [InlineData("regions", "id")]
    [InlineData("indicators", "id")]
    [InlineData("observations", "id")]
    [InlineData("milestones", "id")]
    public async Task AWriteToATableAPageReadsBumpsTheVersionOncePerTransaction(string table, string key)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var before = await VersionAsync(connection);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new NpgsqlCommand($"UPDATE {table} SET {key} = {key}", connection, transaction).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"UPDATE {table} SET {key} = {key}", connection, transaction).ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(before + 1, await VersionAsync(connection));
    }

    [Fact]
    public async Task WritesThatRollBackLeaveTheVersionAlone()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var before = await VersionAsync(connection);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new NpgsqlCommand("UPDATE observations SET value = value + 1", connection, transaction).ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await VersionAsync(connection));
    }

    private async Task<decimal> SeededGdp2023Async()
    {
        await using var db = Database.CreateContext();
        return await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.Region!.Slug == "linyi" && o.StartYear == 2023 && o.Kind == ObservationKind.Actual)
            .Select(o => o.Value).SingleAsync();
    }

    /// <summary>
    /// The city's 2023 GDP as /indicators/gdp shows it: the figure in its row of the figures table, written with
    /// thousands separators and followed by the unit the page names (6,105亿元).
    /// </summary>
    private static async Task<decimal> ShownGdp2023Async(HttpClient client)
    {
        var page = Dom.Parse(await client.GetStringAsync("/indicators/gdp"));
        var unit = page.One(".indicator-meta .unit[data-unit]").GetAttribute("data-unit")!;
        var figure = page.One("#table-gdp tr[data-kind='actual'][data-period='2023'] td.num").Plain().Split(' ')[0];
        Assert.EndsWith(unit, figure, StringComparison.Ordinal);
        return decimal.Parse(figure[..^unit.Length], NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private static async Task<long> VersionAsync(NpgsqlConnection connection) =>
        (long)(await new NpgsqlCommand(DataVersionListener.ReadSql, connection).ExecuteScalarAsync())!;
}
