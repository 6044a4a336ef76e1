using System.Text;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>Each wording rule of the report intake, on sentences taken from the seed documents.</summary>
public class IntakeRuleTests
{
    private static readonly Lazy<Extractor> Shared = new(() => new Extractor(Catalogue.FromSeeds(TestDatabase.SeedsDirectory)));

    private const string Review = "一、2023年工作回顾\n\n";
    private const string Plan = "二、2024年政府重点工作\n\n";

    private static List<Proposal> Extract(string text, int year = 2024, string? region = null) =>
        [.. Shared.Value.Extract(text, new ExtractOptions(region, year))];

    private static Proposal Only(IEnumerable<Proposal> proposals, string value) => Assert.Single(proposals, p => p.Value == value);

    [Fact]
    public void BreakingThroughIsAtLeastAndReachingIsExact()
    {
        var found = Extract(Review + "这一年，我们强化目标引领，经济发展塑成新位势。地区生产总值突破6000亿元，达到6105亿元、增长6.3%，主要经济指标增幅高于全省平均水平。");

        var above = Only(found, "6000");
        Assert.Equal(("≥", "亿元", "突破6000亿元"), (above.Comparator, above.Unit, above.Quote));
        var exact = Only(found, "6105");
        Assert.Equal(("=", "gdp", "2023", "actual", false), (exact.Comparator, exact.Indicator, exact.Period, exact.Kind, exact.Growth));
        var growth = Only(found, "6.3");
        Assert.Equal(("=", "%", true, "gdp_growth"), (growth.Comparator, growth.Unit, growth.Growth, growth.Indicator));
        Assert.All(found, p => Assert.Equal("一、2023年工作回顾 ¶1", p.Citation));
    }

    [Fact]
    public void AboveAfterTheUnitIsAtLeastAndStriveMakesAStretchTargetWhileTheBaseStaysTheTarget()
    {
        var found = Extract(Plan + "今年是新中国成立75周年。\n\n按照市委部署，做好今年工作。\n\n综合考虑各方面因素，今年全市经济社会发展主要预期目标是：地区生产总值增长5.5%、力争6%以上，一般公共预算收入增长5.5%、力争6.5%以上，固定资产投资增长7%、力争9%以上。");

        Assert.Equal(6, found.Count);
        var target = found.First(p => p.Value == "5.5");
        Assert.Equal(("target", "=", "2024", "gdp_growth", "二、2024年政府重点工作 ¶3"), (target.Kind, target.Comparator, target.Period, target.Indicator, target.Citation));
        var stretch = Only(found, "6");
        Assert.Equal(("stretch", "≥", "2024", true, "6%以上"), (stretch.Kind, stretch.Comparator, stretch.Period, stretch.Growth, stretch.Quote));
        Assert.Equal(["target", "stretch", "target", "stretch", "target", "stretch"], found.Select(p => p.Kind));
    }

    [Fact]
    public void StriveReachesTheFiguresAfterItInTheSameSentenceOnlyWhenItGovernsAFigure()
    {
        var goals = Extract("增强服务工业能力。经过五年努力，力争全市工业总产值突破1万亿元，高新技术产业产值占比超过50%，发展千亿级产业集群4个、百亿级企业15个、十亿级纳税企业10个。", 2022);
        Assert.All(goals, p => Assert.Equal(("stretch", "2022-2026"), (p.Kind, p.Period)));
        Assert.Equal(["1", "50", "4", "15", "10"], goals.Select(p => p.Value));
        Assert.Equal(("≥", "万亿元"), (goals[0].Comparator, goals[0].Unit));

        var roads = Extract(Plan + "北接南融做大空间。构建“五纵五横”高速公路网，力争开工临沂至徐州、临沂至东海、日兰高速改扩建、蒙阴至邳州高速，建成临淄至临沂高速，高速公路通车里程达到750公里。");
        var length = Only(roads, "750");
        Assert.Equal(("target", "linyi", "=", "公里"), (length.Kind, length.Region, length.Comparator, length.Unit));
    }

