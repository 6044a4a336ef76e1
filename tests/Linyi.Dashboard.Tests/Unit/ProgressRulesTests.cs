using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

public class ProgressRulesTests
{
    private static Goal Level(Comparator comparator, decimal target, decimal? actual, int? year = 2024, Direction direction = Direction.Higher, string period = "2024") =>
        new(Measure.Level, direction, comparator, target, Parse(period), actual, actual is null ? null : year);

    private static Period Parse(string text) => Period.TryParse(text, out var p) ? p.Value : throw new ArgumentException(text);

    [Fact]
    public void AnAtLeastTargetIsAchievedWhenTheActualReachesIt()
    {
        var progress = ProgressRules.Evaluate(Level(Comparator.Ge, 970, 975));

        Assert.Equal(GoalStatus.Achieved, progress.Status);
        Assert.True(progress.Reached);
        Assert.Equal(975m / 970m, progress.Ratio);
        Assert.Equal(0, progress.Remaining);
    }

    [Fact]
    public void AnAtLeastTargetMissedSlightlyNeedsAttentionAndMissedWidelyIsBehind()
    {
        Assert.Equal(GoalStatus.NeedsAttention, ProgressRules.Evaluate(Level(Comparator.Ge, 100, 96)).Status);
        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(Level(Comparator.Ge, 100, 90)).Status);
        Assert.Equal(10, ProgressRules.Evaluate(Level(Comparator.Ge, 100, 90)).Remaining);
    }

    [Fact]
    public void ALowerIsBetterIndicatorIsAchievedAtOrBelowItsTargetAndItsRatioIsInverted()
    {
        var congestionMet = ProgressRules.Evaluate(Level(Comparator.Le, 1.5m, 1.4m, direction: Direction.Lower));
        var congestionMissed = ProgressRules.Evaluate(Level(Comparator.Le, 1.5m, 2.0m, direction: Direction.Lower));

        Assert.Equal(GoalStatus.Achieved, congestionMet.Status);
        Assert.Equal(GoalStatus.Behind, congestionMissed.Status);
        Assert.Equal(0.75m, congestionMissed.Ratio);
    }

    [Fact]
    public void AnExactTargetOnALowerIsBetterIndicatorIsMetByStayingAtOrBelowIt()
    {
        Assert.True(ProgressRules.Meets(3, Level(Comparator.Eq, 4, 3, direction: Direction.Lower)));
        Assert.False(ProgressRules.Meets(5, Level(Comparator.Eq, 4, 5, direction: Direction.Lower)));
    }

    [Fact]
    public void AnAboutTargetIsMetWithinTwoPercent()
    {
        Assert.Equal(GoalStatus.Achieved, ProgressRules.Evaluate(Level(Comparator.Approx, 100, 98.5m)).Status);
        Assert.Equal(GoalStatus.NeedsAttention, ProgressRules.Evaluate(Level(Comparator.Approx, 100, 97)).Status);
    }

    [Fact]
    public void AGrowthTargetIsJudgedInPercentagePoints()
    {
        var goal = new Goal(Measure.Growth, Direction.Higher, Comparator.Eq, 5.5m, Period.Year(2024), 5.2m, 2024);

        var progress = ProgressRules.Evaluate(goal);

        Assert.Null(progress.Ratio);
        Assert.Equal(-0.3m, progress.GapPoints);
        Assert.Equal(GoalStatus.NeedsAttention, progress.Status);
        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(goal with { Actual = 4.5m }).Status);
        Assert.Equal(GoalStatus.Achieved, ProgressRules.Evaluate(goal with { Actual = 5.5m }).Status);
    }

    [Fact]
    public void AStretchTargetIsASecondGoalThatTheSameActualCanMissWhileTheBaseIsMet()
    {
        var baseTarget = new Goal(Measure.Growth, Direction.Higher, Comparator.Eq, 5.5m, Period.Year(2024), 5.8m, 2024);
        var stretch = baseTarget with { Comparator = Comparator.Ge, Target = 6m };

        Assert.Equal(GoalStatus.Achieved, ProgressRules.Evaluate(baseTarget).Status);
        Assert.False(ProgressRules.Evaluate(stretch).Reached);
        Assert.Equal(-0.2m, ProgressRules.Evaluate(stretch).GapPoints);
    }

    [Fact]
    public void AnEarlierResultIsABaselineThatShowsTheGapButNeverReachedNorAShareOfTheTarget()
    {
        var goal = new Goal(Measure.Level, Direction.Higher, Comparator.Ge, 970, Period.Year(2024), null, null, 975, 2023);

        var progress = ProgressRules.Evaluate(goal);

        Assert.Equal(GoalStatus.NoData, progress.Status);
        Assert.True(progress.IsBaseline);
        Assert.False(progress.Reached);
        Assert.Null(progress.Ratio);
        Assert.Equal(0, progress.Remaining);
        Assert.Equal(10, ProgressRules.Evaluate(goal with { Baseline = 960 }).Remaining);
    }

    [Fact]
    public void AResultFromAnotherYearPassedAsTheActualNeverJudgesTheGoal()
    {
        // A count of new platforms in 2023 against the 2024 target for new platforms.
        var progress = ProgressRules.Evaluate(new Goal(Measure.Count, Direction.Higher, Comparator.Ge, 10, Period.Year(2024), 12, 2023));

        Assert.Equal(GoalStatus.NoData, progress.Status);
        Assert.False(progress.Reached);
        Assert.Null(progress.Ratio);
    }

    [Fact]
    public void AStretchTargetBeforeAnyResultInItsYearIsNotReached()
    {
        var stretch = new Goal(Measure.Growth, Direction.Higher, Comparator.Ge, 6, Period.Year(2024), null, null, 6.3m, 2023);

        var progress = ProgressRules.Evaluate(stretch);

        Assert.False(progress.Reached);
        Assert.Equal(GoalStatus.NoData, progress.Status);
        Assert.Equal(0.3m, progress.GapPoints);
    }

    [Fact]
    public void AMultiYearLevelGoalIsBehindWhenTheGrowthItNeedsExceedsTheGrowthAchieved()
    {
        // 规上工业总产值: ≥ 8,000 in 2023 against 1万亿 by 2024 needs 25% in a year; 7,000 → 8,000 achieved about 14%.
        var goal = new Goal(Measure.Level, Direction.Higher, Comparator.Ge, 10000, Parse("2023-2024"), 8000, 2023, 7000, 2022);

        var progress = ProgressRules.Evaluate(goal);

        Assert.Equal(25m, progress.RequiredRate);
        Assert.Equal(14.29m, progress.AchievedRate);
        Assert.Equal(GoalStatus.Behind, progress.Status);
        Assert.Equal(0.8m, progress.Ratio);
    }

    [Fact]
    public void AMultiYearGoalIsOnTrackWhenItsAchievedGrowthCoversTheGrowthStillNeeded()
    {
        // 10 → 12 百亿级企业 in two years (9.5% a year); 15 by 2026 needs 7.7% a year.
        var goal = new Goal(Measure.Count, Direction.Higher, Comparator.Ge, 15, Parse("2022-2026"), 12, 2023, 10, 2021);

        var progress = ProgressRules.Evaluate(goal);

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(7.72m, progress.RequiredRate);
        Assert.Equal(9.54m, progress.AchievedRate);
        Assert.Equal(3, progress.Remaining);
    }

    [Fact]
    public void AMultiYearGoalSlightlyShortOfItsPaceOrWithoutABaselineNeedsAttention()
    {
        var goal = new Goal(Measure.Level, Direction.Higher, Comparator.Ge, 121, Parse("2024-2026"), 100, 2024, 92, 2023);

        Assert.Equal(10m, ProgressRules.Evaluate(goal).RequiredRate);
        Assert.Equal(8.7m, ProgressRules.Evaluate(goal).AchievedRate);
        Assert.Equal(GoalStatus.NeedsAttention, ProgressRules.Evaluate(goal).Status);
        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(goal with { Baseline = 97 }).Status);
        Assert.Equal(GoalStatus.NeedsAttention, ProgressRules.Evaluate(goal with { Baseline = null, BaselineYear = null }).Status);
        Assert.Equal(GoalStatus.Achieved, ProgressRules.Evaluate(goal with { Actual = 125 }).Status);
    }

    [Fact]
    public void ALowerIsBetterMultiYearGoalIsOnTrackWhenFallingFastEnough()
    {
        var goal = new Goal(Measure.Level, Direction.Lower, Comparator.Le, 80, Parse("2024-2026"), 90, 2024, 100, 2023);

        Assert.Equal(GoalStatus.OnTrack, ProgressRules.Evaluate(goal).Status);
        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(goal with { Baseline = 91 }).Status);
    }

    [Fact]
    public void AMultiYearGoalJudgedInItsLastYearIsFinal()
    {
        var goal = new Goal(Measure.Count, Direction.Higher, Comparator.Ge, 4, Parse("2022-2026"), 3, 2026);

        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(goal).Status);
    }

    [Fact]
    public void NoActualMeansNoData()
    {
        var progress = ProgressRules.Evaluate(Level(Comparator.Ge, 100, null));

        Assert.Equal(GoalStatus.NoData, progress.Status);
        Assert.Null(progress.Ratio);
        Assert.False(progress.IsBaseline);
    }

    [Fact]
    public void AGrowthTargetImpliesALevelThatIsDerived()
    {
        Assert.Equal(6440.775m, ProgressRules.ImpliedLevel(6105, 5.5m));
    }

    [Theory]
    [InlineData(GoalStatus.Achieved, "已完成", "✔")]
    [InlineData(GoalStatus.OnTrack, "进展顺利", "▲")]
    [InlineData(GoalStatus.NeedsAttention, "需关注", "!")]
    [InlineData(GoalStatus.Behind, "滞后", "▼")]
    [InlineData(GoalStatus.NoData, "暂无数据", "–")]
    public void EveryStatusHasAWordAndASymbolNotOnlyAColour(GoalStatus status, string zh, string symbol)
    {
        Assert.Equal(zh, status.Zh());
        Assert.Equal(symbol, status.Symbol());
    }
}
