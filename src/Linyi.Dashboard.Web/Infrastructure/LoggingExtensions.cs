using Serilog;
using Serilog.Events;

namespace Linyi.Dashboard.Web.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Requests slower than this are logged at Warning even when they succeed.</summary>
    public const int DefaultSlowRequestMilliseconds = 500;

    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    /// <summary>
    /// One structured line per request that someone will want to read later (failures, slow requests and every write);
    /// fast successful reads, which are nearly all cache hits, go to Debug, because writing a console line for each of
    /// them cost about a quarter of the cached pages' throughput.
    /// </summary>
    public static WebApplication UseDashboardRequestLogging(this WebApplication app)
    {
        var slow = app.Configuration.GetValue("Logging:SlowRequestMilliseconds", DefaultSlowRequestMilliseconds);
        app.UseSerilogRequestLogging(options =>
            options.GetLevel = (context, elapsed, exception) =>
                RequestLevel(context.Request.Method, context.Response.StatusCode, elapsed, exception, slow));
        return app;
    }

    public static LogEventLevel RequestLevel(string method, int status, double elapsedMilliseconds, Exception? exception, int slowMilliseconds)
    {
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (elapsedMilliseconds > slowMilliseconds)
        {
            return LogEventLevel.Warning;
        }

        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return read && status < StatusCodes.Status400BadRequest ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
