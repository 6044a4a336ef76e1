using Linyi.Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Each test starts from an empty, migrated database (or the seeds, when <see cref="StartsFromSeeds"/>) and its own app instance.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class IntegrationTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    private DashboardFactory? factory;

    protected DashboardFactory Factory => factory ??= new DashboardFactory(Database.ConnectionString) { Clock = Clock };

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

    public virtual Task InitializeAsync() => StartsFromSeeds ? Database.ResetToSeedsAsync() : Database.ResetAsync();

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
