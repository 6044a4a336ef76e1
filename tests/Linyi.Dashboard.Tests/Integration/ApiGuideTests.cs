using System.Net;
using System.Text.Json;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The API described to a person at /about/api, in step with the OpenAPI document, and found from the interface.</summary>
public class ApiGuideTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool SharesApp => true;

    protected override bool StartsFromSeeds => true;

    [Fact]
    public async Task TheGuideDescribesEveryEndpointAndParameterOfTheOpenApiDocumentWithAnExampleThatAnswers()
    {
        var client = CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var expected = document.GetProperty("paths").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("get").TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList() : []);

        var page = Dom.Parse(await client.GetStringAsync("/about/api"));

        var sections = page.QuerySelectorAll("section.api-endpoint").ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), sections.Select(s => s.GetAttribute("data-path")!).Order(StringComparer.Ordinal));
        foreach (var section in sections)
        {
            var path = section.GetAttribute("data-path")!;
            Assert.Equal(expected[path], section.QuerySelectorAll("tr[data-parameter]").Select(r => r.GetAttribute("data-parameter")!).Order(StringComparer.Ordinal));
            var example = section.QuerySelector("a.api-example")!.GetAttribute("href")!;
            Assert.StartsWith(path, example, StringComparison.Ordinal);
            var response = await client.GetAsync(example);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind is JsonValueKind.Array or JsonValueKind.Object);
        }
        Assert.Equal("/openapi/v1.json", page.QuerySelector("#openapi-link")!.GetAttribute("href"));
        Assert.Equal(document.GetProperty("openapi").GetString()![..3], page.QuerySelector("#openapi-link")!.ParentElement!.TextContent.Split("OpenAPI ")[1][..3]);
    }

    [Fact]
    public async Task OnTheChinesePageEverySummaryDescriptionAndParameterIsInChinese()
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync("/about/api"));

        var texts = page.QuerySelectorAll("section.api-endpoint h2, section.api-endpoint > p:first-of-type, tr[data-parameter] td").Select(e => e.TextContent).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", t));
    }

    [Theory]
    [InlineData("/data")]
    [InlineData("/")]
    [InlineData("/goals")]
    public async Task TheGuideIsLinkedFromTheInterface(string from)
    {
        var page = Dom.Parse(await CreateClient().GetStringAsync(from));

        Assert.NotNull(page.QuerySelector("a[href^='/about/api']"));
    }
}
