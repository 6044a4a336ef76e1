using Serilog;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace Linyi.Dashboard.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Requests slower than this are logged at Warning even when they succeed.</summary>
    public const int DefaultSlowRequestMilliseconds = 500;

    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            // The host's own per-request scope (RequestId, RequestPath, ConnectionId) is opened for every request while
            // this logger is on at any level, cache hits included, and cost about a tenth of their throughput. Its lines
            // ("Request starting", "Request finished") were already below the configured level; UseRequestLogScope
            // gives every request its RequestId and RequestPath instead.
            .MinimumLevel.Override(HostingDiagnostics, LevelAlias.Off)
            .Enrich.FromLogContext());
        return builder;
    }

    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Puts RequestId (the reference the error page shows) and RequestPath on every event logged while the rest of the
    /// pipeline handles the request.
    /// </summary>
    public static WebApplication UseRequestLogScope(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using (LogContext.Push(new RequestScope(context.TraceIdentifier, context.Request.Path.Value ?? "/")))
            {
                await next(context);
            }
        });
        return app;
    }

    private sealed class RequestScope(string requestId, string requestPath) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
        {
            logEvent.AddPropertyIfAbsent(factory.CreateProperty("RequestId", requestId));
            logEvent.AddPropertyIfAbsent(factory.CreateProperty("RequestPath", requestPath));
        }
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
