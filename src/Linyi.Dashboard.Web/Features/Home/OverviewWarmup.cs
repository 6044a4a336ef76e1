using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Sources;
using Linyi.Dashboard.Web.Serving;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Home;

/// <summary>
/// Judges every goal for the overview as soon as the data version moves, so the first visitor after an edit finds the
/// counts computed instead of waiting for a pass over every figure of record (ADR 0023). A burst of changes is worked
/// off as one: each pass takes the latest version. A request that arrives mid-pass waits for it through
/// <see cref="VersionedCache"/> rather than computing the same counts again.
/// </summary>
public sealed partial class OverviewWarmup(IServiceScopeFactory scopes, DataVersionState state, IOptions<OverviewOptions> options, ILogger<OverviewWarmup> logger)
    : BackgroundService
{
    private readonly RisingVersion warmed = new();

    /// <summary>Completes once a pass has finished for <paramref name="version"/> or a later one.</summary>
    public Task WhenWarmedAsync(long version, CancellationToken cancellationToken) => warmed.WhenAtLeastAsync(version, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmAfterChanges)
        {
            return;
        }
        long? seen = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await state.WhenLaterThanAsync(seen, stoppingToken);
            if (state.Current is not { } version)
            {
                continue;
            }
            seen = version;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var home = scope.ServiceProvider.GetRequiredService<HomeQueries>();
                await home.GetAsync(DashboardFilter.None, await home.ReferenceAsync(stoppingToken), stoppingToken);
                // Every page's footer line.
                await scope.ServiceProvider.GetRequiredService<SourceQueries>().DataAsOfAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next visitor computes the counts as before; nothing is lost but the head start.
                LogFailed(logger, version, exception.Message);
            }
            warmed.Advance(version);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overview could not be prepared for data version {Version} ({Reason})")]
    private static partial void LogFailed(ILogger logger, long version, string reason);
}
