using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>One page cache (the output cache): one address per page, one key whatever the query order, host or cookie spelling.</summary>
public class PageCacheTests(TestDatabase database) : IntegrationTest(database)
{
    private readonly CommandCounter counter = new();

    protected override bool StartsFromSeeds => true;

    private async Task<HttpClient> ReadyAsync()
    {
        var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(counter)));
        await factory.Services.GetRequiredService<DataVersionState>().WhenLaterThanAsync(null).WaitAsync(TimeSpan.FromSeconds(10));
        return factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task APageAskedForInOtherLetterCaseIsRedirectedToItsOneAddress()
    {
        var client = await ReadyAsync();

        var response = await client.GetAsync("/INDICATORS/gdp?culture=en");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/indicators/gdp?culture=en", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AHitCarriesTheSameBodyAndSecurityHeadersAsTheRender()
    {
        var client = await ReadyAsync();
        var rendered = await client.GetAsync("/categories/industry");
        counter.Reset();

        var hit = await client.GetAsync("/categories/industry");

        Assert.Equal(0, counter.Count);
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy" })
        {
            Assert.Equal(rendered.Headers.GetValues(header), hit.Headers.GetValues(header));
        }
    }

    [Fact]
    public async Task AHitIsStoredCompressedOncePerEncodingAndEachClientGetsItsOwn()
    {
        var client = await ReadyAsync();
        var identity = await client.GetStringAsync("/categories/industry");
        using var first = new HttpRequestMessage(HttpMethod.Get, "/categories/industry") { Headers = { { "Accept-Encoding", "gzip, deflate, br" } } };
        await client.SendAsync(first);
        counter.Reset();

        using var repeat = new HttpRequestMessage(HttpMethod.Get, "/categories/industry") { Headers = { { "Accept-Encoding", "br" } } };
        var compressed = await client.SendAsync(repeat);
        var plain = await client.GetAsync("/categories/industry");

        Assert.Equal(0, counter.Count);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        await using (var brotli = new System.IO.Compression.BrotliStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(brotli))
        {
            Assert.Equal(identity, await reader.ReadToEndAsync());
        }
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(identity, await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task QueryOrderAndTheHostHeaderDoNotMakeANewEntry()
    {
        var client = await ReadyAsync();
        await client.GetStringAsync("/data?region=linyi&kind=actual");
        counter.Reset();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/data?kind=actual&region=linyi");
        request.Headers.Host = "invented.example";
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task TheCacheKeysOnTheCultureTheRequestResolvesToNotOnTheCookieText()
    {
        var client = await ReadyAsync();
        var chinese = await client.GetStringAsync("/indicators/gdp");
        counter.Reset();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/gdp");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=xx|uic=xx");
        var response = await client.SendAsync(request);

        Assert.Equal(0, counter.Count);
        Assert.Equal(chinese, await response.Content.ReadAsStringAsync());
    }
}
