using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Each page says what it is: its own title and meta description, and the menu marks where the reader is.</summary>
public class PageIdentityTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    private static readonly string[] Pages =
    [
        "/", "/categories", "/categories/economy", "/indicators/gdp", "/goals", "/regions", "/regions/junan", "/regions/coverage",
        "/compare", "/data", "/sources", "/about/progress", "/about/api", "/briefing", "/account/login",
    ];

    protected override bool StartsFromSeeds => true;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPageHasItsOwnTitleAndMetaDescription(bool english)
    {
        // Over HTTPS, as the login form's cookies require.
        var client = Accounts.Browser(Factory);
        var found = new List<(string Page, string Title, string Description)>();
        foreach (var path in Pages)
        {
            var response = await client.GetAsync(path + (english ? (path.Contains('?') ? "&" : "?") + "culture=en&ui-culture=en" : ""));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            var page = Dom.Parse(await response.Content.ReadAsStringAsync());
            found.Add((path, page.Title ?? "", page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? ""));
        }

        Assert.All(found, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{f.Page} has no meta description"));
        Assert.Empty(found.GroupBy(f => f.Title).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(f => f.Page)) + ": " + g.Key));
        Assert.Empty(found.GroupBy(f => f.Description).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(f => f.Page))));
    }

    [Theory]
    [InlineData("/", "/", "page")]
    [InlineData("/regions", "/regions", "page")]
    [InlineData("/regions/junan", "/regions", "true")]
    [InlineData("/categories/economy", "/categories", "true")]
    [InlineData("/data?region=junan", "/data", "page")]
    [InlineData("/goals", null, null)]
    public async Task TheMenuMarksThePageOrSectionTheReaderIsIn(string path, string? marked, string? value)
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync(path));

        var current = page.QuerySelectorAll(".main-nav a[aria-current]").ToList();
        Assert.Equal(marked is null ? [] : [marked], current.Select(a => a.GetAttribute("href")));
        if (value is not null)
        {
            Assert.Equal(value, current[0].GetAttribute("aria-current"));
        }
    }
}
