using System.Diagnostics;
using Linyi.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace Linyi.Dashboard.Tests.Integration;

public class BackupTests(TestDatabase database) : IntegrationTest(database)
{
    private static readonly string Root = Path.GetDirectoryName(TestDatabase.SeedsDirectory)!;

    private async Task<(int Code, string Output)> RunAsync(string script, params string[] args)
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PGHOST"] = builder.Host, ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = builder.Username, ["PGPASSWORD"] = builder.Password,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task ABackupRestoresIdenticalDataIntoANewDatabase()
    {
        await Database.LoadSeedsAsync();
        var source = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        var restored = $"{source.Database}_restore_{Guid.NewGuid():N}"[..40];
        var file = Path.Combine(Path.GetTempPath(), $"{restored}.dump");
        try
        {
            var backup = await RunAsync("backup.sh", source.Database!, file);
            Assert.True(backup.Code == 0, backup.Output);
            var restore = await RunAsync("restore.sh", file, restored);
            Assert.True(restore.Code == 0, restore.Output);

            var copy = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = restored }.ConnectionString;
            Assert.Equal(await TableChecksum.OfDataTablesAsync(Database.ConnectionString), await TableChecksum.OfDataTablesAsync(copy));
            Assert.Contains("audit_entries is append-only", await TriggerMessageAsync(copy));
        }
        finally
        {
            File.Delete(file);
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task RestoringOverAnExistingDatabaseIsRefused()
    {
        var source = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"refuse-{Guid.NewGuid():N}.dump");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        try
        {
            var restore = await RunAsync("restore.sh", file, source.Database!);

            Assert.NotEqual(0, restore.Code);
            Assert.Contains("exists; restore into a new name", restore.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> TriggerMessageAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        try
        {
            await new NpgsqlCommand("DELETE FROM audit_entries", connection).ExecuteNonQueryAsync();
            return "no error";
        }
        catch (PostgresException ex)
        {
            return ex.MessageText;
        }
    }
}
