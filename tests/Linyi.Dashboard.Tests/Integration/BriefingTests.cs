using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linyi.Dashboard.Tests.Integration;

public class BriefingTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    private const string Selection = "item=gdp_growth&item=category:fiscal&item=gdp&region=linyi&title=%E5%AD%A3%E5%BA%A6%E7%AE%80%E6%8A%A5&note=%E4%BE%9B%E5%B8%B8%E5%8A%A1%E4%BC%9A%E8%AE%AE%E5%8F%82%E9%98%85";

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task ABriefingIsOnePdfWithContentsOnTheCoverWhosePageNumbersAreRightAndTheSectionsInTheChosenOrder()
    {
        var response = await CreateClient().GetAsync("/briefing/pdf?" + Selection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var pages = PdfText.Pages(bytes);
        Assert.Contains("季度简报", pages[0]);
        Assert.Contains("供常务会议参阅", pages[0]);
        Assert.Contains("数据截至", pages[0]);
        var contents = pages[0];
        Assert.Contains("目录", contents);
        var sections = new[] { "1.地区生产总值增速", "2.财政金融", "3.地区生产总值" };
        // The contents read "1.地区生产总值增速3" then "2.财政金融…": each page number runs up to the next entry.
        var next = new[] { "2.", "3.", "资料来源" };
        var listed = sections.Select((s, i) => Regex.Match(contents, Regex.Escape(s) + @"(\d+)" + Regex.Escape(next[i]))).ToList();
        Assert.All(listed, m => Assert.True(m.Success, contents));
        Assert.True(listed[0].Index < listed[1].Index && listed[1].Index < listed[2].Index);
        for (var i = 0; i < sections.Length; i++)
        {
            var page = int.Parse(listed[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(page > 1, $"{sections[i]} on page {page}");
            Assert.Contains(sections[i], pages[page - 1]);
            Assert.Contains($"第{page}页/共{pages.Count}页", pages[page - 1]);
        }
        // The sources list, with each repost's reliability note, may run over more than one page.
        Assert.Contains(pages.Skip(1), p => p.Contains("资料来源", StringComparison.Ordinal));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Matches(@"^季度简报 · \d{4}-\d{2}-\d{2}$", pdf.Information.Title);
        Assert.True(pdf.TryGetBookmarks(out _));
        Assert.All(await PdfTools.FontsAsync(bytes), font => Assert.Equal("CID TrueType", font.Type));
    }

    [Fact]
    public async Task TheComposerPageIsThePermalinkItKeepsTheOrderAndItsLinksMoveItems()
    {
        var html = await CreateClient().GetStringAsync("/briefing?item=gdp&item=category:fiscal&item=gdp_growth&region=junan");

        var items = Regex.Matches(html, "<li data-item=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(new[] { "gdp", "category:fiscal", "gdp_growth" }, items);
        Assert.Contains("href=\"/briefing/pdf?item=gdp&amp;item=category%3Afiscal&amp;item=gdp_growth&amp;region=junan\"", html);
        Assert.Contains("href=\"/briefing?item=category%3Afiscal&amp;item=gdp&amp;item=gdp_growth&amp;region=junan\"", html);
    }

    [Theory]
    [InlineData("/briefing/pdf?item=no_such_indicator", "未知指标“no_such_indicator”")]
    [InlineData("/briefing/pdf?item=category:atlantis", "未知类别“category:atlantis”")]
    [InlineData("/briefing/pdf?item=gdp&region=atlantis", "未知地区“atlantis”")]
    [InlineData("/briefing/pdf?region=linyi", "请至少选择一项指标或类别")]
    [InlineData("/briefing/pdf?item=category:economy&item=category:industry&region=linyi&region=junan", "简报最多 40 张")]
    [InlineData("/briefing?item=population,gdp,gdp_growth,agri_output,industrial_output,industrial_output_growth,industrial_output_growth_rank,industrial_output_total,services_va,services_share,fixed_asset_investment,fixed_asset_investment_growth,private_investment", "最多选择 12 项指标或类别")]
    [InlineData("/briefing/pdf?item=gdp&bogus=1", "未知参数")]
    public async Task UnknownCodesAndTooManyItemsAreA400InWordsNeverA500(string path, string message)
    {
        var response = await CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBriefingPdfHasThePerClientPdfLimit()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:PdfPerMinute", "1"));
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/briefing/pdf?item=gdp")).StatusCode);
        var limited = await client.GetAsync("/briefing/pdf?item=gdp");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }
}
