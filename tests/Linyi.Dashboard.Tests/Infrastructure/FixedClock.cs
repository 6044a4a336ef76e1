namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so that verdicts that depend on today's date are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The day the rules' examples in docs/progress.md are stated for.</summary>
    public static FixedClock RulesDay { get; } = new(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
