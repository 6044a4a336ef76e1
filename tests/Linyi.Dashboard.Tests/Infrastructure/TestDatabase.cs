using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL database that scripts/test.sh prepares (ConnectionStrings__Dashboard), migrated once per run
/// and reset with Respawn before each test.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("ConnectionStrings__Dashboard")
        is { Length: > 0 } value ? value : throw new InvalidOperationException("Run the tests through scripts/test.sh: ConnectionStrings__Dashboard is not set.");

    private Respawner? respawner;

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
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await respawner!.ResetAsync(connection);
    }

    public async Task<SeedResult> LoadSeedsAsync()
    {
        await using var db = CreateContext();
        return await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(SeedsDirectory));
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
