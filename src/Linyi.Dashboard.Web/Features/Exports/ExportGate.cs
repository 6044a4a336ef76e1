using System.Threading.RateLimiting;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Exports;

/// <summary>
/// Turns for CSV and XLSX downloads. A download is built into a buffer (memory, then a temporary file) while it holds one
/// of the few turns across all clients; the turn is given back before the file is sent, so a client that does not read
/// holds nothing that others wait for. Each client may have only a few downloads going at once, building or sending, and
/// sending has a deadline.
/// </summary>
public sealed class ExportGate : IDisposable
{
    private readonly ConcurrencyLimiter building;
    private readonly PartitionedRateLimiter<string> perClient;

    public ExportGate(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        building = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.ExportsAtOnce), QueueLimit = Math.Max(0, limits.ExportQueue), QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var each = Math.Max(1, limits.ExportsPerClient);
        perClient = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetConcurrencyLimiter(client, _ => new ConcurrencyLimiterOptions { PermitLimit = each, QueueLimit = 0 }));
        SendDeadline = TimeSpan.FromSeconds(Math.Max(1, limits.ExportSendSeconds));
    }

    public const int RetrySeconds = 10;

    public TimeSpan SendDeadline { get; }

    /// <summary>One of the client's own turns (building and sending); not acquired when the client already has its share.</summary>
    public RateLimitLease ForClient(HttpContext context) => perClient.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A turn to build a file, waiting in the queue; not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> ToBuildAsync(CancellationToken cancellationToken) => building.AcquireAsync(1, cancellationToken);

    public void Dispose()
    {
        building.Dispose();
        perClient.Dispose();
    }
}

/// <summary>
/// The output cache for downloads, as for pages, but without making a request wait for another one of the same address
/// to finish: that one may be sending to a client that does not read.
/// </summary>
public sealed class ExportCachePolicy(IOutputCachePolicy pages) : IOutputCachePolicy
{
    public const string Name = "export";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await pages.CacheRequestAsync(context, cancellation);
        context.AllowLocking = false;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => pages.ServeFromCacheAsync(context, cancellation);

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => pages.ServeResponseAsync(context, cancellation);

    public static void Register(IServiceCollection services) =>
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>((options, services) =>
            options.AddPolicy(Name, new ExportCachePolicy(DataVersionCachePolicy.Create(services))));
}
