namespace Linyi.Dashboard.Web.Domain;

public enum GoalStatus { Achieved, OnTrack, NeedsAttention, Behind, NoData }

/// <summary>A target (or stretch target) and the actual that it is judged against.</summary>
/// <param name="ActualYear">The year of the actual; it may precede the target period (a baseline) or fall inside a span.</param>
public sealed record Goal(
    Measure Measure,
    Direction Direction,
    Comparator Comparator,
    decimal Target,
    Period TargetPeriod,
    decimal? Actual,
    int? ActualYear);

/// <param name="Ratio">Share of the target reached (actual ÷ target; target ÷ actual when lower is better). Null for growth rates.</param>
/// <param name="GapPoints">Actual minus target in percentage points, for growth rates and shares.</param>
/// <param name="Remaining">How far the actual still is from the target, in the indicator's unit (0 once reached).</param>
/// <param name="ExpectedRatio">For a multi-year goal judged mid-way: the time-proportional share expected by now (序时进度).</param>
/// <param name="IsBaseline">The actual is from before the target period: it shows the gap still to close, not a result.</param>
public sealed record GoalProgress(
    GoalStatus Status,
    bool Reached,
    decimal? Ratio,
    decimal? GapPoints,
    decimal? Remaining,
    decimal? ExpectedRatio,
    bool IsBaseline);

/// <summary>The rules that turn a goal and its actual into a status. Documented in docs/progress.md.</summary>
public static class ProgressRules
{
    /// <summary>"About X" (左右/近) is met within this relative distance of X.</summary>
    public const decimal ApproxTolerance = 0.02m;

    /// <summary>A finished goal missed by no more than this share of the target needs attention rather than being behind.</summary>
    public const decimal AttentionMargin = 0.05m;

    /// <summary>A growth target missed by no more than this many percentage points needs attention rather than being behind.</summary>
    public const decimal AttentionMarginPoints = 0.5m;

    /// <summary>A multi-year goal this far (as a share of the target) behind its time-proportional pace needs attention; further is behind.</summary>
    public const decimal PaceMargin = 0.10m;

    public static GoalProgress Evaluate(Goal goal)
    {
        if (goal.Actual is not { } actual || goal.ActualYear is not { } year)
        {
            return new GoalProgress(GoalStatus.NoData, false, null, null, null, null, false);
        }
        var reached = Meets(actual, goal);
        var ratio = goal.Measure == Measure.Growth ? null : Ratio(actual, goal.Target, goal.Direction);
        decimal? gapPoints = goal.Measure is Measure.Growth or Measure.Share ? actual - goal.Target : null;
        var remaining = reached ? 0 : Math.Abs(goal.Target - actual);
        var period = goal.TargetPeriod;

        if (year < period.StartYear)
        {
            return new GoalProgress(GoalStatus.NoData, reached, ratio, gapPoints, remaining, null, IsBaseline: true);
        }
        if (year >= period.EndYear || !period.IsSpan)
        {
            return new GoalProgress(FinalStatus(reached, ratio, gapPoints), reached, ratio, gapPoints, remaining, null, false);
        }
        var expected = (decimal)(year - period.StartYear + 1) / (period.EndYear - period.StartYear + 1);
        return new GoalProgress(PaceStatus(reached, ratio, gapPoints, expected), reached, ratio, gapPoints, remaining, expected, false);
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the target as worded. An exact (=) target is met by reaching it.</summary>
    public static bool Meets(decimal actual, Goal goal)
    {
        var lowerIsBetter = goal.Comparator == Comparator.Le || (goal.Comparator != Comparator.Ge && goal.Direction == Direction.Lower);
        if (goal.Comparator == Comparator.Approx)
        {
            var tolerance = Math.Abs(goal.Target) * ApproxTolerance;
            return lowerIsBetter ? actual <= goal.Target + tolerance : actual >= goal.Target - tolerance;
        }
        return lowerIsBetter ? actual <= goal.Target : actual >= goal.Target;
    }

    public static decimal? Ratio(decimal actual, decimal target, Direction direction) =>
        direction == Direction.Lower
            ? actual > 0 ? target / actual : null
            : target > 0 ? actual / target : null;

    private static GoalStatus FinalStatus(bool reached, decimal? ratio, decimal? gapPoints) =>
        reached ? GoalStatus.Achieved
        : IsClose(ratio, gapPoints) ? GoalStatus.NeedsAttention
        : GoalStatus.Behind;

    private static bool IsClose(decimal? ratio, decimal? gapPoints) =>
        ratio is { } r ? r >= 1 - AttentionMargin : gapPoints is { } g && g >= -AttentionMarginPoints;

    private static GoalStatus PaceStatus(bool reached, decimal? ratio, decimal? gapPoints, decimal expected)
    {
        if (reached)
        {
            return GoalStatus.Achieved;
        }
        if (ratio is not { } r)
        {
            return IsClose(null, gapPoints) ? GoalStatus.NeedsAttention : GoalStatus.Behind;
        }
        return r >= expected ? GoalStatus.OnTrack
            : r >= expected - PaceMargin ? GoalStatus.NeedsAttention
            : GoalStatus.Behind;
    }

    /// <summary>The level a growth target implies: base × (1 + growth ÷ 100). Always shown as derived (推算).</summary>
    public static decimal ImpliedLevel(decimal baseLevel, decimal growthPercent) => baseLevel * (1 + (growthPercent / 100m));
}