    [Fact]
    public void AboutAndNearlyAreApproximateMoreAndOverAreAtLeast()
    {
        Assert.Equal("≈", Only(Extract(Plan + "培育创新型企业梯队。加大科技研发投入力度，入库科技型中小企业3000家左右。"), "3000").Comparator);
        Assert.Equal("≈", Only(Extract("临沂工业伴随新中国的发展而成长，如今规上工业企业发展到近4000家。", 2022), "4000").Comparator);
        var more = Only(Extract(Review + "全市新建绿地公园、社区公园、口袋公园560处，开放沿河绿地500多万平方米。"), "500");
        Assert.Equal(("≥", "万平方米", "500多万平方米"), (more.Comparator, more.Unit, more.Quote));
        Assert.Equal("≥", Only(Extract(Review + "举办各类展会160场、交易额超300亿元。"), "300").Comparator);
        Assert.Equal("≥", Only(Extract("仅“五一”当天，临沂公交运送乘客28.8万人次，年接待游客10万余人次。", 2024), "10").Comparator);
    }

    [Fact]
    public void WithinAndCappedAreLimits()
    {
        var found = Extract(Plan + "全方位污染防治攻坚。PM2.5浓度控制在35微克以内，新增建设用地控制在2.8万亩以内。");
        var land = Only(found, "2.8");
        Assert.Equal(("≤", "万亩", "limit"), (land.Comparator, land.Unit, land.Shape));
        Assert.DoesNotContain(found, p => p.Value == "2.5");
    }

    [Fact]
    public void GrowthIsARateAfterAGrowthVerbAndListsAfterItKeepIt()
    {
        var found = Extract(Review + "全年签约项目1753个、到位资金1254亿元，分别增长77.8%、17.7%；当年招引投产项目达到613个。服务业增加值突破3000亿元，占比达到52.4%。");
        Assert.True(Only(found, "77.8").Growth);
        Assert.True(Only(found, "17.7").Growth);
        Assert.False(Only(found, "52.4").Growth);
        Assert.False(Only(found, "1254").Growth);
        var points = Only(Extract(Plan + "扩能提质做活县城。力争县域常住人口城镇化率提高1个百分点以上。"), "1");
        Assert.Equal(("个百分点", true, "≥", "stretch"), (points.Unit, points.Growth, points.Comparator, points.Kind));
    }

    [Fact]
    public void RanksAreReadFromDigitsAndChineseNumerals()
    {
        var industry = Extract(Review + "规上工业总产值突破8000亿元，增长9.4%、居全省第1位。");
        Assert.Equal(("位", "industrial_output_growth_rank"), (Only(industry, "1").Unit, Only(industry, "1").Indicator));
        Assert.Equal("位", Only(Extract(Review + "城镇新增就业10.5万人，城乡公益性岗位规模全省第1。"), "1").Unit);
        Assert.Equal(2, Extract(Review + "规上农产品加工企业数量、营业收入全省“双第一”，分别达到2161家和3239亿元。").Count(p => p.Unit == "位" && p.Value == "1"));
        Assert.DoesNotContain(Extract(Review + "农林牧渔业总产值突破1000亿元，是全省第4个千亿市。"), p => p.Value == "4");
    }

    [Fact]
    public void PeriodsComeFromTheSectionTheYearNamedAndTheWording()
    {
        var parks = Extract("临沂市城管局园林中心工程科工作人员张鹏介绍，2022年，临沂规划建设口袋公园143处，2023年，计划建设口袋公园240处，到2026年临沂将在中心城区建设公园510个。", 2024);
        Assert.Equal(("2022", "actual"), (Only(parks, "143").Period, Only(parks, "143").Kind));
        Assert.Equal(("2023", "target"), (Only(parks, "240").Period, Only(parks, "240").Kind));
        Assert.Equal(("2026", "target"), (Only(parks, "510").Period, Only(parks, "510").Kind));

        var stock = Extract(Plan + "今年是关键一年。\n\n（二）全力突破产业科技。\n\n布局高能级创新平台。用好43个国家级平台、215个省级平台，布局各类创新平台100家以上。");
        Assert.Equal(("2023", "actual"), (Only(stock, "215").Period, Only(stock, "215").Kind));
        Assert.Equal(("2024", "target", "二、2024年政府重点工作（二） ¶2"), (Only(stock, "100").Period, Only(stock, "100").Kind, Only(stock, "100").Citation));
    }

