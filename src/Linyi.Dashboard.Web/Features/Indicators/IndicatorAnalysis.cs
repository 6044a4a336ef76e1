using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Indicators;

/// <summary>A value in the indicator's own unit, converted when the document stated it in another (then <see cref="Converted"/>).</summary>
public sealed record Figure(decimal Value, Comparator Comparator, bool Converted, decimal OriginalValue, string OriginalUnit);

/// <summary>
/// One goal: a base target and/or a stretch (力争) target for a period, with its shape, each judged only by results inside
/// that period; before there is one, the latest earlier result is the baseline.
/// </summary>
/// <param name="Actual">The result the verdict rests on: always of the goal's own period.</param>
/// <param name="ImpliedLevel">The level a growth target implies, only for a nominal growth rate: levels are stated at current prices.</param>
public sealed record GoalView(
    Period Period,
    GoalShape Shape,
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

    public PriceBasis? ImpliedLevelBasis { get; init; }
}

public sealed record IndicatorView(
    IndicatorData Indicator,
    ObservationData? LatestActual,
    IReadOnlyList<GoalView> Goals)
{
    /// <summary>The goal that speaks for the indicator today: the one in progress, else the latest that has ended, else the next.</summary>
    public GoalView? CurrentGoal =>
        Goals.LastOrDefault(g => g.MainProgress?.Phase == GoalPhase.InProgress)
        ?? Goals.LastOrDefault(g => g.MainProgress?.Phase == GoalPhase.Ended)
        ?? Goals.FirstOrDefault();

    public GoalStatus Status => CurrentGoal?.Status ?? GoalStatus.NoData;
}

public static class IndicatorAnalysis
{
    /// <param name="growthBase">For a growth indicator, the level indicator it grows (for the implied level).</param>
    public static IndicatorView Analyze(IndicatorData indicator, DateOnly today, IndicatorData? growthBase = null)
    {
        var actuals = indicator.Observations.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan)
            .OrderBy(o => o.StartYear).ToList();
        var goals = indicator.Observations.Where(o => o.Kind != ObservationKind.Actual)
            .GroupBy(o => o.Period)
            .OrderBy(g => g.Key.EndYear).ThenBy(g => g.Key.StartYear)
            .Select(g => BuildGoal(indicator, g.Key, g.FirstOrDefault(o => o.Kind == ObservationKind.Target),
                g.FirstOrDefault(o => o.Kind == ObservationKind.Stretch), actuals, growthBase, today))
            .ToList();
        return new IndicatorView(indicator, actuals.LastOrDefault(), goals);
    }

    /// <summary>The shape a goal is judged by when its record names none: by what the indicator measures.</summary>
    public static GoalShape DefaultShape(Measure measure, Comparator comparator) =>
        comparator == Comparator.Le ? GoalShape.Limit
        : measure switch
        {
            Measure.Growth => GoalShape.Annual,
            Measure.Share => GoalShape.Share,
            Measure.Rank => GoalShape.Rank,
            _ => GoalShape.Level,
        };

    private static GoalView BuildGoal(IndicatorData indicator, Period period, ObservationData? target, ObservationData? stretch,
        List<ObservationData> actuals, IndicatorData? growthBase, DateOnly today)
    {
        var inPeriod = actuals.Where(a => a.StartYear >= period.StartYear && a.StartYear <= period.EndYear).ToList();
        var baseline = actuals.LastOrDefault(a => a.StartYear < period.StartYear);
        var targetFigure = target is null ? null : ToFigure(indicator, target);
        var stretchFigure = stretch is null ? null : ToFigure(indicator, stretch);
        var main = (target ?? stretch)!;
        var shape = main.Shape ?? DefaultShape(indicator.Measure, main.Comparator);
        var results = inPeriod.Select(a => Result(indicator, a)).ToList();
        GoalProgress? Judge(Figure? figure) => figure is null ? null : GoalRules.Evaluate(new Goal(
            shape, indicator.Measure, indicator.Direction, figure.Comparator, figure.Value, period, results,
            baseline is null ? null : Result(indicator, baseline)), today);
        var targetProgress = Judge(targetFigure);
        var stretchProgress = Judge(stretchFigure);
        var judgedYear = (targetProgress ?? stretchProgress)?.Judged?.Year;
        var actual = judgedYear is { } year ? inPeriod.LastOrDefault(a => a.StartYear == year) : null;

        decimal? implied = null;
        string? impliedUnit = null;
        var impliedFloor = false;
        PriceBasis? impliedBasis = null;
        if (growthBase is not null && indicator.Measure == Measure.Growth && !period.IsSpan && (targetFigure ?? stretchFigure) is { } growth
            && indicator.Basis is PriceBasis.Nominal and var basis)
        {
            var baseLevel = growthBase.Observations.LastOrDefault(o => o.Kind == ObservationKind.Actual && o.EndYear == period.StartYear - 1 && o.UnitCode is null);
            if (baseLevel is not null && baseLevel.Comparator != Comparator.Le)
            {
                implied = GoalRules.ImpliedLevel(baseLevel.Value, growth.Value);
                impliedUnit = growthBase.UnitCode;
                impliedFloor = baseLevel.Comparator == Comparator.Ge;
                impliedBasis = basis;
            }
        }
        return new GoalView(period, shape, targetFigure, stretchFigure, targetProgress, stretchProgress, actual, baseline, implied, impliedUnit)
        {
            ImpliedLevelIsFloor = impliedFloor,
            ImpliedLevelBasis = impliedBasis,
        };
    }

    private static YearResult Result(IndicatorData indicator, ObservationData observation) =>
        new(observation.StartYear, ToFigure(indicator, observation).Value, observation.Comparator);

    public static Figure ToFigure(IndicatorData indicator, ObservationData observation) =>
        observation.UnitCode is { } unit && observation.UnitToBase is { } toBase && toBase != indicator.UnitToBase
            ? new Figure(observation.Value * toBase / indicator.UnitToBase, observation.Comparator, true, observation.Value, unit)
            : new Figure(observation.Value, observation.Comparator, false, observation.Value, indicator.UnitCode);
}
