using Linyi.Dashboard.Web.Serving;
using Microsoft.Extensions.Caching.Memory;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>A burst of requests for an entry nobody has computed yet computes it once.</summary>
public class VersionedCacheTests
{
    private static VersionedCache Cache()
    {
        var state = new DataVersionState();
        state.Set(7);
        return new VersionedCache(new MemoryCache(new MemoryCacheOptions()), state);
    }

    [Fact]
    public async Task ConcurrentMissesComputeTheEntryOnceAndAllReadIt()
    {
        var cache = Cache();
        var release = new TaskCompletionSource();
        var computed = 0;

        // Sixteen requests ask before the first computation can finish (each call runs until its first wait).
        var readers = Enumerable.Range(0, 16).Select(_ => cache.GetOrCreateAsync("overview", async () =>
        {
            Interlocked.Increment(ref computed);
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return new object();
        })).ToList();
        var computedBeforeRelease = Volatile.Read(ref computed);
        release.SetResult();
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, computedBeforeRelease);
        Assert.Equal(1, computed);
        Assert.All(values, value => Assert.Same(values[0], value));
    }

    [Fact]
    public async Task WhenTheComputingRequestFailsTheNextOneComputes()
    {
        var cache = Cache();
        var first = new TaskCompletionSource<string>();
        var firstStarted = new TaskCompletionSource();

        var failing = cache.GetOrCreateAsync("overview", () =>
        {
            firstStarted.SetResult();
            return first.Task;
        });
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = cache.GetOrCreateAsync("overview", () => Task.FromResult("second"));
        first.SetException(new OperationCanceledException("The first client gave up."));

        await Assert.ThrowsAsync<OperationCanceledException>(() => failing);
        Assert.Equal("second", await waiting);
        Assert.Equal("second", await cache.GetOrCreateAsync("overview", () => Task.FromResult("third")));
    }

    [Fact]
    public async Task AWaiterWhoseClientGivesUpStopsWaiting()
    {
        var cache = Cache();
        var never = new TaskCompletionSource<string>();
        var started = new TaskCompletionSource();
        _ = cache.GetOrCreateAsync("overview", () =>
        {
            started.SetResult();
            return never.Task;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var gaveUp = new CancellationTokenSource();

        var waiting = cache.GetOrCreateAsync("overview", () => Task.FromResult("unused"), gaveUp.Token);
        gaveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        never.SetResult("done");
    }
}
