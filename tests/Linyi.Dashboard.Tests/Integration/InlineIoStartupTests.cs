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
        // Information, for the host's "Application started" line, written once every hosted service has started.
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        using var app = new Process { StartInfo = start, EnableRaisingEvents = true };
        var log = new System.Text.StringBuilder();
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.OutputDataReceived += (_, line) => Seen(line.Data);
        app.ErrorDataReceived += (_, line) => Seen(line.Data);
        app.Exited += (_, _) => started.TrySetResult(false);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            // A start takes about 5 seconds here, 15 on a loaded machine; the stalled one took over a minute.
            var ready = await started.Task.WaitAsync(TimeSpan.FromSeconds(40));
            Assert.True(ready, "The app exited during start-up: " + Output());
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

            var health = await client.GetAsync("/health/ready");
            var first = await client.GetAsync("/");
            var again = await client.GetAsync("/");
            var explorer = await client.GetAsync("/data?page=2");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.Contains("临沂", await again.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
            Assert.DoesNotContain("Hosting failed to start", Output());
        }
        catch (TimeoutException)
        {
            Assert.Fail("The app did not finish starting within 40 seconds: " + Output());
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
            await app.WaitForExitAsync();
        }

        void Seen(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(line);
            }
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult(true);
            }
        }

        string Output()
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
