using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.AspNetCore;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>The app as configured in Production, pointed at the test database.</summary>
public sealed class DashboardFactory(string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>
    /// Apps start one at a time in this process: Program sets Serilog's static bootstrap logger and each host freezes
    /// the one it finds, so two hosts starting at once could both find, and freeze, the same one.
    /// </summary>
    private static readonly Lock Starting = new();

    /// <summary>Replaces the system clock, for tests of verdicts that depend on today's date.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Who started the app, for <see cref="FixtureTimings"/>.</summary>
    public string Owner { get; init; } = nameof(DashboardFactory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedOnStartup", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Most tests never export a PDF; those that do start Chromium on their first export.
        builder.UseSetting("Pdf:WarmOnStartup", "false");
        // Tests that count round trips must not see the background pass over the overview; DataChangeTests turns it on.
        builder.UseSetting("Overview:WarmAfterChanges", "false");
        // Request lines go to this app's own logger, not through Serilog's static one, which Program closes as its entry
        // point returns (WebApplicationFactory stops it once the host is built) and which any other app started here replaces.
        builder.ConfigureServices(services =>
        {
            services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
            // Production keeps Identity's 100,000 rounds; the tests count hashes, not their cost.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1000);
        });
        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var started = FixtureTimings.Start();
        lock (Starting)
        {
            FixtureTimings.Record(Owner, "app-start-wait", started);
            started = FixtureTimings.Start();
            var host = base.CreateHost(builder);
            FixtureTimings.Record(Owner, "app-start", started);
            return host;
        }
    }
}
