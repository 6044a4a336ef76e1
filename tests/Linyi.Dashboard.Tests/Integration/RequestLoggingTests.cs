using System.Net;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace Linyi.Dashboard.Tests.Integration;

[Collection(LoggingCollection.Name)]
public class RequestLoggingTests(TestDatabase database) : IntegrationTest(database)
{
    private readonly CapturedLog log = new();

    /// <summary>The app at its production level (Information), with request lines below it captured too.</summary>
    private HttpClient Client(DashboardFactory factory, int? slowMilliseconds = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Debug");
            if (slowMilliseconds is not null)
            {
                builder.UseSetting("Logging:SlowRequestMilliseconds", slowMilliseconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(log));
        }).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    [Fact]
    public async Task AFastReadIsLoggedAtDebugOnlyAndAWriteAtInformation()
    {
        // A threshold no request here comes near, so that a first request slowed by compiling views stays "fast".
        var client = Client(Factory, slowMilliseconds: 60_000);

        var read = await client.GetAsync("/health/live");
        var write = await client.PostAsync("/account/login", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        var writeLine = await log.WaitForRequestAsync("POST", "/account/login");
        Assert.Equal(LogEventLevel.Information, writeLine.Level);
        Assert.Equal((int)write.StatusCode, (int)((ScalarValue)writeLine.Properties["StatusCode"]).Value!);
        var readLine = await log.WaitForRequestAsync("GET", "/health/live");
        Assert.Equal(LogEventLevel.Debug, readLine.Level);
        Assert.Single(log.Requests("GET", "/health/live"));
        Assert.Single(log.Requests("POST", "/account/login"));
    }

    [Fact]
    public async Task AReadSlowerThanTheThresholdIsLoggedAtWarning()
    {
        var client = Client(Factory, slowMilliseconds: 0);

        var read = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var line = await log.WaitForRequestAsync("GET", "/health/live");
        Assert.Equal(LogEventLevel.Warning, line.Level);
        Assert.Single(log.Requests("GET", "/health/live"));
    }

    [Fact]
    public async Task AFailedReadIsLoggedAtError()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = new DashboardFactory(unreachable);
        var client = Client(factory);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        var line = await log.WaitForRequestAsync("GET", "/");
        Assert.Equal(LogEventLevel.Error, line.Level);
        Assert.Single(log.Requests("GET", "/"));
        // The reference the error page gives the reader finds the line.
        var reference = Dom.Parse(await home.Content.ReadAsStringAsync()).QuerySelector("section.error-page .request-id code");
        Assert.True(reference is not null, "The error page shows no reference.");
        Assert.Equal(reference.TextContent, ((ScalarValue)line.Properties["RequestId"]).Value);
    }

    [Fact]
    public void TheHostsOwnPerRequestScopeIsOffAndErrorsAreStillLogged()
    {
        var loggers = Factory.WithWebHostBuilder(builder => builder.UseSetting("Serilog:MinimumLevel:Default", "Information"))
            .Services.GetRequiredService<ILoggerFactory>();

        // The host opens its scope for every request, cache hits included, whenever this logger is on at any level.
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware").IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Error));
    }
}
