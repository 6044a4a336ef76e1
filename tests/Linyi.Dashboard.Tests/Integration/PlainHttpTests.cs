using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>The app as production runs it (HTTPS required) reached over plain HTTP, with no HTTPS port to redirect to.</summary>
public class PlainHttpTests(TestDatabase database) : IntegrationTest(database)
{
    protected override bool StartsFromSeeds => true;

    protected override bool SharesApp => true;

    private const string Reason = "Changes are accepted only over HTTPS. Open this site at its https:// address and try again.";

    [Theory]
    [InlineData("POST", "/account/login")]
    [InlineData("POST", "/admin/observations/save")]
    [InlineData("GET", "/account/login")]
    [InlineData("GET", "/account/password")]
    public async Task SigningInAndChangesOverPlainHttpAreRefusedWithAReasonNotAServerError(string method, string url)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.test", ["Password"] = "x" });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("400", page.One("section.error-page").GetAttribute("data-status"));
        Assert.Equal(Reason, page.One(".error-message").GetAttribute("data-message"));
        Assert.Equal(Linyi.Dashboard.Web.Words.Zh(Reason), page.One(".error-message").Plain());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/indicators/gdp")]
    [InlineData("/api/regions")]
    public async Task PublicPagesStayReadableOverPlainHttp(string url)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }
}
