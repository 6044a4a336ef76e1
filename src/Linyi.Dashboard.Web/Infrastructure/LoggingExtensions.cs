using Serilog;

namespace Linyi.Dashboard.Web.Infrastructure;

public static class LoggingExtensions
{
    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
