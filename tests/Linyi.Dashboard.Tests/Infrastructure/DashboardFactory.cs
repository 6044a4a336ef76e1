using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>The app as configured in Production, pointed at the test database.</summary>
public sealed class DashboardFactory(string connectionString) : WebApplicationFactory<Program>
{
    /// <summary>Replaces the system clock, for tests of verdicts that depend on today's date.</summary>
    public TimeProvider? Clock { get; init; }

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
        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