    [Fact]
    public void FromAndToGiveTheYearBeforeAndTheYearOfTheResult()
    {
        var found = Extract("2024年1月22日\n\n计受理企业群众诉求809万件，诉求“一次办好率”由70%提升至79.4%，问题解决率由88.3%提升至93.1%。", 2024);
        Assert.Equal(("2022", false), (Only(found, "70").Period, Only(found, "70").Growth));
        Assert.Equal(("2023", false), (Only(found, "79.4").Period, Only(found, "79.4").Growth));
    }

    [Fact]
    public void ACountyOpeningTheClauseIsTheRegionAndExamplesAreNot()
    {
        var found = Extract(Plan + "加快推动沂水县、平邑县、临港区市域副中心建设，莒南县、沂水县工业产值力争“过千亿”。");
        Assert.Equal(["junan", "yishui"], found.Select(p => p.Region));
        Assert.All(found, p => Assert.Equal(("1000", "亿元", "≥", "stretch"), (p.Value, p.Unit, p.Comparator, p.Kind)));

        var examples = Extract(Plan + "支持沂水食品产业园等14个园区建设，推进安宜美、正新等130个食品全产业链项目。");
        Assert.All(examples, p => Assert.Equal("linyi", p.Region));
    }

    [Fact]
    public void TheDocumentsRegionIsTheOneItIsAbout()
    {
        var text = string.Concat(Enumerable.Repeat("沂源是山东平均海拔最高的县。", 6)) + "\n\n2019年，全县投资3.2亿元搬迁4个村1762户。";
        Assert.All(Extract(text, 2021), p => Assert.Equal("yiyuan", p.Region));
        Assert.All(Extract(text, 2021, "linyi"), p => Assert.Equal("linyi", p.Region));
    }

    [Theory]
    [InlineData("壮大一批优质企业，实施递进培育计划，每年筛选50家“第二梯队”企业重点帮扶。", "50", "every_year")]
    [InlineData("培育一批上市企业，抓实企业上市五年行动，力争年均新增上市企业3家以上。", "3", "average")]
    [InlineData("平台上线一年半，累计受理企业群众诉求809万件。", "809", "cumulative")]
    [InlineData("启动现代物流城建设，落地项目108个，完成投资141亿元。", "141", "deliverable")]
    [InlineData("新增建设用地控制在2.8万亩以内。", "2.8", "limit")]
    [InlineData("农村公路通车里程突破3万公里、居全省第1位。", "3", "level")]
    public void TheGoalsShapeFollowsTheWording(string sentence, string value, string shape) =>
        Assert.Equal(shape, Only(Extract(sentence, 2022), value).Shape);

    [Fact]
    public void EachAndBothGiveOneFigurePerItem()
    {
        Assert.Equal(2, Extract(Plan + "新建改造农村公路和农业生产路各1000公里。").Count(p => p.Value == "1000"));
        Assert.Equal(2, Extract(Review + "热线办理满意率均达到90%以上。").Count(p => p.Value == "90"));
        Assert.Equal(4, Extract(Review + "存贷款新增“双过千亿”，余额“双过万亿”。").Count);
    }

    [Fact]
    public void EstimatesAreMarkedPreliminary()
    {
        var found = Extract(Review + "预计全年地区生产总值增长6%左右。");
        Assert.True(Only(found, "6").Preliminary);
        Assert.Equal("≈", Only(found, "6").Comparator);
        Assert.Equal("preliminary", Web.Features.Intake.IntakeService.VintageOf("actual", "=", true, "news"));
        Assert.Equal("preliminary", Web.Features.Intake.IntakeService.VintageOf("actual", "≈", false, "work-report"));
        Assert.Equal("final", Web.Features.Intake.IntakeService.VintageOf("target", "≈", true, "work-report"));
    }

    [Fact]
    public void ValuesLoseThousandsSeparatorsAndYearsAreNotFigures()
    {
        var found = Extract(Review + "2023年，全年签约项目1,753个。");
        Assert.Equal("1753", Assert.Single(found).Value);
    }

