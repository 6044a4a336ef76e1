using System.Globalization;
using Microsoft.Extensions.Caching.Memory;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>
/// Caches computed data (analysed indicators, filter counts) under the current data version, so that pages the output
/// cache has not seen (another sort, language or query) reuse the work. When the version is not known (the notification
/// channel is down) nothing is cached and the data is computed afresh.
/// </summary>
public sealed class VersionedCache(IMemoryCache cache, DataVersionState state)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
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
        var value = await create();
        cache.Set(versioned, value, Lifetime);
        return value;
    }
}
