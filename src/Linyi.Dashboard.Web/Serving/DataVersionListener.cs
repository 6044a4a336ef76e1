using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Linyi.Dashboard.Web.Serving;

public sealed class DataVersionOptions
{
    public const string Section = "DataVersion";

    /// <summary>LISTEN for the database's notifications. Off behind a pooler in transaction mode, where LISTEN hears nothing.</summary>
    public bool Listen { get; set; } = true;

    /// <summary>How often the version is read as well, in case notifications are lost.</summary>
    [Range(1, 3600)]
    public int ReadEverySeconds { get; set; } = 30;
}

/// <summary>The data version as this instance last heard or read it from PostgreSQL, or null while it cannot.</summary>
public sealed class DataVersionState
{
    private readonly RisingVersion version = new();

    public long? Current => version.Current;

    /// <summary>Notifications can overtake each other; the version only moves forward.</summary>
    public void Set(long value) => version.Advance(value);

    public void Forget() => version.Forget();

    /// <summary>Completes once the version is known and later than <paramref name="seen"/>.</summary>
    public Task WhenLaterThanAsync(long? seen, CancellationToken cancellationToken = default) =>
        version.WhenAtLeastAsync(seen + 1, cancellationToken);
}

/// <summary>
/// Keeps <see cref="DataVersionState"/> current: PostgreSQL notifies the <c>data_version</c> channel whenever a change to
/// the data commits (triggers, ADR 0021), and the listener also reads the version every
/// <see cref="DataVersionOptions.ReadEverySeconds"/> in case a notification never arrives. While the connection is down
/// the version is unknown and each request reads it instead; the listener reconnects by itself.
/// </summary>
public sealed partial class DataVersionListener(IConfiguration configuration, IOptions<DataVersionOptions> options, DataVersionState state, ILogger<DataVersionListener> logger) : BackgroundService
{
    public const string Channel = "data_version";

    public const string ReadSql = "SELECT coalesce((SELECT version FROM data_version WHERE id = 1), 0)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Dashboard")) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        var every = TimeSpan.FromSeconds(options.Value.ReadEverySeconds);
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                if (options.Value.Listen)
                {
                    connection.Notification += (_, e) =>
                    {
                        if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                        {
                            state.Set(version);
                        }
                    };
                    await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // After LISTEN, so that no change can fall between the read and the subscription.
                    await using (var read = new NpgsqlCommand(ReadSql, connection))
                    {
                        state.Set((long)(await read.ExecuteScalarAsync(stoppingToken))!);
                    }
                    if (options.Value.Listen)
                    {
                        await connection.WaitAsync(every, stoppingToken);
                    }
                    else
                    {
                        await Task.Delay(every, stoppingToken);
                    }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot follow data changes ({Reason}); reading the version per request until reconnected")]
    private static partial void LogLost(ILogger logger, string reason);
}
