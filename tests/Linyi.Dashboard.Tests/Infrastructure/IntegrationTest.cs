using Linyi.Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// Each test starts from an empty, migrated database (or the seeds, when <see cref="StartsFromSeeds"/>) and its own app
/// instance. Each test class has a database of its own (a class fixture), so classes run side by side.
/// </summary>
public abstract class IntegrationTest(TestDatabase database) : IAsyncLifetime, IClassFixture<TestDatabase>
{
    protected TestDatabase Database { get; } = database;

    private DashboardFactory? factory;

    protected DashboardFactory Factory => SharesApp
        ? (DashboardFactory)(Database.App ??= NewFactory())
        : factory ??= NewFactory();

    private DashboardFactory NewFactory() => new(Database.ConnectionString) { Clock = Clock, Owner = GetType().Name };

    /// <summary>
    /// True for a class whose tests read what the database holds and depend on nothing an app keeps in memory (rate
    /// limits, a cache's first miss, its log): its tests share one app for as long as no test changes a row. A test that
    /// does change one leaves the next test a fresh database and a fresh app.
    /// </summary>
    protected virtual bool SharesApp => false;

    /// <summary>The clock the app reads; null for the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    protected HttpClient CreateClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Someone outside the app (psql, another tool) corrects the 2023 GDP figure with a plain UPDATE.</summary>
    protected async Task CorrectGdp2023ElsewhereAsync(decimal value)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new Npgsql.NpgsqlCommand(
            "UPDATE observations SET value = $1 WHERE start_year = 2023 AND indicator_id = (SELECT id FROM indicators WHERE code = 'gdp')", connection);
        update.Parameters.AddWithValue(value);
        await update.ExecuteNonQueryAsync();
    }

    /// <summary>True to start each test with the seeds loaded.</summary>
    protected virtual bool StartsFromSeeds => false;

    public virtual async Task InitializeAsync()
    {
        var started = FixtureTimings.Start();
        if (SharesApp && Database.App is { } app && !await Database.IsUnchangedAsync(StartsFromSeeds))
        {
            Database.App = null;
            await app.DisposeAsync();
            FixtureTimings.Record(GetType().Name, "shared-app-stop", started);
            started = FixtureTimings.Start();
        }
        await (StartsFromSeeds ? Database.ResetToSeedsAsync() : Database.ResetAsync());
        FixtureTimings.Record(GetType().Name, StartsFromSeeds ? "reset-to-seeds" : "reset-empty", started);
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            var started = FixtureTimings.Start();
            await factory.DisposeAsync();
            FixtureTimings.Record(GetType().Name, "app-stop", started);
        }
    }
}
