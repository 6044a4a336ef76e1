using Serilog.Core;
using Serilog.Events;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// A Serilog sink the app picks up from its services. Request lines are written after the response has gone out,
/// so a test waits for the line it expects instead of reading the log straight away.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly List<LogEvent> events = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Emit(LogEvent logEvent)
    {
        TaskCompletionSource previous;
        lock (events)
        {
            events.Add(logEvent);
            previous = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.SetResult();
    }

    /// <summary>Every request line written so far for this method and path.</summary>
    public IReadOnlyList<LogEvent> Requests(string method, string path)
    {
        lock (events)
        {
            return events.Where(e => IsRequest(e, method, path)).ToList();
        }
    }

    public Task<LogEvent> WaitForRequestAsync(string method, string path) => WaitForAsync(e => IsRequest(e, method, path));

    /// <summary>The first event that matches, waiting up to 30 s for it.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (events)
            {
                var found = events.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                next = changed.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    private static bool IsRequest(LogEvent e, string method, string path) =>
        e.Properties.TryGetValue("RequestMethod", out var m) && m is ScalarValue { Value: string requestMethod } && requestMethod == method
        && e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string requestPath } && requestPath == path;
}
