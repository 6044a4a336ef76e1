using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linyi.Dashboard.Web.Data;

public static class DatabaseExtensions
{
    public static IServiceCollection AddDashboardDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Dashboard");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Dashboard is not set (environment: ConnectionStrings__Dashboard).");
        }
        services.AddDbContextPool<DashboardDbContext>((provider, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DatabaseInitializer>();
        services.AddOptions<DataVersionOptions>().BindConfiguration(DataVersionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataVersionState>();
        services.AddHostedService<DataVersionListener>();
        services.AddHealthChecks().AddDbContextCheck<DashboardDbContext>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
