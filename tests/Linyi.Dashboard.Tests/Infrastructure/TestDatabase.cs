using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL database of one's own, cloned from a template that was migrated and seeded once per run
/// (<see cref="SeededTemplate"/>), so test classes that each have one can run side by side. It starts with the seeds
/// loaded. <see cref="ResetAsync"/> empties it; <see cref="ResetToSeedsAsync"/> puts back the rows the template holds.
/// Both touch only the tables the test before changed (each table's row count and newest row version), so reading
/// tests pay for nothing and a test that signed in pays for the accounts' tables alone.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static int created;

    private readonly string name;
    private Fingerprint? emptyPrint;
    private Fingerprint? seededPrint;
    private SeedResult? seeded;

    public TestDatabase()
    {
        name = $"{SeededTemplate.BaseName}_{Environment.ProcessId}_{Interlocked.Increment(ref created)}";
        ConnectionString = new NpgsqlConnectionStringBuilder(SeededTemplate.BaseConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>An app the class's tests share; stopped before the database goes.</summary>
    public IAsyncDisposable? App { get; set; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedsDirectory { get; } = Environment.GetEnvironmentVariable("LINYI_SEEDS_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepositoryRoot, "seeds");

    public DashboardDbContext CreateContext() => CreateContext(ConnectionString);

    internal static DashboardDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    public async Task InitializeAsync()
    {
        var started = FixtureTimings.Start();
        await SeededTemplate.CloneAsync(name);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        (seeded, seededPrint) = (SeededTemplate.Result, await FingerprintAsync(connection));
        FixtureTimings.Record(name, "database-clone", started);
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var changed = emptyPrint is null ? null : emptyPrint.ChangedTables(await FingerprintAsync(connection));
        if (changed is not { Count: 0 })
        {
            await SeededTemplate.RestoreAsync(connection, seeds: false, changed);
            emptyPrint = await FingerprintAsync(connection);
        }
        seededPrint = null;
    }

    /// <summary>True when the database still is exactly as the last reset (or the clone) left it: empty, or the seeds.</summary>
    public async Task<bool> IsUnchangedAsync(bool seeds)
    {
        if ((seeds ? seededPrint : emptyPrint) is not { } print)
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return print.ChangedTables(await FingerprintAsync(connection)).Count == 0;
    }

    /// <summary>The database with the seeds loaded, as the template has them, or as the test before left it when it still is exactly that.</summary>
    public async Task<SeedResult> ResetToSeedsAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            var changed = seeded is null || seededPrint is null ? null : seededPrint.ChangedTables(await FingerprintAsync(connection));
            if (changed is { Count: 0 })
            {
                return seeded!;
            }
            await SeededTemplate.RestoreAsync(connection, seeds: true, changed);
            (seeded, seededPrint) = (SeededTemplate.Result, await FingerprintAsync(connection));
        }
        emptyPrint = null;
        return seeded;
    }

    /// <summary>Loads the seeds through the app's loader, on whatever the database holds now.</summary>
    public async Task<SeedResult> LoadSeedsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var fromEmpty = emptyPrint is not null && emptyPrint.ChangedTables(await FingerprintAsync(connection)).Count == 0;
        await using var db = CreateContext();
        var result = await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(SeedsDirectory));
        (seeded, seededPrint) = fromEmpty ? (result, await FingerprintAsync(connection)) : (null, null);
        return result;
    }

    private static async Task<Fingerprint> FingerprintAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(SeededTemplate.FingerprintQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, (long Rows, long Newest)>();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }
        return new Fingerprint(tables);
    }

    /// <summary>Each table's row count and newest row version (xmin), as a reset left them.</summary>
    private sealed record Fingerprint(IReadOnlyDictionary<string, (long Rows, long Newest)> Tables)
    {
        public IReadOnlyList<string> ChangedTables(Fingerprint now) =>
            now.Tables.Where(t => !Tables.TryGetValue(t.Key, out var then) || then != t.Value).Select(t => t.Key).ToList();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await SeededTemplate.DropAsync(name);
    }

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

