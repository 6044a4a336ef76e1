using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>One case per rule of how an indicator is shown as a card or a chart (<see cref="GoalCardRules"/>).</summary>
public class GoalCardTests
{
    [Fact]
    public void ALevelWithAResultHeadsItsCardEvenWhenItsGrowthRateIsNewer() =>
        Assert.Equal(CardSide.Level, GoalCardRules.Headline(2023, 2024));

    [Fact]
    public void ALevelWithoutAnyResultIsHeadedByItsGrowthRate() =>
        Assert.Equal(CardSide.Growth, GoalCardRules.Headline(null, 2024));

    [Fact]
    public void ACardWithoutAnyResultHasNoHeadlineFigure() =>
        Assert.Equal(CardSide.None, GoalCardRules.Headline(null, null));

    [Fact]
    public void TheGrowthRateIsWrittenBesideTheLevelOnlyForTheSameYear()
    {
        Assert.True(GoalCardRules.GrowthBeside(2024, 2024));
        Assert.False(GoalCardRules.GrowthBeside(2023, 2024));
        Assert.False(GoalCardRules.GrowthBeside(null, 2024));
    }

    [Fact]
    public void TheLevelsGoalSpeaksForTheCardBeforeItsGrowthRates() =>
        Assert.Equal(CardSide.Level, GoalCardRules.Goal(levelHasGoal: true, growthHasGoal: true));

    [Fact]
    public void AGrowthGoalSpeaksForACardWhoseLevelHasNone() =>
        Assert.Equal(CardSide.Growth, GoalCardRules.Goal(levelHasGoal: false, growthHasGoal: true));

    [Fact]
    public void ACardWithoutAnyGoalHasNoVerdict() =>
        Assert.Equal(CardSide.None, GoalCardRules.Goal(levelHasGoal: false, growthHasGoal: false));

    [Fact]
    public void ACardIsShownWhenEitherIndicatorHasAFigure()
    {
        Assert.True(GoalCardRules.Shown(false, true));
        Assert.True(GoalCardRules.Shown(true, false));
        Assert.False(GoalCardRules.Shown(false, false));
    }

    [Fact]
    public void AGrowthRateStandsAloneOnlyWithoutItsLevel()
    {
        var shown = new HashSet<string> { "gdp", "gdp_growth" };
        Assert.False(GoalCardRules.StandsAlone("gdp", shown));
        Assert.True(GoalCardRules.StandsAlone("retail_sales", shown));
        Assert.True(GoalCardRules.StandsAlone(null, shown));
    }

    [Fact]
    public void TwoYearlyResultsMakeAChart() =>
        Assert.True(GoalCardRules.IsChartable([Period.Year(2023), Period.Year(2024)]));

    [Fact]
    public void OneYearlyResultAndASpanResultDoNotMakeAChart() =>
        Assert.False(GoalCardRules.IsChartable([Period.Year(2023), new Period(2021, 2025)]));

    [Fact]
    public void APagesPeriodShowsExactlyThatPeriod()
    {
        Assert.True(GoalCardRules.ShownFor(new Period(2021, 2025), new Period(2021, 2025)));
        Assert.False(GoalCardRules.ShownFor(new Period(2021, 2025), Period.Year(2024)));
        Assert.True(GoalCardRules.ShownFor(Period.Year(2024), null));
    }

    [Fact]
    public void TheApisYearPicksEveryGoalRunningInIt()
    {
        Assert.True(GoalCardRules.RunsIn(new Period(2021, 2025), Period.Year(2024)));
        Assert.False(GoalCardRules.RunsIn(new Period(2021, 2025), new Period(2021, 2024)));
        Assert.False(GoalCardRules.RunsIn(Period.Year(2023), Period.Year(2024)));
    }

    [Fact]
    public void AGoalGoesWithTargetsAndNotWithResults()
    {
        Assert.True(GoalCardRules.ShownForKind(ObservationKind.Target, hasTarget: true, hasStretch: false));
        Assert.False(GoalCardRules.ShownForKind(ObservationKind.Stretch, hasTarget: true, hasStretch: false));
        Assert.False(GoalCardRules.ShownForKind(ObservationKind.Actual, hasTarget: true, hasStretch: true));
        Assert.True(GoalCardRules.ShownForKind(null, hasTarget: false, hasStretch: true));
    }

    private static readonly DateOnly Mid2024 = new(2024, 6, 1);

    private static ObservationData O(int start, int end, ObservationKind kind, decimal value) =>
        new(start * 10 + (int)kind, "linyi", start, end, kind, Comparator.Eq, value, null, null, Vintage.Final,
            new CitationData("doc", "", "", "2024-01-01", "", DocumentKind.WorkReport, null, null), null, null);

    private static IndicatorData I(string code, string? growthOf, Measure measure, params ObservationData[] observations) =>
        new(1, code, code, code, "economy", "", "", 1, "yi", "100 million yuan", 1, measure, Direction.Higher, 1, ChartType.Line,
            null, null, growthOf, null, "", "", observations);

    [Fact]
    public void NarrowingToAPeriodHidesFiguresButNeverChangesAVerdict()
    {
        var gdp = IndicatorAnalysis.Analyze(I("gdp", null, Measure.Level,
            O(2022, 2022, ObservationKind.Actual, 100), O(2023, 2023, ObservationKind.Actual, 110),
            O(2021, 2025, ObservationKind.Target, 150)), Mid2024);

        var narrowed = GoalAssembly.Narrow(gdp, new GoalScope(new Period(2021, 2025), null));

        Assert.Equal(gdp.Goals.Single().Status, narrowed.Goals.Single().Status);
        Assert.Equal(gdp.Goals.Single().Actual, narrowed.Goals.Single().Actual);
        Assert.Null(narrowed.LatestActual);
        Assert.All(narrowed.Indicator.Observations, o => Assert.Equal(new Period(2021, 2025), o.Period));
    }

    [Fact]
    public void ALevelWithoutFiguresCarriesItsGrowthRatesCard()
    {
        var views = new[]
        {
            IndicatorAnalysis.Analyze(I("gdp", null, Measure.Level), Mid2024),
            IndicatorAnalysis.Analyze(I("gdp_growth", "gdp", Measure.Growth,
                O(2023, 2023, ObservationKind.Actual, 5.5m), O(2024, 2024, ObservationKind.Target, 5)), Mid2024),
        };

        var card = Assert.Single(GoalAssembly.Cards(views, GoalAssembly.CardCodes(views)));

        Assert.Equal("gdp", card.Level.Indicator.Code);
        Assert.True(card.HeadlineIsGrowth);
        Assert.Equal(5.5m, card.Headline!.Value);
        Assert.Equal("gdp_growth", card.GoalView!.Indicator.Code);
    }
}
