using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Indicators;

/// <summary>A value in the indicator's own unit, converted when the document stated it in another (then <see cref="Converted"/>).</summary>
public sealed record Figure(decimal Value, Comparator Comparator, bool Converted, decimal OriginalValue, string OriginalUnit);

/// <summary>
/// One goal: a base target and/or a stretch (力争) target for a period, each judged only by a result inside that period;
/// before there is one, the latest earlier result is the baseline.
/// </summary>
public sealed record GoalView(
    Period Period,
    Figure? Target,
    Figure? Stretch,
    GoalProgress? TargetProgress,
    GoalProgress? StretchProgress,
    ObservationData? Actual,
    ObservationData? Baseline,
    decimal? ImpliedLevel,
    string? ImpliedLevelUnit)
{
    /// <summary>The base target decides the goal's status; a goal set only as 力争 is judged by that.</summary>
    public GoalStatus Status => (TargetProgress ?? StretchProgress)?.Status ?? GoalStatus.NoData;

    public GoalProgress? MainProgress => TargetProgress ?? StretchProgress;

    /// <summary>True when the implied level grows a base that is itself only a floor (≥ 3000), so the level is one too.</summary>
    public bool ImpliedLevelIsFloor { get; init; }
}

public sealed record IndicatorView(
    IndicatorData Indicator,
    ObservationData? LatestActual,
    IReadOnlyList<GoalView> Goals)
{
    /// <summary>The goal for the latest period: what the indicator is judged on today.</summary>
    public GoalView? CurrentGoal => Goals.Count == 0 ? null : Goals[^1];

    public GoalStatus Status => CurrentGoal?.Status ?? GoalStatus.NoData;
}

public static class IndicatorAnalysis
{
    /// <param name="growthBase">For a growth indicator, the level indicator it grows (for the implied level).</param>
    public static IndicatorView Analyze(IndicatorData indicator, IndicatorData? growthBase = null)
    {
        var actuals = indicator.Observations.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan)
            .OrderBy(o => o.StartYear).ToList();
        var goals = indicator.Observations.Where(o => o.Kind != ObservationKind.Actual)
            .GroupBy(o => o.Period)
            .OrderBy(g => g.Key.EndYear).ThenBy(g => g.Key.StartYear)
            .Select(g => BuildGoal(indicator, g.Key, g.FirstOrDefault(o => o.Kind == ObservationKind.Target),
                g.FirstOrDefault(o => o.Kind == ObservationKind.Stretch), actuals, growthBase))
            .ToList();
        return new IndicatorView(indicator, actuals.LastOrDefault(), goals);
    }

    private static GoalView BuildGoal(IndicatorData indicator, Period period, ObservationData? target, ObservationData? stretch,
        List<ObservationData> actuals, IndicatorData? growthBase)
    {
        // Only a result inside the goal's period judges it; the latest result before the period is its baseline.
        var actual = actuals.LastOrDefault(a => a.StartYear >= period.StartYear && a.StartYear <= period.EndYear);
        var baseline = actuals.LastOrDefault(a => a.StartYear < period.StartYear);
        var targetFigure = target is null ? null : ToFigure(indicator, target);
        var stretchFigure = stretch is null ? null : ToFigure(indicator, stretch);
        GoalProgress? Judge(Figure? figure) => figure is null ? null : ProgressRules.Evaluate(new Goal(
            indicator.Measure, indicator.Direction, figure.Comparator, figure.Value, period,
            actual is null ? null : ToFigure(indicator, actual).Value, actual?.StartYear, baseline is null ? null : ToFigure(indicator, baseline).Value, baseline?.StartYear));

        decimal? implied = null;
        string? impliedUnit = null;
        var impliedFloor = false;
        if (growthBase is not null && indicator.Measure == Measure.Growth && (targetFigure ?? stretchFigure) is { } growth)
        {
            var baseLevel = growthBase.Observations.LastOrDefault(o => o.Kind == ObservationKind.Actual && o.EndYear == period.StartYear - 1 && o.UnitCode is null);
            if (baseLevel is not null)
            {
                implied = ProgressRules.ImpliedLevel(baseLevel.Value, growth.Value);
                impliedUnit = growthBase.UnitCode;
                impliedFloor = baseLevel.Comparator == Comparator.Ge;
            }
        }
        return new GoalView(period, targetFigure, stretchFigure, Judge(targetFigure), Judge(stretchFigure), actual, baseline, implied, impliedUnit)
        {
            ImpliedLevelIsFloor = impliedFloor,
        };
    }

    public static Figure ToFigure(IndicatorData indicator, ObservationData observation) =>
        observation.UnitCode is { } unit && observation.UnitToBase is { } toBase && toBase != indicator.UnitToBase
            ? new Figure(observation.Value * toBase / indicator.UnitToBase, observation.Comparator, true, observation.Value, unit)
            : new Figure(observation.Value, observation.Comparator, false, observation.Value, indicator.UnitCode);
}
