using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Categories;
using Linyi.Dashboard.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Integration;

public partial class LongPagesTests(TestDatabase database) : IntegrationTest(database)
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

        var first = await client.GetStringAsync("/categories/livelihoods");
        var second = await client.GetStringAsync("/categories/livelihoods?page=2");
        var beyond = await client.GetAsync("/categories/livelihoods?page=3");
        var notANumber = await client.GetAsync("/categories/livelihoods?page=two");

        var onFirst = Listed(first);
        var onSecond = Listed(second);
        Assert.Equal(CategoryQueries.PageSize, onFirst.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), onFirst.Concat(onSecond).Order(StringComparer.Ordinal));
        Assert.Contains("data-page=\"1\" data-page-count=\"2\"", first);
        Assert.Contains("href=\"/categories/livelihoods?page=2\" rel=\"next\"", first);
        Assert.Contains("href=\"/categories/livelihoods\" rel=\"prev\"", second);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("1 到 2", await beyond.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
    }

    [Fact]
    public async Task APageKeepsItsSortAndFiltersInThePageLinks()
    {
        var html = await CreateClient().GetStringAsync("/categories/livelihoods?sort=Name&page=2");

        Assert.Contains("href=\"/categories/livelihoods?sort=Name\" rel=\"prev\"", html);
        Assert.Contains("data-page=\"2\"", html);
    }

    [Fact]
    public async Task EachCardIsReachedFromTheJumpListAndItsFiguresAreFolded()
    {
        var html = await CreateClient().GetStringAsync("/categories/industry");

        var cards = CardPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var jumps = JumpPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(cards.Count > 5);
        Assert.Equal(cards, jumps);
        foreach (var code in cards)
        {
            Assert.Contains($"href=\"#indicator-{code}\"", html);
            Assert.Contains($"<details class=\"card-figures\" data-figures=\"{code}\">", html);
        }
        // Figures stay in the page for screen readers and search, folded rather than left out.
        Assert.Contains("id=\"table-industrial_output\"", html);
    }

    [Fact]
    public async Task TheCityPageComesInPagesThatTogetherShowEachIndicatorOnce()
    {
        await using var db = Database.CreateContext();
        var expected = await db.Observations.Where(o => o.Region!.Slug == "linyi").Select(o => o.Indicator!.Code).Distinct().ToListAsync();
        var client = CreateClient();
        var pages = int.Parse(Regex.Match(await client.GetStringAsync("/regions/linyi"), "data-page-count=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(pages > 1, "the city's figures should need more than one page");
        Assert.True(pages >= (expected.Count + RegionQueries.PageSize - 1) / RegionQueries.PageSize);

        var listed = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await client.GetStringAsync(page == 1 ? "/regions/linyi" : $"/regions/linyi?page={page}");
            var codes = RowPattern().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.InRange(codes.Count, 1, RegionQueries.PageSize);
            Assert.Empty(listed.Intersect(codes));
            listed.AddRange(codes);
            Assert.Contains($"data-page=\"{page}\" data-page-count=\"{pages}\"", html);
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
        var html = await CreateClient().GetStringAsync("/regions/junan");

        Assert.Contains("data-indicator=", html);
        Assert.DoesNotContain("class=\"pager\"", html);
    }

    private static List<string> Listed(string html) =>
        CardPattern().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(EmptyPattern().Matches(html).Select(m => m.Groups[1].Value)).ToList();

    [GeneratedRegex("class=\"card indicator-card\" data-indicator=\"([^\"]+)\"")]
    private static partial Regex CardPattern();

    [GeneratedRegex("<li data-indicator=\"([^\"]+)\">")]
    private static partial Regex EmptyPattern();

    [GeneratedRegex("data-jump=\"([^\"]+)\"")]
    private static partial Regex JumpPattern();

    [GeneratedRegex("<tr data-indicator=\"([^\"]+)\"")]
    private static partial Regex RowPattern();
}
