using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>
/// The app as its own process, as scripts/run.sh starts it, with inline socket completions on (the test runner keeps them
/// off for itself, so only a separate process has them). On an empty database, start-up migrates, seeds and then reads
/// the key ring synchronously: without the thread-pool context around the host, that read ran on an event thread and
/// waited there for that very thread until PostgreSQL's command timeout, and start-up took over a minute instead of seconds.
/// </summary>
public class InlineIoStartupTests(TestDatabase database) : IntegrationTest(database)
{
    [Fact]
    public async Task TheAppStartsOnAnEmptyDatabaseAndServesPagesWithInlineIo()
    {
        var port = FreePort();
        var web = typeof(Program).Assembly.Location;
        var contentRoot = Path.Combine(TestDatabase.RepositoryRoot, "src", "Linyi.Dashboard.Web");
        var start = new ProcessStartInfo("dotnet", [web])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Dashboard"] = Database.ConnectionString;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Database__SeedOnStartup"] = "true";
        start.Environment["Database__SeedPath"] = TestDatabase.SeedsDirectory;
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Pdf__WarmOnStartup"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            // A start takes about 5 seconds here, 15 on a loaded machine; the stalled one took over a minute.
            var ready = await ReadyAsync(client, app, TimeSpan.FromSeconds(40));
            Assert.True(ready, "The app did not become ready within 40 seconds.");

            var first = await client.GetAsync("/");
            var again = await client.GetAsync("/");
            var explorer = await client.GetAsync("/data?page=2");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.Contains("临沂", await again.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
            await app.WaitForExitAsync();
            // The output is read to the end either way, so that a failure above comes with the app's own account.
            var log = await output + await errors;
            Assert.DoesNotContain("Hosting failed to start", log);
        }
    }

    /// <summary>Asks /health/ready until it answers 200, the process exits, or the time is up.</summary>
    private static async Task<bool> ReadyAsync(HttpClient client, Process app, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !app.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but start-up has not finished.
            }
            await Task.Delay(200);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
