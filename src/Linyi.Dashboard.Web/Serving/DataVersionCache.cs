using System.Globalization;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Features.Api;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Serving;

/// <summary>
/// The one page cache: ASP.NET Core's output cache for public pages, keyed on the data version that PostgreSQL announces
/// to every instance (and that each instance also reads every 30 s), so a change made anywhere is visible on every
/// instance at once. The key is the lower-cased path, the endpoint's known query keys in a fixed order, the resolved
/// culture and the version; never the Host header, so invented hosts cannot crowd it. The store is bounded and evicts.
/// Signed-in users (whose pages differ) and responses that set cookies are never cached.
/// <para>
/// It runs right after routing, before request logging, compression, CORS, localization, rate limiting and
/// authentication, so a hit skips them: who is signed in is told by the sign-in cookie or an Authorization header (and
/// checked again before a response is stored), the culture is resolved here by the same providers, the entry is stored
/// compressed once per encoding the compression middleware would choose, and CORS varies only on whether an Origin was
/// sent (the API allows any origin).
/// </para>
/// </summary>
/// <param name="enabled">False only to measure pages as a miss would serve them (OutputCache:Enabled, for scripts/bench.sh).</param>
public sealed class DataVersionCachePolicy(
    bool enabled, DataVersionState state, IResponseCompressionProvider compression, IOptions<RequestLocalizationOptions> localization)
    : IOutputCachePolicy
{
    public const string Name = "data-version";

    public static DataVersionCachePolicy Create(IServiceProvider services) => new(
        services.GetRequiredService<IConfiguration>().GetValue("OutputCache:Enabled", true),
        services.GetRequiredService<DataVersionState>(),
        services.GetRequiredService<IResponseCompressionProvider>(),
        services.GetRequiredService<IOptions<RequestLocalizationOptions>>());

    /// <summary>The sign-in cookie's name (SecurityExtensions), and the prefix of its chunks.</summary>
    private const string AuthCookie = "linyi.auth";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = !Credentials(request);
        // While the version is unknown (start-up, or the database out of reach), pages render and are not kept.
        var version = state.Current;
        var attempt = enabled && version is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt && anonymous;
        context.AllowCacheStorage = attempt && anonymous;
        context.AllowLocking = true;
        if (!context.AllowCacheLookup)
        {
            return;
        }
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
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["data-version"] = version!.Value.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = await CultureAsync(context.HttpContext);
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.CheckRequestAcceptsCompression(context.HttpContext)
            ? compression.GetCompressionProvider(context.HttpContext)?.EncodingName ?? "identity"
            : "identity";
        context.CacheVaryByRules.VaryByValues["cors"] = string.IsNullOrEmpty(request.Headers.Origin) ? "0" : "1";
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    private static bool Credentials(HttpRequest request)
    {
        if (!string.IsNullOrEmpty(request.Headers.Authorization))
        {
            return true;
        }
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(AuthCookie, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The UI culture the localization middleware will pick, by its own providers, or the default.</summary>
    private async ValueTask<string> CultureAsync(HttpContext context)
    {
        var options = localization.Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            if (await provider.DetermineProviderCultureResult(context) is not { } result)
            {
                continue;
            }
            foreach (var name in result.UICultures)
            {
                if (options.SupportedUICultures?.FirstOrDefault(c => c.Name.Equals(name.Value, StringComparison.OrdinalIgnoreCase)) is { } supported)
                {
                    return supported.Name;
                }
            }
        }
        return options.DefaultRequestCulture.UICulture.Name;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0 || context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

public static class CanonicalPagePaths
{
    /// <summary>
    /// Cached pages have one address: a read of one in other letter case (<c>/INDICATORS/gdp</c>) is redirected to the
    /// lower-case path, so it is neither a second cache entry nor a page that answers differently when not cached.
    /// </summary>
    public static IApplicationBuilder UseCanonicalPagePaths(this IApplicationBuilder app) =>
        app.Use(next => context =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.Value is { } path && path.Any(char.IsAsciiLetterUpper)
                && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == DataVersionCachePolicy.Name)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase.Add(new PathString(path.ToLowerInvariant())) + request.QueryString;
                return Task.CompletedTask;
            }
            return next(context);
        });
}
