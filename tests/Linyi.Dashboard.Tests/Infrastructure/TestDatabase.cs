using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL database that scripts/test.sh prepares (ConnectionStrings__Dashboard), migrated once per run
/// and reset with Respawn before each test. A test that starts from the seeds finds them already loaded when the test
/// before it left every row as the seeds made it (each table's row count and newest row version unchanged), so
/// reading tests do not pay for loading the seeds again.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("ConnectionStrings__Dashboard")
        is { Length: > 0 } value ? value : throw new InvalidOperationException("Run the tests through scripts/test.sh: ConnectionStrings__Dashboard is not set.");

    private Respawner? respawner;
    private string? fingerprintQuery;
    private string? emptyPrint;
    private string? seededPrint;
    private SeedResult? seeded;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedsDirectory { get; } = Environment.GetEnvironmentVariable("LINYI_SEEDS_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepositoryRoot, "seeds");

    public DashboardDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options);

    public async Task InitializeAsync()
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "asp_net_roles"],
        });
        // The app's data protection keys are left out: a key made by one test changes nothing another test reads.
        await using var tables = new NpgsqlCommand("""
            SELECT string_agg(format('SELECT %L, count(*), coalesce(max(xmin::text::bigint), 0) FROM %I', tablename, tablename), ' UNION ALL ' ORDER BY tablename)
            FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'data_protection_keys')
            """, connection);
        fingerprintQuery = (string)(await tables.ExecuteScalarAsync())!;
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await respawner!.ResetAsync(connection);
        emptyPrint = await FingerprintAsync(connection);
        seededPrint = null;
    }

    /// <summary>An empty database with the seeds loaded, or the one left by the test before when it still is exactly that.</summary>
    public async Task<SeedResult> ResetToSeedsAsync()
    {
        if (seeded is not null && seededPrint is not null)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            if (await FingerprintAsync(connection) == seededPrint)
            {
                return seeded;
            }
        }
        await ResetAsync();
        return await LoadSeedsAsync();
    }

    public async Task<SeedResult> LoadSeedsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var fromEmpty = emptyPrint is not null && await FingerprintAsync(connection) == emptyPrint;
        await using var db = CreateContext();
        var result = await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(SeedsDirectory));
        (seeded, seededPrint) = fromEmpty ? (result, await FingerprintAsync(connection)) : (null, null);
        return result;
    }

    private async Task<string> FingerprintAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(fingerprintQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var print = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            print.Append(reader.GetString(0)).Append(':').Append(reader.GetInt64(1)).Append(':').Append(reader.GetInt64(2)).Append(';');
        }
        return print.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linyi.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (Linyi.Dashboard.sln).");
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}
