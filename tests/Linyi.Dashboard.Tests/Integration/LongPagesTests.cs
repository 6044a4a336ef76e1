using System.Globalization;
using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Categories;
using Linyi.Dashboard.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public class LongPagesTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task ALongCategoryComesInPagesThatTogetherListEachIndicatorOnce()
    {
        await using var db = Database.CreateContext();
        var expected = await db.Indicators.Where(i => i.Category!.Slug == "livelihoods").Select(i => i.Code).ToListAsync();
        Assert.True(expected.Count > CategoryQueries.PageSize, "the seeds' largest category should need two pages");
        var client = CreateClient();

        var first = Dom.Parse(await client.GetStringAsync("/categories/livelihoods"));
        var second = Dom.Parse(await client.GetStringAsync("/categories/livelihoods?page=2"));
        var beyond = await client.GetAsync("/categories/livelihoods?page=3");
        var notANumber = await client.GetAsync("/categories/livelihoods?page=two");

        var onFirst = Listed(first);
        var onSecond = Listed(second);
        Assert.Equal(CategoryQueries.PageSize, onFirst.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), onFirst.Concat(onSecond).Order(StringComparer.Ordinal));
        var pager = first.One("nav.pager");
        Assert.Equal(("1", "2"), (pager.GetAttribute("data-page"), pager.GetAttribute("data-page-count")));
        Assert.Equal("/categories/livelihoods?page=2", pager.One("a[rel='next']").GetAttribute("href"));
        Assert.Equal("/categories/livelihoods", second.One("nav.pager a[rel='prev']").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        var refusal = Dom.Parse(await beyond.Content.ReadAsStringAsync());
        Assert.Equal("400", refusal.One("section.error-page").GetAttribute("data-status"));
        Assert.Equal(Words.En("page must be from 1 to {0}.", 2), refusal.One(".error-message").GetAttribute("data-message"));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
    }

    [Fact]
    public async Task APageKeepsItsSortAndFiltersInThePageLinks()
    {
        var pager = Dom.Parse(await CreateClient().GetStringAsync("/categories/livelihoods?sort=Name&page=2")).One("nav.pager");

        Assert.Equal("/categories/livelihoods?sort=Name", pager.One("a[rel='prev']").GetAttribute("href"));
        Assert.Equal("2", pager.GetAttribute("data-page"));
    }

    [Fact]
    public async Task EachCardIsReachedFromTheJumpListAndItsFiguresAreFolded()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/categories/industry"));

        var cards = page.Values("article.card.indicator-card", "data-indicator");
        var jumps = page.Values("a[data-jump]", "data-jump");
        Assert.True(cards.Count > 5);
        Assert.Equal(cards, jumps);
        foreach (var code in cards)
        {
            var card = page.One($"article.indicator-card[data-indicator='{code}']");
            Assert.Equal("#" + card.Id, page.One($"a[data-jump='{code}']").GetAttribute("href"));
            Assert.NotNull(card.One($"details.card-figures[data-figures='{code}']"));
        }
        // Figures stay in the page for screen readers and search, folded rather than left out.
        Assert.NotNull(page.One("details.card-figures[data-figures='industrial_output'] #table-industrial_output"));
    }

    [Fact]
    public async Task TheCityPageComesInPagesThatTogetherShowEachIndicatorOnce()
    {
        await using var db = Database.CreateContext();
        var expected = await db.Observations.Where(o => o.Region!.Slug == "linyi").Select(o => o.Indicator!.Code).Distinct().ToListAsync();
        var client = CreateClient();
        var pages = int.Parse(Dom.Parse(await client.GetStringAsync("/regions/linyi")).One("nav.pager").GetAttribute("data-page-count")!, CultureInfo.InvariantCulture);
        Assert.True(pages > 1, "the city's figures should need more than one page");
        Assert.True(pages >= (expected.Count + RegionQueries.PageSize - 1) / RegionQueries.PageSize);

        var listed = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = Dom.Parse(await client.GetStringAsync(page == 1 ? "/regions/linyi" : $"/regions/linyi?page={page}"));
            var codes = html.Values("tr[data-indicator]", "data-indicator").Distinct().ToList();
            Assert.InRange(codes.Count, 1, RegionQueries.PageSize);
            Assert.Empty(listed.Intersect(codes));
            listed.AddRange(codes);
            var pager = html.One("nav.pager");
            Assert.Equal((page, pages), (int.Parse(pager.GetAttribute("data-page")!, CultureInfo.InvariantCulture), int.Parse(pager.GetAttribute("data-page-count")!, CultureInfo.InvariantCulture)));
        }
        var beyond = await client.GetAsync($"/regions/linyi?page={pages + 1}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    [Fact]
    public void APageHoldsWholeIndicatorsUpToItsIndicatorAndFigureLimits()
    {
        var indicators = Enumerable.Range(1, 70).Select(i => ($"a{i:D3}", 1))
            .Concat(Enumerable.Range(1, 30).Select(i => ($"b{i:D3}", 11)))
            .Append(("c001", RegionQueries.MaxFiguresPerPage + 5))
            .Append(("c002", 1))
            .ToList();

        var pages = RegionQueries.Paginate(indicators);

        Assert.Equal(indicators.Select(i => i.Item1), pages.SelectMany(p => p));
        Assert.Equal(RegionQueries.PageSize, pages[0].Count);
        var figures = indicators.ToDictionary(i => i.Item1, i => i.Item2);
        Assert.All(pages, page => Assert.True(page.Count <= RegionQueries.PageSize
            && (page.Sum(code => figures[code]) <= RegionQueries.MaxFiguresPerPage || page.Count == 1)));
        // Thirty one-figure indicators, then ten-year indicators as many as fit: 30 + 4 × 11 = 74 of 80 figures.
        Assert.Equal(Enumerable.Range(41, 30).Select(i => $"a{i:D3}").Concat(["b001", "b002", "b003", "b004"]), pages[1]);
        Assert.Equal(["c001"], pages[^2]);
        Assert.Equal(["c002"], pages[^1]);
    }

    [Fact]
    public async Task ACountyWithFewFiguresHasOnePageAndNoPager()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/regions/junan"));

        Assert.NotEmpty(page.Values("tr[data-indicator]", "data-indicator"));
        Assert.Null(page.QuerySelector(".pager"));
    }

    /// <summary>The indicators a category page lists: its cards, then those without figures.</summary>
    private static List<string> Listed(AngleSharp.Dom.IDocument page) =>
        page.Values("article.card.indicator-card", "data-indicator").Concat(page.Values(".empty-indicators li[data-indicator]", "data-indicator")).ToList();
}