    [Fact]
    public void SectionsFollowHeadingsAndSubheadingsCountAsTheirFirstParagraph()
    {
        var layout = Layout.Read("各位代表：\n\n一、2023年工作回顾\n\n刚刚过去的2023年。\n\n这一年。\n\n二、2024年政府重点工作\n\n（一）全力冲刺“工业万亿”。先进工业是一张答卷。\n\n主导产业提档升级。");
        Assert.Equal(["导语 ¶1", "一、2023年工作回顾 ¶0", "一、2023年工作回顾 ¶1", "一、2023年工作回顾 ¶2", "二、2024年政府重点工作 ¶0", "二、2024年政府重点工作（一） ¶1", "二、2024年政府重点工作（一） ¶2"],
            layout.Paragraphs.Select(p => p.Citation));
        Assert.Equal(Enumerable.Range(1, 7), layout.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public void HtmlParagraphsInsideATextFileAreParagraphs()
    {
        var layout = Layout.Read("---\ntitle: \"临沂\"\ndate: 2022-02-25 09:51:22 +0800\n---\n<p>2月17日，临沂市第十四次党代会提出。</p>\n <p>□ 本报记者</p>\n <p>增强企业鼎新能力。每年筛选50家企业。</p>");
        Assert.Equal(3, layout.Paragraphs.Count);
        Assert.Equal((2022, 2), (layout.PublishedYear!.Value, layout.PublishedMonth!.Value));
    }

    [Fact]
    public void GbkTextIsDetectedAndRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "这一年，我们强化目标引领，经济发展塑成新位势。地区生产总值突破6000亿元，达到6105亿元、增长6.3%，主要经济指标增幅高于全省平均水平。三次产业协同增势。";
        var read = DocumentReader.Read("report.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        Assert.Equal(("gbk", text), (read.Encoding, read.Text));
        Assert.Equal("utf-8", DocumentReader.Read("report.txt", Encoding.UTF8.GetBytes(text)).Encoding);
    }

    [Fact]
    public void SavedWebPagesLoseScriptsAndNavigation()
    {
        var read = DocumentReader.Read("report.html", Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html><head><script>var x = 1;</script></head><body><nav>首页 12条</nav><h1>一、2023年工作回顾</h1><p>地区生产总值达到<b>6105</b>亿元。</p></body></html>"));
        Assert.Equal("html", read.Format);
        Assert.Equal("一、2023年工作回顾\n\n地区生产总值达到6105亿元。", read.Text);
    }

    [Theory]
    [InlineData(IntakeFailure.Empty, new byte[0])]
    [InlineData(IntakeFailure.Empty, new byte[] { 0x20, 0x0A, 0x0A })]
    [InlineData(IntakeFailure.NotText, new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x13 })]
    public void UnreadableInputSaysWhyInBothLanguages(IntakeFailure failure, byte[] content)
    {
        var ex = Assert.Throws<IntakeException>(() => DocumentReader.Read("report.txt", content));
        Assert.Equal(failure, ex.Failure);
        Assert.NotEmpty(ex.Message);
        // The English template is the key of its Chinese in the web app's resource file.
        Assert.True(Linyi.Dashboard.Web.Words.Has(ex.Template), ex.Template);
    }

    [Fact]
    public void TheCommandPrintsTheCsvHeaderAndFailsClearlyOnAFileItCannotRead()
    {
        var file = Path.Combine(Path.GetTempPath(), $"intake-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, Review + "地区生产总值突破6000亿元，达到6105亿元、增长6.3%。");
        try
        {
            Environment.SetEnvironmentVariable("LINYI_SEEDS_DIR", TestDatabase.SeedsDirectory);
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, IntakeCommand.Run([file, "--year", "2024"], output, error));
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("paragraph,indicator_zh,indicator,region,period,kind,comparator,value,unit,growth,quote", lines[0]);
            Assert.Equal("2,地区生产总值,gdp,linyi,2023,actual,=,6105,亿元,no,达到6105亿元", lines[2]);

            Assert.Equal(1, IntakeCommand.Run([file + ".missing"], output, error));
            Assert.Contains("no such file", error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
