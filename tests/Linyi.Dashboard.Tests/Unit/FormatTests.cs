using System.Globalization;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Tests.Unit;

public class FormatTests
{
    public FormatTests() =>
        UnitNames.Load(SeedReader.ReadDirectory(TestDatabase.SeedsDirectory).Units.Select(u => KeyValuePair.Create(u.Code, u.NameEn)));

    [Theory]
    [InlineData(6105, 0, "亿元", "6,105亿元", "610.5 billion yuan")]
    [InlineData(6100, 0, "亿元", "6,100亿元", "610 billion yuan")]
    [InlineData(426.5, 1, "万吨", "426.5万吨", "4.265 million tonnes")]
    [InlineData(3.5, 1, "万人", "3.5万人", "35 thousand people")]
    [InlineData(10, 0, "家", "10家", "10 firms")]
    [InlineData(1, 0, "家", "1家", "1 firm")]
    [InlineData(1, 0, "人", "1人", "1 person")]
    [InlineData(1, 0, "户", "1户", "1 household or entity")]
    [InlineData(1, 0, "部", "1部", "1 work (play)")]
    [InlineData(1, 0, "万人次", "1万人次", "10 thousand person-times")]
    [InlineData(1, 1, "吨", "1.0吨", "1.0 tonnes")]
    [InlineData(0.01, 2, "万吨", "0.01万吨", "0.1 thousand tonnes")]
    [InlineData(6.3, 1, "%", "6.3%", "6.3%")]
    [InlineData(10.8, 1, "亿美元", "10.8亿美元", "1.08 billion US dollars")]
    public void AValueIsWrittenInTheUnitsOfThePageLanguageWithEveryStatedDigit(double value, int precision, string unit, string chinese, string english)
    {
        Assert.Equal(chinese, In("zh-CN", () => Format.WithUnit((decimal)value, precision, unit)));
        Assert.Equal(english, In("en", () => Format.WithUnit((decimal)value, precision, unit)));
    }

    [Theory]
    [InlineData(1, 0, "个", "industries", "1 industry")]
    [InlineData(3, 0, "个", "industries", "3 industries")]
    [InlineData(1.2, 1, "万个", "10 thousand places", "12 thousand places")]
    [InlineData(150, 0, "万户", "10 thousand market entities", "1.5 million market entities")]
    [InlineData(1, 0, "万个", "10 thousand places", "10 thousand places")]
    [InlineData(1, 0, "处", "logistics parks", "1 logistics park")]
    [InlineData(1, 0, "台", "buses", "1 bus")]
    [InlineData(1, 0, "家", "SMEs", "1 SME")]
    [InlineData(1, 0, "处", "schools and kindergartens", "1 school and kindergarten")]
    public void AnIndicatorsOwnEnglishUnitIsWrittenInsteadOfTheGenericOne(double value, int precision, string unit, string own, string english)
    {
        Assert.Equal(english, In("en", () => Format.WithUnit((decimal)value, precision, unit, own)));
        Assert.Equal(((decimal)value).ToString("N" + precision, CultureInfo.InvariantCulture) + unit, In("zh-CN", () => Format.WithUnit((decimal)value, precision, unit, own)));
    }

    [Fact]
    public void AFigureStatedInAnotherUnitKeepsTheIndicatorsNounWithThatUnitsMultiplier()
    {
        Assert.Equal("10 thousand parking spaces", UnitNames.For("个", "parking spaces", "万个"));
        Assert.Equal("enterprises", UnitNames.For("家", "enterprises", "个"));
        Assert.Equal("trillion yuan", UnitNames.For("亿元", null, "万亿元"));
        Assert.Equal("10 thousand items", UnitNames.For("个", null, "万个"));
        Assert.Equal("10 thousand parking spaces", In("en", () => Format.Stated(1m, 0, "万个", "个", "parking spaces")));
    }

    [Fact]
    public void AValueStatedInAnotherUnitKeepsTheDigitsItWasStatedWith()
    {
        Assert.Equal("85亿斤", In("zh-CN", () => Format.Stated(85m, 1, "亿斤", "万吨")));
        Assert.Equal("426.5万吨", In("zh-CN", () => Format.Stated(426.5m, 1, "万吨", "万吨")));
        Assert.Equal("425.0万吨", In("zh-CN", () => Format.Stated(425m, 1, "万吨", "万吨")));
    }

