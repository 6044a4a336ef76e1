using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Tests.Unit;

public class PeriodAndUnitTests
{
    [Theory]
    [InlineData("2023", 2023, 2023)]
    [InlineData("2022-2026", 2022, 2026)]
    public void AYearOrASpanParses(string text, int start, int end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(start, end), period);
        Assert.Equal(text, period.Value.ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2026-2022")]
    [InlineData("1800")]
    [InlineData("2023-")]
    [InlineData("")]
    [InlineData("2023-2024-2025")]
    [InlineData("２０２３")]
    public void ANonsensePeriodIsRejected(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void EightyFiveYiJinIsFourHundredTwentyFiveWanTonnes()
    {
        var yiJin = new Web.Domain.Unit { Code = "亿斤", NameEn = "", Dimension = "mass", ToBase = 50000 };
        var wanTonnes = new Web.Domain.Unit { Code = "万吨", NameEn = "", Dimension = "mass", ToBase = 10000 };

        Assert.Equal(425m, yiJin.ConvertTo(wanTonnes, 85));
    }

    [Fact]
    public void UnitsOfDifferentDimensionsDoNotConvert()
    {
        var yuan = new Web.Domain.Unit { Code = "亿元", NameEn = "", Dimension = "cny", ToBase = 100000000 };
        var dollars = new Web.Domain.Unit { Code = "亿美元", NameEn = "", Dimension = "usd", ToBase = 100000000 };

        Assert.Throws<InvalidOperationException>(() => yuan.ConvertTo(dollars, 1));
    }

    [Theory]
    [InlineData("=", Comparator.Eq)]
    [InlineData(">=", Comparator.Ge)]
    [InlineData("≥", Comparator.Ge)]
    [InlineData("<=", Comparator.Le)]
    [InlineData("~", Comparator.Approx)]
    public void ComparatorsParseFromSeedAndDisplayForms(string text, Comparator expected)
    {
        Assert.True(ComparatorText.TryParse(text, out var comparator));
        Assert.Equal(expected, comparator);
    }
}
