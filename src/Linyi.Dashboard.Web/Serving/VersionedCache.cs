using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;

namespace Linyi.Dashboard.Web.Serving;

/// <summary>
/// Caches computed data (analysed indicators, filter counts) under the current data version, so that pages the output
/// cache has not seen (another sort, language or query) reuse the work. When the version is not known (the notification
/// channel is down) nothing is cached and the data is computed afresh.
/// <para>
/// One request at a time computes a missing entry; the others for the same entry wait for it and then read it. Without
/// that, a burst of requests right after a change (or a start) each computed the same analysis at once: on a large
/// database none finished before its client gave up, nothing was stored, and the burst began again. The computation runs
/// with the request's own services and token, so a request that gives up only hands the work to the next one.
/// </para>
/// </summary>
public sealed class VersionedCache(IMemoryCache cache, DataVersionState state)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> computing = new();

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create, CancellationToken cancellationToken = default)
    {
        if (state.Current is not { } version)
        {
            return await create();
        }
        var versioned = string.Create(CultureInfo.InvariantCulture, $"v{version}|{key}");
        if (cache.TryGetValue(versioned, out T? cached) && cached is not null)
        {
            return cached;
        }
        var turn = computing.GetOrAdd(versioned, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            // Computed by the request that held the turn before this one.
            if (cache.TryGetValue(versioned, out cached) && cached is not null)
            {
                return cached;
            }
            var value = await create();
            cache.Set(versioned, value, Lifetime);
            return value;
        }
        finally
        {
            turn.Release();
            // Stored by now (or failed, and the next request tries again with a turn of its own): later requests read the
            // cache first, so the turn is no longer needed.
            computing.TryRemove(new KeyValuePair<string, SemaphoreSlim>(versioned, turn));
        }
    }
}
