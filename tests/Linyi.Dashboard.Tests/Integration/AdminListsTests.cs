using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The admin lists grow with the data: each shows a page of 100 and links to the next, keeping its filters.</summary>
public class AdminListsTests(TestDatabase database) : IntegrationTest(database)
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
            var html = Dom.Parse(await editor.GetStringAsync(url));
            var ids = html.Values("tr[data-observation] a[href$='/edit']", "href");
            Assert.InRange(ids.Count, 1, AdminPage<ObservationListItem>.Size);
            Assert.Empty(seen.Intersect(ids));
            seen.AddRange(ids);
            Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), html.One("nav.pager").GetAttribute("data-page"));
            url = html.QuerySelector("nav.pager a[rel='next']")?.GetAttribute("href");
        }

        Assert.Equal(expected, seen.Count);
    }

    [Fact]
    public async Task APageKeepsTheFilterAndABadPageNumberIsA400InWords()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);

        var filtered = Dom.Parse(await editor.GetStringAsync("/admin/observations?region=linyi"));
        var next = filtered.One("nav.pager a[rel='next']").GetAttribute("href");
        var zero = await editor.GetAsync("/admin/observations?page=0");
        var huge = await editor.GetAsync("/admin/indicators?page=2000000000");

        Assert.Equal("/admin/observations?region=linyi&page=2", next);
        var onNext = Dom.Parse(await editor.GetStringAsync(next)).Values("tr[data-observation]", "data-observation");
        Assert.NotEmpty(onNext);
        Assert.All(onNext, key => Assert.Equal("linyi", key.Split('/')[1]));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        var refusal = Dom.Parse(await zero.Content.ReadAsStringAsync());
        Assert.Equal("400", refusal.One("section.error-page").GetAttribute("data-status"));
        Assert.Equal(Words.En("The page number is not valid."), refusal.One(".error-message").GetAttribute("data-message"));
        Assert.Equal(Words.Zh("The page number is not valid."), refusal.One(".error-message").Plain());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task TheIndicatorListHasAPageOfAHundredAndTheRestOnTheNext()
    {
        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        await using var db = Database.CreateContext();
        var count = db.Indicators.Count();

        var first = Dom.Parse(await editor.GetStringAsync("/admin/indicators"));
        var second = Dom.Parse(await editor.GetStringAsync("/admin/indicators?page=2"));

        Assert.True(count > AdminPage<RecordListItem>.Size);
        Assert.Equal(AdminPage<RecordListItem>.Size, first.QuerySelectorAll("tr[data-record]").Length);
        Assert.Equal(Math.Min(AdminPage<RecordListItem>.Size, count - AdminPage<RecordListItem>.Size), second.QuerySelectorAll("tr[data-record]").Length);
        Assert.Equal("/admin/indicators?page=1", second.One("nav.pager a[rel='prev']").GetAttribute("href"));
    }
}
