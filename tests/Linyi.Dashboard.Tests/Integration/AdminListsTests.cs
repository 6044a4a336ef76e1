using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The admin lists grow with the data: each shows a page of 100 and links to the next, keeping its filters.</summary>
public partial class AdminListsTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task TheFiguresListComesInPagesThatTogetherShowEveryFigureOnce()
    {
        await using var db = Database.CreateContext();
        var expected = db.Observations.Count();
        Assert.True(expected > AdminPage<ObservationListItem>.Size, "the seeds have more figures than one page");
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var seen = new List<string>();
        var url = "/admin/observations";
        for (var page = 1; url is not null; page++)
        {
            var html = await editor.GetStringAsync(url);
            var ids = EditLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.InRange(ids.Count, 1, AdminPage<ObservationListItem>.Size);
            Assert.Empty(seen.Intersect(ids));
            seen.AddRange(ids);
            Assert.Contains($"data-page=\"{page}\"", html);
            url = NextLink().Match(html) is { Success: true } next ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.Equal(expected, seen.Count);
    }

    [Fact]
    public async Task APageKeepsTheFilterAndABadPageNumberIsA400InWords()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var filtered = await editor.GetStringAsync("/admin/observations?region=linyi");
        var next = WebUtility.HtmlDecode(NextLink().Match(filtered).Groups[1].Value);
        var zero = await editor.GetAsync("/admin/observations?page=0");
        var huge = await editor.GetAsync("/admin/indicators?page=2000000000");

        Assert.Equal("/admin/observations?region=linyi&page=2", next);
        Assert.DoesNotContain("data-observation=\"gdp/junan", await editor.GetStringAsync(next));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("页码无效", await zero.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task TheIndicatorListHasAPageOfAHundredAndTheRestOnTheNext()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        await using var db = Database.CreateContext();
        var count = db.Indicators.Count();

        var first = await editor.GetStringAsync("/admin/indicators");
        var second = await editor.GetStringAsync("/admin/indicators?page=2");

        Assert.True(count > AdminPage<RecordListItem>.Size);
        Assert.Equal(AdminPage<RecordListItem>.Size, Record().Matches(first).Count);
        Assert.Equal(Math.Min(AdminPage<RecordListItem>.Size, count - AdminPage<RecordListItem>.Size), Record().Matches(second).Count);
        Assert.Contains("rel=\"prev\"", second);
    }

    [GeneratedRegex("href=\"/admin/observations/(\\d+)/edit\"")]
    private static partial Regex EditLink();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<tr data-record=\"")]
    private static partial Regex Record();
}
