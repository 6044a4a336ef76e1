using Serilog.Core;
using Serilog.Events;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// A Serilog sink the app picks up from its services. Request lines are written after the response has gone out,
/// so a test waits for the line it expects instead of reading the log straight away.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly List<LogEvent> events = [];
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Found)> waiters = [];

    public void Emit(LogEvent logEvent)
    {
        List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Found)> met;
        lock (events)
        {
            events.Add(logEvent);
            met = waiters.FindAll(w => w.Match(logEvent));
            waiters.RemoveAll(met.Contains);
        }

        foreach (var waiter in met)
        {
            waiter.Found.TrySetResult(logEvent);
        }
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

    /// <summary>The first event that matches: one already written, or the next one the sink is given, within 30 s.</summary>
    public Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match)
    {
        var waiter = (Match: match, Found: new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (events)
        {
            if (events.FirstOrDefault(match) is { } found)
            {
                return Task.FromResult(found);
            }

            waiters.Add(waiter);
        }

        return waiter.Found.Task.WaitAsync(Deadline);
    }

    private static bool IsRequest(LogEvent e, string method, string path) =>
        e.Properties.TryGetValue("RequestMethod", out var m) && m is ScalarValue { Value: string requestMethod } && requestMethod == method
        && e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string requestPath } && requestPath == path;
}

/// <summary>
/// Apps in one process share Serilog's static logger, through which some of an app's lines go, so the tests that read
/// what an app logged run alone, after the classes that run side by side.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoggingCollection
{
    public const string Name = "app log";
}
