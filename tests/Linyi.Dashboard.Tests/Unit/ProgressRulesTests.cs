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
    public void AnEarlierActualIsABaselineThatShowsTheGapButNoStatus()
    {
        var progress = ProgressRules.Evaluate(Level(Comparator.Ge, 970, 960, year: 2023));

        Assert.Equal(GoalStatus.NoData, progress.Status);
        Assert.True(progress.IsBaseline);
        Assert.Equal(10, progress.Remaining);
    }

    [Fact]
    public void ACountGoalOverFiveYearsIsOnTrackWhenAheadOfTimeProportionalPace()
    {
        // 10 of 15 百亿级企业 after two of five years: 67% done, 40% of the time gone.
        var progress = ProgressRules.Evaluate(new Goal(Measure.Count, Direction.Higher, Comparator.Ge, 15, Parse("2022-2026"), 10, 2023));

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(0.4m, progress.ExpectedRatio);
        Assert.Equal(5, progress.Remaining);
    }

    [Fact]
    public void AMultiYearGoalBehindItsPaceNeedsAttentionThenFallsBehind()
    {
        var goal = new Goal(Measure.Count, Direction.Higher, Comparator.Ge, 100, Parse("2022-2026"), 75, 2025);

        Assert.Equal(0.8m, ProgressRules.Evaluate(goal).ExpectedRatio);
        Assert.Equal(GoalStatus.NeedsAttention, ProgressRules.Evaluate(goal).Status);
        Assert.Equal(GoalStatus.Behind, ProgressRules.Evaluate(goal with { Actual = 60 }).Status);
        Assert.Equal(GoalStatus.Achieved, ProgressRules.Evaluate(goal with { Actual = 100 }).Status);
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
