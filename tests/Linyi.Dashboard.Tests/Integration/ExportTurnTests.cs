using System.Data.Common;
using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Downloads that nobody reads hold no turn that other clients wait for; each client has a share and a deadline.</summary>
[Collection(LoggingCollection.Name)]
public class ExportTurnTests(TestDatabase database) : IntegrationTest(database)
{
    private const string AddressHeader = "X-Test-Address";

    protected override bool StartsFromSeeds => true;

    /// <summary>Gives each test client the remote address it names, as if it connected from there.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>Holds the next figures query once armed, until released: an export caught while its file is being built.</summary>
    private sealed class HeldQuery : DbCommandInterceptor
    {
        private int armed;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arm() => Interlocked.Exchange(ref armed, 1);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("observations", StringComparison.Ordinal) && Interlocked.Exchange(ref armed, 0) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }
            return result;
        }
    }

    private WebApplicationFactory<Program> WithAddresses(params (string Key, string Value)[] settings) => Factory.WithWebHostBuilder(b =>
    {
        b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>());
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    private static HttpClient From(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    [Fact]
    public async Task TwoStalledDownloadsDoNotHoldUpAnotherClientsDownload()
    {
        await using var factory = WithAddresses();
        var stalled = new List<HttpResponseMessage>();
        foreach (var address in new[] { "10.0.0.1", "10.0.0.2" })
        {
            // Never read: the server's writes wait on the full response pipe.
            stalled.Add(await From(factory, address).GetAsync("/export/csv?outside=true&history=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30)));
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var other = await From(factory, "10.0.0.3").GetAsync("/export/xlsx?region=junan", deadline.Token);
        var sameFile = await From(factory, "10.0.0.4").GetAsync("/export/csv?outside=true&history=true", deadline.Token);

        Assert.All(stalled, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await other.Content.ReadAsByteArrayAsync(deadline.Token)), false);
        Assert.NotNull(workbook.WorkbookPart);
        Assert.Equal(HttpStatusCode.OK, sameFile.StatusCode);
        Assert.StartsWith("indicator", (await sameFile.Content.ReadAsStringAsync(deadline.Token)).TrimStart('\uFEFF'), StringComparison.Ordinal);
        stalled.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task ADownloadNotTakenWithinTheDeadlineIsClosedAndFreesTheClientsShare()
    {
        var log = new CapturedLog();
        await using var factory = Factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:ExportSendSeconds", "1")
            .UseSetting("RateLimits:ExportsPerClient", "1")
            .ConfigureTestServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(log)));
        var client = factory.CreateClient();
        using var stalled = await client.GetAsync("/export/csv?outside=true&history=true", HttpCompletionOption.ResponseHeadersRead);

        await log.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Download {Path} not taken within", StringComparison.Ordinal));
        var next = await client.GetAsync("/export/xlsx?region=junan");

        Assert.Equal(HttpStatusCode.OK, stalled.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => stalled.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task OneClientGetsItsShareOfDownloadsAtOnceAndA429PastIt()
    {
        await using var factory = WithAddresses(("RateLimits:ExportsPerClient", "2"));
        var greedy = From(factory, "10.0.0.9");
        using var first = await greedy.GetAsync("/export/csv?outside=true&history=true", HttpCompletionOption.ResponseHeadersRead);
        using var second = await greedy.GetAsync("/export/csv?history=true", HttpCompletionOption.ResponseHeadersRead);

        var third = await greedy.GetAsync("/export/xlsx?region=junan");
        var someoneElse = await From(factory, "10.0.0.10").GetAsync("/export/xlsx?region=junan");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task ExportsBeyondTheTurnsAndTheQueueGetA503WithRetryAfter()
    {
        var held = new HeldQuery();
        await using var factory = Factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:ExportsAtOnce", "1")
            .UseSetting("RateLimits:ExportQueue", "0")
            .ConfigureTestServices(s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(held)));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/export/csv?region=junan")).StatusCode);

        held.Arm();
        var building = client.GetAsync("/export/csv?history=true&outside=true");
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await client.GetAsync("/export/xlsx");
        held.Release.SetResult();
        var first = await building.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task HeadOnAnExportAnswersWithoutRunningItOrStoringAnEmptyFile()
    {
        var held = new HeldQuery();
        await using var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(held)));
        var client = factory.CreateClient();
        held.Arm();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/export/csv?region=lanshan&year=2011"));
        var ranQuery = held.Entered.Task.IsCompleted;
        held.Release.SetResult();
        var get = await client.GetAsync("/export/csv?region=lanshan&year=2011");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/csv", head.Content.Headers.ContentType?.MediaType);
        Assert.False(ranQuery);
        Assert.True(held.Entered.Task.IsCompleted);
        Assert.StartsWith("indicator", (await get.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
