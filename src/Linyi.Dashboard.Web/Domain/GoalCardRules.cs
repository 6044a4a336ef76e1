namespace Linyi.Dashboard.Web.Domain;

/// <summary>Which of a card's two indicators speaks: a key indicator is a level, often with its growth rate beside it.</summary>
public enum CardSide { None, Level, Growth }

/// <summary>
/// The rules every page follows when it shows an indicator as a card or a chart, so that the overview, the goals list,
/// the PDF summary, a briefing and the API can never show different figures or verdicts for the same indicator, region
/// and period. Pure: the callers pass what they read.
/// </summary>
public static class GoalCardRules
{
    /// <summary>The headline figure is the level's latest result; only a level without any result is headed by its growth rate's.</summary>
    public static CardSide Headline(int? levelLatestYear, int? growthLatestYear) =>
        levelLatestYear is not null ? CardSide.Level
        : growthLatestYear is not null ? CardSide.Growth
        : CardSide.None;

    /// <summary>The growth rate is written beside the level's figure only when it is of the same year.</summary>
    public static bool GrowthBeside(int? levelLatestYear, int? growthLatestYear) =>
        levelLatestYear is { } year && growthLatestYear == year;

    /// <summary>The goal that speaks for a card: the level's current goal, else its growth rate's.</summary>
    public static CardSide Goal(bool levelHasGoal, bool growthHasGoal) =>
        levelHasGoal ? CardSide.Level
        : growthHasGoal ? CardSide.Growth
        : CardSide.None;

    /// <summary>A card is shown once either of its indicators has a figure (a result or a goal) in the selection.</summary>
    public static bool Shown(bool levelHasFigures, bool growthHasFigures) => levelHasFigures || growthHasFigures;

    /// <summary>A growth rate stands on its own card only when the level it grows is not among the indicators shown.</summary>
    public static bool StandsAlone(string? growthOf, ISet<string> shownCodes) => growthOf is null || !shownCodes.Contains(growthOf);

    /// <summary>A chart says something only with two yearly results or more; a single figure is shown as a figure.</summary>
    public static bool IsChartable(IEnumerable<Period> resultPeriods) => resultPeriods.Count(p => !p.IsSpan) >= 2;

    /// <summary>A page's period narrows what it shows to exactly that period; it never changes how a goal is judged.</summary>
    public static bool ShownFor(Period figure, Period? chosen) => chosen is not { } period || figure == period;

    /// <summary>
    /// The API's period: a span picks the goal of exactly that span; a single year every goal whose period contains it,
    /// so that "which goals run in 2024" has one answer.
    /// </summary>
    public static bool RunsIn(Period goal, Period? chosen) =>
        chosen is not { } period || (period.IsSpan ? goal == period : goal.StartYear <= period.StartYear && goal.EndYear >= period.StartYear);

    /// <summary>
    /// Whether a goal is shown under a filter on the kind of figure: a goal is a target, so it goes with "targets" and
    /// "stretch targets" (when it has one) and not with "results"; its verdict is still judged from the results.
    /// </summary>
    public static bool ShownForKind(ObservationKind? kind, bool hasTarget, bool hasStretch) => kind switch
    {
        null => true,
        ObservationKind.Target => hasTarget,
        ObservationKind.Stretch => hasStretch,
        _ => false,
    };
}
