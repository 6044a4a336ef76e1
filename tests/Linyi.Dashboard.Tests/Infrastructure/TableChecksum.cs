using Npgsql;

namespace Linyi.Dashboard.Tests.Infrastructure;

public static class TableChecksum
{
    private static readonly string[] DataTables = ["units", "documents", "categories", "regions", "indicators", "observations", "milestones", "audit_entries", "data_version"];

    /// <summary>An md5 over every row of every data table: equal checksums mean byte-for-byte equal data.</summary>
    public static async Task<string> OfDataTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var table in DataTables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t", connection);
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }
        return string.Join(";", parts);
    }
}
