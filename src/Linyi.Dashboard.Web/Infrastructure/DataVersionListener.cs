using System.Globalization;
using Npgsql;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>The data version as this instance last heard it from PostgreSQL, or null while not listening.</summary>
public sealed class DataVersionState
{
    private long current = -1;

    public long? Current => Interlocked.Read(ref current) is var value && value >= 0 ? value : null;

    public void Set(long version)
    {
        // Notifications can overtake each other; the version only moves forward.
        long seen;
        do
        {
            seen = Interlocked.Read(ref current);
            if (version <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref current, version, seen) != seen);
    }

    public void Forget() => Interlocked.Exchange(ref current, -1);
}

/// <summary>
/// Listens on PostgreSQL's <c>data_version</c> channel (every bump notifies it at commit), so that cached pages are checked
/// against the current version without a query per request, on every instance. While the connection is down the version
/// is unknown and each request reads it from the database instead; the listener reconnects by itself.
/// </summary>
public sealed partial class DataVersionListener(IConfiguration configuration, DataVersionState state, ILogger<DataVersionListener> logger) : BackgroundService
{
    public const string Channel = "data_version";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Dashboard")) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                    {
                        state.Set(version);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Read after LISTEN, so that no bump can fall between the read and the subscription.
                await using (var read = new NpgsqlCommand("SELECT coalesce((SELECT version FROM data_version WHERE id = 1), 0)", connection))
                {
                    state.Set((long)(await read.ExecuteScalarAsync(stoppingToken))!);
                }
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                state.Forget();
                LogLost(logger, ex.Message);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for data changes ({Reason}); reading the version per request until reconnected")]
    private static partial void LogLost(ILogger logger, string reason);
}
