using System.Diagnostics;
using System.Globalization;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>
/// Where a test run's time goes outside the tests' own bodies: when LINYI_TEST_TIMINGS names a file, each fixture step
/// (a database cloned, reset or seeded, an app started or stopped) appends "owner, step, start, milliseconds" to it.
/// </summary>
public static class FixtureTimings
{
    private static readonly string? File = Environment.GetEnvironmentVariable("LINYI_TEST_TIMINGS") is { Length: > 0 } path ? path : null;
    private static readonly Lock Writing = new();

    public static long Start() => Stopwatch.GetTimestamp();

    public static void Record(string owner, string step, long started)
    {
        if (File is null)
        {
            return;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{owner}\t{step}\t{DateTime.UtcNow - elapsed:HH:mm:ss.fff}\t{elapsed.TotalMilliseconds:F0}\n");
        lock (Writing)
        {
            System.IO.File.AppendAllText(File, line);
        }
    }
}
