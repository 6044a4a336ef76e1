using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Tests.Unit;

public class ChartDataTests
{
    [Fact]
    public void ARankAxisRunsFromOneAtTheTopToItsLastPlace()
    {
        var axis = ChartData.AxisFor(Measure.Rank, "位", null, 16);

        Assert.True(axis.Reverse);
        Assert.Equal(1, axis.Min);
        Assert.Equal(16, axis.Max);
        Assert.False(axis.BeginAtZero);
    }

    [Fact]
    public void RegionSeriesNameTheYearsWithoutAResult()
    {
        var chart = ChartData.Results("GDP", "亿元", 0, Measure.Level, ChartType.Bar, null, null,
            [(2020, 100m, Comparator.Eq, false), (2023, 130m, Comparator.Eq, false)]);

        Assert.Equal([2021, 2022], chart.Missing);
        Assert.Null(chart.Actual[1]);
        Assert.Null(chart.Actual[2]);
    }
}
