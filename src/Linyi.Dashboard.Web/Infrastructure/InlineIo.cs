using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>
/// Answers front-cache hits on the thread that read the request, as an event-driven static server does, and sends every
/// other request to the thread pool (ADR 0019).
/// <para>
/// By default a request crosses threads twice: the socket's event thread hands the bytes to the thread pool, and the
/// response goes back through Kestrel's I/O queue. For a page already in memory those hand-offs cost about a third of the
/// CPU of the request. With <c>Server:InlineIo</c> on, socket completions run where they arrive (the runtime's
/// DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS, one event thread per core) and Kestrel schedules inline.
/// </para>
/// <para>
/// Work that takes milliseconds (rendering, database queries, PDF exports) must not hold an event thread, or every
/// connection on it waits. So everything past the front cache runs under <see cref="ThreadPoolContext"/>: the request
/// moves to the thread pool at once, and each of its awaits resumes there, even when the socket that completed it
/// (PostgreSQL's, Chromium's) finished on an event thread.
/// </para>
/// </summary>
public static class InlineIo
{
    public const string Setting = "Server:InlineIo";

    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(Setting, false);

    /// <summary>
    /// Call before the host is built. The runtime reads the socket setting once, when the first socket is opened; the
    /// app opens none before its host starts. A value already in the environment wins.
    /// </summary>
    public static WebApplicationBuilder UseInlineIo(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return builder;
        }
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
        builder.WebHost.UseSockets(options => options.UnsafePreferInlineScheduling = true);
        return builder;
    }

    /// <summary>
    /// Runs the host with <see cref="ThreadPoolContext"/> current, so that start-up (migrations, seeds, the key ring) and
    /// every background service resume on the thread pool after their awaits. Without it a hosted service that awaited
    /// PostgreSQL continued on an event thread, and the key ring's synchronous read after it waited there for that very
    /// thread until the command timed out.
    /// </summary>
    public static async Task RunWithInlineIoAsync(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            await app.RunAsync();
            return;
        }
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(ThreadPoolContext.Instance);
        try
        {
            await app.RunAsync();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Place right after the front cache: every request it does not answer leaves the event thread here.</summary>
    public static WebApplication UseThreadPoolPastHere(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            app.Use(ThreadPoolContext.RunAsync);
        }
        return app;
    }
}

/// <summary>
/// A synchronization context that resumes every await on the thread pool, and stays current there, so that code after
/// an await never runs on a socket's event thread. Posting to the pool has no thread affinity, so blocking on a task
/// under it cannot deadlock the way a UI thread's context can.
/// </summary>
public sealed class ThreadPoolContext : SynchronizationContext
{
    public static readonly ThreadPoolContext Instance = new();

    private ThreadPoolContext()
    {
    }

    public static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        // Off the event thread before any of the pipeline runs; the context is set only there, on a pool thread, so
        // that the event thread never carries it.
        await Task.Yield();
        SetSynchronizationContext(Instance);
        try
        {
            await next(context);
        }
        finally
        {
            SetSynchronizationContext(null);
        }
    }

    public override void Post(SendOrPostCallback callback, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(static work => work.Run(), new Work(callback, state), preferLocal: true);

    public override SynchronizationContext CreateCopy() => this;

    private sealed record Work(SendOrPostCallback Callback, object? State)
    {
        public void Run()
        {
            var previous = Current;
            SetSynchronizationContext(Instance);
            try
            {
                Callback(State);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
