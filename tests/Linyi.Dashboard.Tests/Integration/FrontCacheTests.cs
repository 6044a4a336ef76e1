using System.IO.Compression;
using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Linyi.Dashboard.Tests.Integration;

public class FrontCacheTests(TestDatabase database) : IntegrationTest(database)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.LoadSeedsAsync();
    }

    private async Task<(HttpClient Client, FrontCache Cache)> ReadyAsync(DashboardFactory factory)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var state = factory.Services.GetRequiredService<DataVersionState>();
        await Until(() => state.Current is not null);
        return (client, factory.Services.GetRequiredService<FrontCache>());
    }

    [Fact]
    public async Task ARepeatReadIsAnsweredFromTheFrontCacheWithTheSameBytesAndHeaders()
    {
        var (client, cache) = await ReadyAsync(Factory);

        var first = await client.GetAsync("/indicators/gdp");
        var second = await client.GetAsync("/indicators/gdp");
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/indicators/gdp"));

        Assert.Equal(2, cache.Hits);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal((await first.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task OverKestrelAHitSendsTheWholePageWithItsLength()
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        var (_, cache) = await ReadyAsync(factory);
        // A page of many of Kestrel's 4 KB blocks, over a real socket, as the front cache writes it in one piece.
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = factory.CreateClient().BaseAddress,
        };

        var first = await client.GetAsync("/categories/industry");
        var second = await client.GetAsync("/categories/industry");
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/categories/industry"));

        Assert.Equal(2, cache.Hits);
        var page = await first.Content.ReadAsByteArrayAsync();
        Assert.True(page.Length > 40_000, $"{page.Length} bytes");
        Assert.Equal(page, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(page.Length, second.Content.Headers.ContentLength);
        Assert.Equal(page.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task ANewDataVersionIsNeverAnsweredWithTheOldPage()
    {
        var (client, cache) = await ReadyAsync(Factory);
        var state = Factory.Services.GetRequiredService<DataVersionState>();
        Assert.Contains("6,105亿元", await client.GetStringAsync("/indicators/gdp"));
        Assert.Contains("6,105亿元", await client.GetStringAsync("/indicators/gdp"));
        Assert.Equal(1, cache.Hits);

        var before = state.Current;
        await CorrectGdp2023ElsewhereAsync(6107m);
        await Until(() => state.Current > before);

        Assert.Contains("6,107亿元", await client.GetStringAsync("/indicators/gdp"));
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task ASignedInUserIsNeverAnsweredFromTheFrontCache()
    {
        var (client, cache) = await ReadyAsync(Factory);
        await client.GetStringAsync("/");
        await client.GetStringAsync("/");
        Assert.Equal(1, cache.Hits);

        var editor = await Accounts.SignedInAsync(Factory, Roles.Editor);
        var html = await editor.GetStringAsync("/");

        Assert.Contains("action=\"/account/logout\"", html);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task EachLanguageHasItsOwnEntry()
    {
        var (client, cache) = await ReadyAsync(Factory);
        Assert.Contains("<html lang=\"zh-CN\"", await client.GetStringAsync("/indicators/gdp"));

        var english = await client.GetStringAsync("/indicators/gdp?culture=en&ui-culture=en");
        var englishAgain = await client.GetStringAsync("/indicators/gdp?culture=en&ui-culture=en");
        async Task<string> ByCookie()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/gdp");
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
            return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        }
        var cookieEnglish = await ByCookie();
        var cookieEnglishAgain = await ByCookie();

        var invented = await client.GetStringAsync("/indicators/gdp?culture=xx&ui-culture=xx");
        var inventedAgain = await client.GetStringAsync("/indicators/gdp?culture=xx&ui-culture=xx");

        Assert.Contains("<html lang=\"en\"", english);
        Assert.Equal(english, englishAgain);
        Assert.Contains("<html lang=\"en\"", cookieEnglish);
        Assert.Equal(cookieEnglish, cookieEnglishAgain);
        Assert.Equal(invented, inventedAgain);
        // The second English page by query and the second by cookie; a culture that does not exist is never kept.
        Assert.Equal(2, cache.Hits);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ACompressedCopyIsMadeOnceAndDecodesToThePage(string encoding)
    {
        var (client, cache) = await ReadyAsync(Factory);
        var page = await client.GetByteArrayAsync("/categories/industry");

        HttpResponseMessage response;
        do
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/categories/industry");
            request.Headers.Add("Accept-Encoding", $"{encoding}, identity;q=0.5, zstd;q=0");
            var hitsBefore = cache.Hits;
            response = await client.SendAsync(request);
            if (cache.Hits > hitsBefore)
            {
                break;
            }
            await Task.Delay(10);
        }
        while (true);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < page.Length / 4, $"{compressed.Length} bytes compressed from {page.Length}");
        await using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(page, decoded.ToArray());
    }

    [Fact]
    public async Task AnswersFromTheFrontCacheAreLoggedLikeEveryOtherRequest()
    {
        var log = new CapturedLog();
        var factory = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Debug");
            builder.UseSetting("Logging:SlowRequestMilliseconds", "-1");
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(log));
        });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var state = factory.Services.GetRequiredService<DataVersionState>();
        await Until(() => state.Current is not null);

        await client.GetStringAsync("/indicators/gdp");
        await client.GetStringAsync("/indicators/gdp");

        Assert.Equal(1, factory.Services.GetRequiredService<FrontCache>().Hits);
        await Until(() => log.Requests("GET", "/indicators/gdp").Count == 2);
        // Every request is "slow" under a negative threshold, so both lines are warnings, the cached one included.
        Assert.All(log.Requests("GET", "/indicators/gdp"), line =>
        {
            Assert.Equal(LogEventLevel.Warning, line.Level);
            Assert.Equal(200, (int)((ScalarValue)line.Properties["StatusCode"]).Value!);
        });
    }

    /// <summary>Waits for a condition the app reaches asynchronously (a notification from PostgreSQL), for at most 10 seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not reached within 10 seconds.");
            await Task.Delay(10);
        }
    }
}
