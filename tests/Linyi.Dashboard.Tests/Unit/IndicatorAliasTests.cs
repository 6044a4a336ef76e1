using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>The maintained alias list (seeds/indicator-aliases.csv) and what it changes in the matching.</summary>
public class IndicatorAliasTests
{
    private static readonly string Seeds = TestDatabase.SeedsDirectory;

    private static List<Dictionary<string, string>> Indicators() => [.. Csv.ReadFile(Path.Combine(Seeds, "indicators.csv"))];

    [Fact]
    public void EveryAliasNamesAnIndicatorOfTheCatalogueOnceAndIsNoOtherIndicatorsName()
    {
        var path = Path.Combine(Seeds, Catalogue.AliasFile);
        Assert.Equal("indicator,alias_zh", File.ReadLines(path).First());
        var rows = Csv.ReadFile(path).ToList();
        var names = Indicators().ToDictionary(i => i["code"], i => i["name_zh"]);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(names.ContainsKey(r["indicator"]), $"unknown indicator {r["indicator"]}"));
        Assert.All(rows, r => Assert.Equal(r["alias_zh"].Trim(), r["alias_zh"]));
        Assert.All(rows, r => Assert.NotEmpty(r["alias_zh"]));
        Assert.Equal(rows.Count, rows.Select(r => (r["indicator"], r["alias_zh"])).Distinct().Count());
        Assert.All(rows, r => Assert.DoesNotContain(names, n => n.Key != r["indicator"] && n.Value == r["alias_zh"]));
    }

    [Theory]
    [InlineData("二、2024年政府重点工作\n\n确保粮食播种面积稳定在970万亩以上、粮食产量稳定在85亿斤以上。", "85", "grain_output")]
    [InlineData("二、2024年政府重点工作\n\n发挥好第一书记“尖兵”作用，做强沂蒙兵支书品牌，吸引归雁1000名，分类培训鸿雁3000名。", "1000", "returning_geese")]
    [InlineData("二、2024年政府重点工作\n\n发挥好第一书记“尖兵”作用，做强沂蒙兵支书品牌，吸引归雁1000名，分类培训鸿雁3000名。", "3000", "swan_geese_trained")]
    [InlineData("临沂市将淘汰一批落后企业，开展低效企业常态化整治，力争到2026年，临沂市亩均税收3万元以下的规上工业企业全部出清。", "3", "tax_per_mu_exit_threshold")]
    [InlineData("一、2023年工作回顾\n\n居民人均可支配收入增长6.3%，其中城镇和农村居民人均可支配收入分别增长5.7%、7.9%。", "5.7", "urban_income_growth")]
    public void AnAliasMatchesWhereTheCatalogueNameAloneDoesNot(string text, string value, string indicator)
    {
        var withAliases = new Extractor(Catalogue.FromSeeds(Seeds));
        var plain = Catalogue.FromSeeds(Seeds);
        var withoutAliases = new Extractor(new Catalogue(plain.Indicators.Select(i => i with { Aliases = [] }), plain.UnitDimensions, plain.Regions));

        Assert.Equal(indicator, Assert.Single(withAliases.Extract(text, new ExtractOptions("linyi", 2024)), p => p.Value == value).Indicator);
        Assert.NotEqual(indicator, Assert.Single(withoutAliases.Extract(text, new ExtractOptions("linyi", 2024)), p => p.Value == value).Indicator);
    }

    [Fact]
    public void OnATieTheCatalogueNameWinsOverAnotherIndicatorsAlias()
    {
        var catalogue = new Catalogue(
            [new CatalogueIndicator("industrial_output", "规上工业总产值", "亿元", "level", null, ["工业产值"]), new CatalogueIndicator("wood_output", "木业产值", "亿元", "level", null, [])],
            new Dictionary<string, string> { ["亿元"] = "money" }, []);

        Assert.Equal("wood_output", new Extractor(catalogue).Match("业产值", "亿元", false));
        Assert.Equal("industrial_output", new Extractor(catalogue).Match("沂水县工业产值", "亿元", false));
    }

    [Fact]
    public void ATwoCharacterPhraseMatchesOnlyAnEqualNameOrAlias()
    {
        var catalogue = new Catalogue(
            [new CatalogueIndicator("private_investment", "民间投资", "亿元", "level", null, []), new CatalogueIndicator("urban_income_growth", "城镇居民人均可支配收入增速", "%", "growth", null, ["城镇"])],
            new Dictionary<string, string> { ["亿元"] = "money" }, []);

        Assert.Null(new Extractor(catalogue).Match("投资", "亿元", false));
        Assert.Equal("private_investment", new Extractor(catalogue).Match("民间投资", "亿元", false));
        Assert.Equal("urban_income_growth", new Extractor(catalogue).Match("城镇", "%", true));
    }
}
