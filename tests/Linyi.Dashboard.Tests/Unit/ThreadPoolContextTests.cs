using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>
/// Past the front cache, a request must never go on running on the thread that completed a socket operation: with inline
/// socket completions that thread is an event thread serving other connections.
/// </summary>
public class ThreadPoolContextTests
{
    [Fact]
    public async Task ThePipelineRunsOnThePoolAndTheCallingThreadNeverCarriesTheContext()
    {
        var caller = new DedicatedThread();
        var seen = new TaskCompletionSource<(bool Pool, SynchronizationContext? Context, int Thread)>();

        var returned = await caller.RunAsync(() =>
        {
            var pipeline = ThreadPoolContext.RunAsync(new DefaultHttpContext(), _ =>
            {
                seen.SetResult((Thread.CurrentThread.IsThreadPoolThread, SynchronizationContext.Current, Environment.CurrentManagedThreadId));
                return Task.CompletedTask;
            });
            return (pipeline, SynchronizationContext.Current);
        });
        await returned.Item1;
        var (pool, context, thread) = await seen.Task;

        Assert.True(pool);
        Assert.Same(ThreadPoolContext.Instance, context);
        Assert.NotEqual(caller.Id, thread);
        Assert.Null(returned.Item2);
    }

    [Fact]
    public async Task AnAwaitCompletedOnAnotherThreadResumesOnThePoolWithTheContextStillCurrent()
    {
        var foreign = new DedicatedThread();
        var completion = new TaskCompletionSource();
        var resumed = new TaskCompletionSource<(bool Pool, SynchronizationContext? Context, int Thread)>();

        // Started from a dedicated thread, as Kestrel starts a request: no context of its own.
        var pipeline = await foreign.RunAsync(() => ThreadPoolContext.RunAsync(new DefaultHttpContext(), _ => Await(completion.Task, resumed)));
        // Completed by a thread that is not the pool's, as an event thread completes a socket read.
        await foreign.RunAsync(completion.SetResult);
        await pipeline;
        var (pool, context, thread) = await resumed.Task;

        Assert.True(pool);
        Assert.Same(ThreadPoolContext.Instance, context);
        Assert.NotEqual(foreign.Id, thread);
    }

    [Fact]
    public async Task WithoutTheContextTheSameAwaitResumesOnTheCompletingThread()
    {
        // The control for the test above: what a request that skipped the context would do.
        var foreign = new DedicatedThread();
        var completion = new TaskCompletionSource();
        var resumed = new TaskCompletionSource<(bool Pool, SynchronizationContext? Context, int Thread)>();

        var awaiting = await foreign.RunAsync(() => Await(completion.Task, resumed));
        await foreign.RunAsync(completion.SetResult);
        await awaiting;

        Assert.Equal(foreign.Id, (await resumed.Task).Thread);
        Assert.False((await resumed.Task).Pool);
    }

    private static async Task Await(Task task, TaskCompletionSource<(bool Pool, SynchronizationContext? Context, int Thread)> resumed)
    {
        await task;
        resumed.SetResult((Thread.CurrentThread.IsThreadPoolThread, SynchronizationContext.Current, Environment.CurrentManagedThreadId));
    }

    /// <summary>A thread of its own, not the pool's: stands in for a socket's event thread.</summary>
    private sealed class DedicatedThread
    {
        public int Id { get; private set; }

        public Task<T> RunAsync<T>(Func<T> work)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                Id = Environment.CurrentManagedThreadId;
                try
                {
                    done.SetResult(work());
                }
                catch (Exception exception)
                {
                    done.SetException(exception);
                }
            }) { IsBackground = true };
            thread.Start();
            return done.Task;
        }

        public Task RunAsync(Action work) => RunAsync(() =>
        {
            work();
            return true;
        });
    }
}
