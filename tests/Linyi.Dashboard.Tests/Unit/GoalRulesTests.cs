using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>One case per shape and phase: before the period, inside it, after its deadline.</summary>
public class GoalRulesTests
{
    private static readonly DateOnly Before2024 = new(2023, 6, 1);
    private static readonly DateOnly In2024 = new(2024, 6, 1);
    private static readonly DateOnly After2024 = new(2025, 3, 1);

    private static Period P(int start, int end) => new(start, end);

    private static YearResult R(int year, decimal value, Comparator comparator = Comparator.Eq) => new(year, value, comparator);

    private static Goal G(GoalShape shape, Measure measure, Comparator comparator, decimal target, Period period, params YearResult[] results) =>
        new(shape, measure, Direction.Higher, comparator, target, period, results);

    private static GoalStatus Status(Goal goal, DateOnly today) => GoalRules.Evaluate(goal, today).Status;

    [Fact]
    public void AGoalWhosePeriodHasNotBegunIsNotStartedAndShowsItsBaselineGap()
    {
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 970, Period.Year(2024)) with { Baseline = R(2023, 960) };

        var progress = GoalRules.Evaluate(goal, Before2024);

        Assert.Equal(GoalStatus.NotStarted, progress.Status);
        Assert.Equal(GoalPhase.NotStarted, progress.Phase);
        Assert.Equal(10, progress.Remaining);
        Assert.Null(progress.Judged);
    }

    [Fact]
    public void ALevelInsideItsYearWithoutAResultHasNoDataAndAfterItsDeadlineAwaitsTheResult()
    {
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 970, Period.Year(2024)) with { Baseline = R(2023, 975) };

        Assert.Equal(GoalStatus.NoData, Status(goal, In2024));
        var ended = GoalRules.Evaluate(goal, After2024);
        Assert.Equal(GoalStatus.AwaitingResult, ended.Status);
        Assert.Equal([2024], ended.MissingYears);
        Assert.False(ended.Reached);
    }

    [Fact]
    public void ALevelAfterItsDeadlineIsAchievedOrNotAchievedNeverBehind()
    {
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 100, Period.Year(2024), R(2024, 99));

        Assert.Equal(GoalStatus.Missed, Status(goal, After2024));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2024, 101)] }, After2024));
        Assert.Equal(1, GoalRules.Evaluate(goal, After2024).Remaining);
    }

    [Fact]
    public void AMultiYearLevelPartWayIsJudgedByCompoundPace()
    {
        // 100 in 2022 → 110 in 2023 (10%), 121 needed by 2025 from 110: 4.88% a year: on track.
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 121, P(2023, 2025), R(2023, 110)) with { Baseline = R(2022, 100) };

        var progress = GoalRules.Evaluate(goal, In2024);

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(PaceKind.Compound, progress.Pace!.Kind);
        Assert.Equal(4.88m, progress.RequiredRate);
        Assert.Equal(10m, progress.AchievedRate);
        Assert.Equal(GoalStatus.NeedsAttention, Status(goal with { Baseline = R(2022, 106.5m) }, In2024));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Baseline = R(2022, 109) }, In2024));
    }

    [Fact]
    public void ALowerBoundIsNeverAnEndPointOfAGrowthRate()
    {
        // ≥ 8,000 in 2023 against 1万亿 by 2024: the bound cannot say the goal is missed, nor give a pace.
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 10000, P(2023, 2024), R(2023, 8000, Comparator.Ge)) with { Baseline = R(2022, 7000, Comparator.Ge) };

        var during = GoalRules.Evaluate(goal, In2024);
        Assert.Equal(GoalStatus.NoData, during.Status);
        Assert.Null(during.Pace);
        Assert.Equal(GoalStatus.AwaitingResult, Status(goal, new DateOnly(2026, 12, 6)));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2024, 10000, Comparator.Ge)] }, new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void AGoalPastItsDeadlineNeverShowsAPace()
    {
        var goal = G(GoalShape.Level, Measure.Level, Comparator.Ge, 10000, P(2023, 2024), R(2023, 8500)) with { Baseline = R(2022, 7000) };

        var progress = GoalRules.Evaluate(goal, new DateOnly(2026, 12, 6));

        Assert.Equal(GoalStatus.AwaitingResult, progress.Status);
        Assert.Null(progress.Pace);
        Assert.Equal(GoalPhase.Ended, progress.Phase);
    }

    [Fact]
    public void AShareGoalPartWayIsJudgedByPointsAYear()
    {
        // 42% in 2022, 46% in 2024: 2 points a year; 50% by 2026 needs 2 points a year: on track, though short of 50.
        var goal = G(GoalShape.Share, Measure.Share, Comparator.Ge, 50, P(2022, 2026), R(2022, 42), R(2024, 46));

        var progress = GoalRules.Evaluate(goal, new DateOnly(2025, 6, 1));

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(PaceKind.Linear, progress.Pace!.Kind);
        Assert.Equal(2m, progress.Pace.Required);
        Assert.Equal(2m, progress.Pace.Achieved);
        Assert.Equal(-4m, progress.GapPoints);
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2022, 45), R(2024, 46)] }, new DateOnly(2025, 6, 1)));
        Assert.Equal(GoalStatus.NeedsAttention, Status(goal with { Results = [R(2022, 42.4m), R(2024, 46)] }, new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void ARankGoalPartWayGainsPlacesAtTheNeededPace()
    {
        var goal = new Goal(GoalShape.Rank, Measure.Rank, Direction.Lower, Comparator.Le, 3, P(2022, 2026), [R(2022, 9), R(2024, 6)]);

        Assert.Equal(GoalStatus.OnTrack, Status(goal, new DateOnly(2025, 6, 1)));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2022, 7), R(2024, 6)] }, new DateOnly(2025, 6, 1)));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2022, 7), R(2026, 3)] }, new DateOnly(2027, 6, 1)));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2022, 7), R(2026, 4)] }, new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void AnAnnualGoalMustBeMetEveryYear()
    {
        // 每年50家, 2022–2026.
        var goal = G(GoalShape.Annual, Measure.Count, Comparator.Eq, 50, P(2022, 2026), R(2022, 52), R(2023, 50));

        var during = GoalRules.Evaluate(goal, new DateOnly(2024, 6, 1));
        Assert.Equal(GoalStatus.OnTrack, during.Status);
        Assert.Empty(during.MissingYears);
        Assert.Equal(GoalStatus.NeedsAttention, Status(goal with { Results = [R(2022, 52), R(2023, 48)] }, new DateOnly(2024, 6, 1)));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2022, 30), R(2023, 48)] }, new DateOnly(2024, 6, 1)));
        var missed = GoalRules.Evaluate(goal with { Results = [R(2022, 30), R(2023, 55)] }, new DateOnly(2024, 6, 1));
        Assert.Equal([2022], missed.MissedYears);
        Assert.Equal(2022, missed.Judged!.Value.Year);
    }

    [Fact]
    public void AnAnnualGoalIsNeverAchievedOnOneGoodYear()
    {
        var goal = G(GoalShape.Annual, Measure.Count, Comparator.Eq, 50, P(2022, 2026), R(2022, 80));

        Assert.NotEqual(GoalStatus.Achieved, Status(goal, new DateOnly(2024, 6, 1)));
        var ended = GoalRules.Evaluate(goal, new DateOnly(2027, 6, 1));
        Assert.Equal(GoalStatus.AwaitingResult, ended.Status);
        Assert.Equal([2023, 2024, 2025, 2026], ended.MissingYears);
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2022, 80), R(2023, 50), R(2024, 51), R(2025, 60), R(2026, 50)] }, new DateOnly(2027, 6, 1)));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2022, 80), R(2023, 40)] }, new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void AOneYearGrowthTargetIsJudgedInPointsAndFinalAfterItsYear()
    {
        var goal = G(GoalShape.Annual, Measure.Growth, Comparator.Eq, 5.5m, Period.Year(2024), R(2024, 5.2m));

        var progress = GoalRules.Evaluate(goal, After2024);

        Assert.Equal(GoalStatus.Missed, progress.Status);
        Assert.Equal(-0.3m, progress.GapPoints);
        Assert.Null(progress.Ratio);
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2024, 5.7m)] }, After2024));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2024, 5.7m)] }, new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void ALimitMustHoldEveryYear()
    {
        var goal = new Goal(GoalShape.Limit, Measure.Share, Direction.Lower, Comparator.Le, 3.5m, P(2023, 2025), [R(2023, 3.2m), R(2024, 3.4m)]);

        Assert.Equal(GoalStatus.OnTrack, Status(goal, new DateOnly(2025, 6, 1)));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2023, 3.2m), R(2024, 4.5m)] }, new DateOnly(2025, 6, 1)));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2023, 4.5m), R(2024, 3.0m), R(2025, 3.0m)] }, new DateOnly(2026, 6, 1)));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2023, 3.0m), R(2024, 3.0m), R(2025, 3.5m)] }, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void ACumulativeGoalComparesTheSumSoFarWithTheShareOfTimeGone()
    {
        // 累计 500 over 2021–2025: two years in, 200 is due.
        var goal = G(GoalShape.Cumulative, Measure.Count, Comparator.Ge, 500, P(2021, 2025), R(2021, 100), R(2022, 110));

        var progress = GoalRules.Evaluate(goal, new DateOnly(2023, 6, 1));

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(210, progress.SoFar);
        Assert.Equal(200, progress.Expected);
        Assert.Equal(GoalStatus.NeedsAttention, Status(goal with { Results = [R(2021, 90), R(2022, 95)] }, new DateOnly(2023, 6, 1)));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2021, 50), R(2022, 60)] }, new DateOnly(2023, 6, 1)));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2021, 300), R(2022, 210)] }, new DateOnly(2023, 6, 1)));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2021, 90), R(2022, 90), R(2023, 90), R(2024, 90), R(2025, 90)] }, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void AnAverageGoalUsesTheAverageSoFarAndIsNotAchievedOnOneGoodYear()
    {
        // 年均新增3家以上, 2022–2026.
        var goal = G(GoalShape.Average, Measure.Count, Comparator.Ge, 3, P(2022, 2026), R(2022, 6), R(2023, 1));

        var progress = GoalRules.Evaluate(goal, new DateOnly(2024, 6, 1));

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(3.5m, progress.SoFar);
        Assert.Equal(GoalStatus.AwaitingResult, Status(goal, new DateOnly(2027, 6, 1)));
        Assert.Equal(GoalStatus.Behind, Status(goal with { Results = [R(2022, 1), R(2023, 2)] }, new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void AnAverageGrowthGoalCompoundsTheYearlyRates()
    {
        var goal = G(GoalShape.Average, Measure.Growth, Comparator.Ge, 6, P(2021, 2022), R(2021, 10), R(2022, 2));

        var progress = GoalRules.Evaluate(goal, new DateOnly(2023, 6, 1));

        Assert.Equal(5.92m, progress.SoFar);
        Assert.Equal(GoalStatus.Missed, progress.Status);
    }

    [Fact]
    public void ADeliverableIsAchievedWhenDoneAndNotAchievedWhenStillUndoneAtTheDeadline()
    {
        var goal = G(GoalShape.Deliverable, Measure.Count, Comparator.Ge, 39, P(2022, 2024), R(2023, 20));

        Assert.Equal(GoalStatus.NoData, Status(goal, In2024));
        Assert.Equal(GoalStatus.Achieved, Status(goal with { Results = [R(2023, 39)] }, In2024));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2024, 30)] }, After2024));
    }

    [Fact]
    public void AnAboutTargetIsMetWithinItsTolerance()
    {
        var goal = G(GoalShape.Level, Measure.Count, Comparator.Approx, 3000, Period.Year(2024), R(2024, 2950));

        Assert.Equal(GoalStatus.Achieved, Status(goal, After2024));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2024, 2900)] }, After2024));
    }

    [Fact]
    public void OnlyResultsOfTheGoalsOwnPeriodJudgeIt()
    {
        var goal = G(GoalShape.Level, Measure.Count, Comparator.Ge, 10, Period.Year(2024), R(2023, 12), R(2025, 12));

        var progress = GoalRules.Evaluate(goal, new DateOnly(2026, 1, 10));

        Assert.Equal(GoalStatus.AwaitingResult, progress.Status);
        Assert.Null(progress.Judged);
    }

    [Fact]
    public void ALowerIsBetterLevelIsMetAtOrBelowItsTarget()
    {
        var goal = new Goal(GoalShape.Level, Measure.Level, Direction.Lower, Comparator.Eq, 4, Period.Year(2024), [R(2024, 3)]);

        Assert.Equal(GoalStatus.Achieved, Status(goal, After2024));
        Assert.Equal(GoalStatus.Missed, Status(goal with { Results = [R(2024, 5)] }, After2024));
        Assert.Equal(0.8m, GoalRules.Evaluate(goal with { Results = [R(2024, 5)] }, After2024).Ratio);
    }

    [Fact]
    public void AGrowthTargetImpliesALevelThatIsDerived()
    {
        Assert.Equal(6440.775m, GoalRules.ImpliedLevel(6105, 5.5m));
    }

    [Theory]
    [InlineData(2023, GoalPhase.NotStarted)]
    [InlineData(2024, GoalPhase.InProgress)]
    [InlineData(2026, GoalPhase.InProgress)]
    [InlineData(2027, GoalPhase.Ended)]
    public void ThePhaseComesFromTodaysDate(int year, GoalPhase phase)
    {
        Assert.Equal(phase, GoalRules.PhaseOn(P(2024, 2026), new DateOnly(year, 1, 1)));
    }
}
