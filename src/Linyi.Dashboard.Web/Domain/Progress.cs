namespace Linyi.Dashboard.Web.Domain;

public enum GoalStatus { Achieved, OnTrack, NeedsAttention, Behind, NoData }

/// <summary>A target (or stretch target), the result that judges it, and the result before its period.</summary>
/// <param name="Actual">The latest result inside the target period, or null: a result from another period never judges a goal.</param>
/// <param name="Baseline">The latest result before the target period: the gap still to close, and the start of a multi-year pace.</param>
public sealed record Goal(
    Measure Measure,
    Direction Direction,
    Comparator Comparator,
    decimal Target,
    Period TargetPeriod,
    decimal? Actual,
    int? ActualYear,
    decimal? Baseline = null,
    int? BaselineYear = null);

/// <param name="Ratio">Share of the target reached (actual ÷ target; target ÷ actual when lower is better), for a result in the period only. Null for growth rates.</param>
/// <param name="GapPoints">Result (or baseline) minus target in percentage points, for growth rates and shares.</param>
/// <param name="Remaining">How far the result (or baseline) still is from the target, in the indicator's unit (0 once reached).</param>
/// <param name="RequiredRate">For a multi-year level or count goal judged mid-way: the yearly growth (%) still needed to reach the target by its deadline.</param>
/// <param name="AchievedRate">The yearly growth (%) achieved from the baseline to the latest result, when both exist.</param>
/// <param name="IsBaseline">No result in the period yet: the baseline shows the gap still to close, never "reached" or a share of the target.</param>
public sealed record GoalProgress(
    GoalStatus Status,
    bool Reached,
    decimal? Ratio,
    decimal? GapPoints,
    decimal? Remaining,
    decimal? RequiredRate,
    decimal? AchievedRate,
    bool IsBaseline);

/// <summary>The rules that turn a goal and its results into a status. Documented in docs/progress.md and at /about/progress.</summary>
public static class ProgressRules
{
    /// <summary>"About X" (左右/近) is met within this relative distance of X.</summary>
    public const decimal ApproxTolerance = 0.02m;

    /// <summary>A finished goal missed by no more than this share of the target needs attention rather than being behind.</summary>
    public const decimal AttentionMargin = 0.05m;

    /// <summary>A growth target missed by no more than this many percentage points needs attention rather than being behind.</summary>
    public const decimal AttentionMarginPoints = 0.5m;

    /// <summary>A multi-year level goal whose achieved yearly growth falls short of the required growth by no more than this many points needs attention; further is behind.</summary>
    public const decimal PaceMarginPoints = 2m;

    public static GoalProgress Evaluate(Goal goal)
    {
        var period = goal.TargetPeriod;
        var inPeriod = goal.Actual is { } a && goal.ActualYear is { } y && y >= period.StartYear && y <= period.EndYear ? a : (decimal?)null;
        if (inPeriod is not { } actual)
        {
            if (goal.Baseline is not { } baseline)
            {
                return new GoalProgress(GoalStatus.NoData, false, null, null, null, null, null, false);
            }
            var baseGap = goal.Measure is Measure.Growth or Measure.Share ? baseline - goal.Target : (decimal?)null;
            var baseRemaining = Meets(baseline, goal) ? 0 : Math.Abs(goal.Target - baseline);
            return new GoalProgress(GoalStatus.NoData, false, null, baseGap, baseRemaining, null, null, IsBaseline: true);
        }
        var year = goal.ActualYear!.Value;
        var reached = Meets(actual, goal);
        var ratio = goal.Measure == Measure.Growth ? null : Ratio(actual, goal.Target, goal.Direction);
        decimal? gapPoints = goal.Measure is Measure.Growth or Measure.Share ? actual - goal.Target : null;
        var remaining = reached ? 0 : Math.Abs(goal.Target - actual);
        if (year >= period.EndYear || !period.IsSpan || reached)
        {
            return new GoalProgress(FinalStatus(reached, ratio, gapPoints), reached, ratio, gapPoints, remaining, null, null, false);
        }
        if (goal.Measure is not (Measure.Level or Measure.Count))
        {
            // A rate or a rank mid-way is judged by where it stands now.
            return new GoalProgress(IsClose(ratio, gapPoints) ? GoalStatus.NeedsAttention : GoalStatus.Behind, false, ratio, gapPoints, remaining, null, null, false);
        }
        var required = YearlyRate(actual, goal.Target, period.EndYear - year);
        var achieved = goal.Baseline is { } from && goal.BaselineYear is { } fromYear && fromYear < year ? YearlyRate(from, actual, year - fromYear) : null;
        return new GoalProgress(PaceStatus(required, achieved, goal.Direction), false, ratio, gapPoints, remaining, required, achieved, false);
    }

    /// <summary>
    /// A multi-year level goal is on track when the yearly growth achieved so far is at least the yearly growth it still
    /// needs (compound rates, not a linear share of time). Without an earlier result the pace cannot be shown, so it needs attention.
    /// </summary>
    private static GoalStatus PaceStatus(decimal? required, decimal? achieved, Direction direction)
    {
        if (required is not { } need || achieved is not { } done)
        {
            return GoalStatus.NeedsAttention;
        }
        var shortfall = direction == Direction.Lower ? done - need : need - done;
        return shortfall <= 0 ? GoalStatus.OnTrack : shortfall <= PaceMarginPoints ? GoalStatus.NeedsAttention : GoalStatus.Behind;
    }

    /// <summary>The compound yearly growth, in percent, that takes <paramref name="from"/> to <paramref name="to"/> in <paramref name="years"/> years.</summary>
    public static decimal? YearlyRate(decimal from, decimal to, int years) =>
        from > 0 && to > 0 && years > 0
            ? Math.Round((decimal)(Math.Pow((double)(to / from), 1.0 / years) - 1) * 100, 2)
            : null;

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

    /// <summary>The level a growth target implies: base × (1 + growth ÷ 100). Always shown as derived (推算).</summary>
    public static decimal ImpliedLevel(decimal baseLevel, decimal growthPercent) => baseLevel * (1 + (growthPercent / 100m));
}