    [Theory]
    [InlineData("Unknown region 'x'. / 未知地区“x”。", "zh-CN", "未知地区“x”。")]
    [InlineData("Unknown region 'x'. / 未知地区“x”。", "en", "Unknown region 'x'.")]
    [InlineData("only one language", "zh-CN", "only one language")]
    public void ABilingualMessageShowsTheHalfOfThePageLanguage(string message, string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Localized.Half(message)));

    [Fact]
    public void ChineseInAnEnglishSentenceIsMarkedAsChineseOnlyOnEnglishPages()
    {
        Assert.Equal("stretch (<span lang=\"zh-CN\">力争</span>)", In("en", () => Localized.Marked("stretch (力争)").ToString()));
        Assert.Equal("力争", In("zh-CN", () => Localized.Marked("力争").ToString()));
        Assert.Equal("zh-CN", In("en", () => Localized.LangOf("临沂市人民政府")));
        Assert.Null(In("zh-CN", () => Localized.LangOf("临沂市人民政府")));
    }

    [Theory]
    [InlineData("value", "12x3")]
    [InlineData("region", "atlantis")]
    public void TheStrictReadersMessagesAreSaidInTheReadersLanguageWithTheirValues(string column, string value)
    {
        var messages = new[]
        {
            new Sentence("{0} '{1}' is not a plain number (digits, an optional '-' and '.', no separators)", column, value),
            new Sentence("unknown {0} '{1}' in {2}", new Sentence("region"), value, column),
            new Sentence("the record has {0} fields, expected {1}", 6, 12),
        };
        foreach (var message in messages)
        {
            Assert.Equal(message.English, In("en", () => message.Local));
            var chinese = In("zh-CN", () => message.Local);
            Assert.NotEqual(message.English, chinese);
            Assert.Contains(chinese, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.All(message.Args.Where(a => a is not Sentence), a => Assert.Contains(Convert.ToString(a, CultureInfo.InvariantCulture)!, chinese, StringComparison.Ordinal));
        }
        Assert.Contains(Words.Zh("region"), messages[1].Chinese, StringComparison.Ordinal);
        Assert.Contains("region", messages[1].English, StringComparison.Ordinal);
    }

    private static T In<T>(string culture, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void AChartOnAnEnglishPageIsDrawnInTheScaleItsFiguresAreWrittenIn()
    {
        var english = In("en", () => Linyi.Dashboard.Web.Features.Indicators.ChartData.Ranking("GDP", "亿元", 1, Linyi.Dashboard.Web.Domain.Measure.Level, ["a", "b"], [6555.8m, 390m]));
        var chinese = In("zh-CN", () => Linyi.Dashboard.Web.Features.Indicators.ChartData.Ranking("GDP", "亿元", 1, Linyi.Dashboard.Web.Domain.Measure.Level, ["a", "b"], [6555.8m, 390m]));

        Assert.Equal("billion yuan", english.UnitLabel);
        Assert.Equal("Unit: billion yuan", english.Axis.Title);
        Assert.Equal(655.58m, english.Actual[0]!.Value);
        Assert.Equal(In("en", () => Format.WithUnit(6555.8m, 1, "亿元")), english.Actual[0]!.Text);
        Assert.Equal(2, english.Precision);
        Assert.Equal(6555.8m, chinese.Actual[0]!.Value);
        Assert.Equal("6,555.8亿元", chinese.Actual[0]!.Text);
        Assert.Equal("单位：亿元", chinese.Axis.Title);
    }

    [Theory]
    [InlineData("万吨", 426.5, "million tonnes", 0.01)]
    [InlineData("万人", 35, "thousand people", 10)]
    [InlineData("亿元", 6555.8, "billion yuan", 0.1)]
    [InlineData("家", 10, "firms", 1)]
    [InlineData("%", 6.3, "percent", 1)]
    public void OneScaleForAChartIsTheScaleOfItsLargestFigure(string unit, double largest, string label, double factor)
    {
        var scale = In("en", () => Format.ScaleFor(unit, [(decimal)largest / 2, (decimal)largest]));

        Assert.Equal(label, scale.Label);
        Assert.Equal((decimal)factor, scale.Factor);
    }

    [Fact]
    public void CountedNounsAreSingularForOne()
    {
        var text = new KeyText();

        Assert.Equal("1 milestone", text.Plural(1, "{0} milestone", "{0} milestones").Value);
        Assert.Equal("2 milestones", text.Plural(2, "{0} milestone", "{0} milestones").Value);
        Assert.Equal("0 milestones", text.Plural(0, "{0} milestone", "{0} milestones").Value);
    }

    /// <summary>The English side of the resx: a key is its own text.</summary>
    private sealed class KeyText : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
