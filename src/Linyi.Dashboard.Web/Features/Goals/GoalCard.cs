using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Web.Features.Goals;

/// <summary>
/// One indicator as a card: a level (or a growth rate standing alone) with its growth rate, the figure that heads it and
/// the goal that speaks for it. The overview's cards, the PDF summary's key indicators, status notices and /api/goals all
/// read these, so none can show another figure or verdict (<see cref="GoalCardRules"/>).
/// </summary>
public sealed record GoalCard(IndicatorView Level, IndicatorView? Growth)
{
    /// <summary>The indicator whose latest result heads the card, or null when neither has one.</summary>
    public IndicatorView? HeadlineView => GoalCardRules.Headline(Level.LatestActual?.StartYear, Growth?.LatestActual?.StartYear) switch
    {
        CardSide.Level => Level,
        CardSide.Growth => Growth,
        _ => null,
    };

    /// <summary>The figure that heads the card: the level's latest result, else its growth rate's.</summary>
    public ObservationData? Headline => HeadlineView?.LatestActual;

    /// <summary>True when the heading figure is a growth rate, written as such.</summary>
    public bool HeadlineIsGrowth => Growth is not null && HeadlineView == Growth;

    /// <summary>The growth rate of the heading figure's year, written beside it.</summary>
    public ObservationData? GrowthBeside =>
        GoalCardRules.GrowthBeside(Level.LatestActual?.StartYear, Growth?.LatestActual?.StartYear) ? Growth!.LatestActual : null;

    /// <summary>The indicator whose goal speaks for the card: the level's, else its growth rate's.</summary>
    public IndicatorView? GoalView => GoalCardRules.Goal(Level.CurrentGoal is not null, Growth?.CurrentGoal is not null) switch
    {
        CardSide.Level => Level,
        CardSide.Growth => Growth,
        _ => null,
    };

    public GoalView? Goal => GoalView?.CurrentGoal;

    public GoalStatus Status => Goal?.Status ?? GoalStatus.NoData;

    /// <summary>The target and stretch figures of the goal shown, for their sources.</summary>
    public IReadOnlyList<ObservationData> GoalFigures =>
        GoalView is { CurrentGoal: { } goal } view ? view.Indicator.Observations.Where(o => o.Kind != ObservationKind.Actual && o.Period == goal.Period).ToList() : [];

    public bool HasFigures => GoalCardRules.Shown(Level.Indicator.Observations.Count > 0, Growth?.Indicator.Observations.Count > 0);

    /// <summary>Every document the card cites.</summary>
    public IEnumerable<CitationData> Citations =>
        new[] { Level.LatestActual, Growth?.LatestActual, Goal?.Actual }.OfType<ObservationData>().Concat(GoalFigures).Select(o => o.Citation);
}
