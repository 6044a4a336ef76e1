using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>
/// Output caching for public pages, keyed on the data version that PostgreSQL notifies to every instance (or, while that
/// channel is down, reads per request), so an edit made through any instance is visible on every instance at once.
/// Signed-in users (whose pages differ) and responses that set cookies are never cached.
/// </summary>
/// <param name="enabled">False only to measure pages as a miss would serve them (OutputCache:Enabled, for scripts/bench.sh).</param>
public sealed class DataVersionCachePolicy(bool enabled = true) : IOutputCachePolicy
{
    public const string Name = "data-version";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true;
        var attempt = enabled && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt && anonymous;
        context.AllowCacheStorage = attempt && anonymous;
        context.AllowLocking = true;
        if (!context.AllowCacheLookup)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var version = services.GetRequiredService<DataVersionState>().Current
            ?? await services.GetRequiredService<DashboardDbContext>().DataVersions.AsNoTracking().Select(v => v.Version).FirstOrDefaultAsync(cancellation);
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<KnownQueryAttribute>() is { } known)
        {
            if (known.Unknown(request.Query) is not null)
            {
                // Answered with a 400 by the endpoint; never a cached 200 for an address that has an invented key.
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                return;
            }
            context.CacheVaryByRules.QueryKeys = known.Keys;
        }
        else
        {
            context.CacheVaryByRules.QueryKeys = "*";
        }
        context.CacheVaryByRules.VaryByValues["data-version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