/// <summary>
/// The database named by ConnectionStrings__Dashboard (scripts/test.sh prepares it), migrated and seeded once per test
/// run under the name "{name}_template"; every <see cref="TestDatabase"/> is a copy of it (CREATE DATABASE … TEMPLATE).
/// </summary>
internal static class SeededTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool ready;

    public static string BaseConnectionString { get; } = Environment.GetEnvironmentVariable("ConnectionStrings__Dashboard")
        is { Length: > 0 } value ? value : throw new InvalidOperationException("Run the tests through scripts/test.sh: ConnectionStrings__Dashboard is not set.");

    public static string BaseName { get; } = new NpgsqlConnectionStringBuilder(BaseConnectionString).Database
        ?? throw new InvalidOperationException("ConnectionStrings__Dashboard names no database.");

    private static string Name => BaseName + "_template";

    public static SeedResult Result { get; private set; } = null!;

    public static string FingerprintQuery { get; private set; } = null!;

    /// <summary>Each table's rows as the template holds them (binary COPY), but the migrations' history and the roles they add.</summary>
    private static readonly Dictionary<string, byte[]> Rows = [];

    /// <summary>
    /// Empties the <paramref name="changed"/> tables (null: every table), then with <paramref name="seeds"/> copies the
    /// template's rows of those tables back, in one transaction. Triggers and foreign keys are off meanwhile
    /// (session_replication_role), so the order does not matter and no trigger writes; the tables left alone hold what
    /// they held after the last reset, so every reference stays whole. Deleting the few rows a test leaves is quicker than
    /// TRUNCATE, which makes new files for every table and index.
    /// </summary>
    public static async Task RestoreAsync(NpgsqlConnection connection, bool seeds, IReadOnlyList<string>? changed = null)
    {
        var tables = changed is null ? Rows.Keys.ToList() : Rows.Keys.Where(changed.Contains).ToList();
        await using var transaction = await connection.BeginTransactionAsync();
        var empty = string.Concat(tables.Select(table => $"""DELETE FROM "{table}";"""));
        await using (var command = new NpgsqlCommand("SET LOCAL session_replication_role = replica;" + empty, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        if (seeds)
        {
            foreach (var table in tables)
            {
                var rows = Rows[table];
                await using var copy = await connection.BeginRawBinaryCopyAsync($"""COPY "{table}" FROM STDIN (FORMAT BINARY)""");
                await copy.WriteAsync(rows);
            }
        }
        await transaction.CommitAsync();
    }

    /// <summary>Drops the database of that name, if any, and makes it a fresh copy of the template.</summary>
    public static async Task CloneAsync(string database)
    {
        // PostgreSQL copies a template only while nobody else is connected to it, another copy included.
        if (!await Gate.WaitAsync(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"No copy of the template was made for {database} within two minutes.");
        }
        try
        {
            if (!ready)
            {
                await CreateAsync();
                ready = true;
            }
            await ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
            await ExecuteAsync($"""CREATE DATABASE "{database}" TEMPLATE "{Name}" """);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static Task DropAsync(string database) => ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");

    private static async Task CreateAsync()
    {
        var started = FixtureTimings.Start();
        // Copies left behind by a run that was stopped before it could drop them.
        foreach (var leftover in await LeftoverCopiesAsync())
        {
            await DropAsync(leftover);
        }
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""");
        await ExecuteAsync($"""CREATE DATABASE "{Name}" """);
        var connectionString = new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = Name }.ConnectionString;
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            await db.Database.MigrateAsync();
            Result = await new SeedLoader(db).LoadAsync(SeedReader.ReadDirectory(TestDatabase.SeedsDirectory));
        }
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var names = new NpgsqlCommand(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'asp_net_roles') ORDER BY tablename", connection))
            await using (var reader = await names.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables)
            {
                using var rows = new MemoryStream();
                await using (var copy = await connection.BeginRawBinaryCopyAsync($"""COPY "{table}" TO STDOUT (FORMAT BINARY)"""))
                {
                    await copy.CopyToAsync(rows);
                }
                Rows[table] = rows.ToArray();
            }
            // The app's data protection keys are left out: a key made by one test changes nothing another test reads.
            await using var prints = new NpgsqlCommand("""
                SELECT string_agg(format('SELECT %L, count(*), coalesce(max(xmin::text::bigint), 0) FROM %I', tablename, tablename), ' UNION ALL ' ORDER BY tablename)
                FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'data_protection_keys')
                """, connection);
            FingerprintQuery = (string)(await prints.ExecuteScalarAsync())!;
        }
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        FixtureTimings.Record(Name, "template-migrate-and-seed", started);
    }

    private static async Task<List<string>> LeftoverCopiesAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname ~ ('^' || $1 || '_[0-9]+_[0-9]+$')", connection);
        command.Parameters.AddWithValue(BaseName);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
