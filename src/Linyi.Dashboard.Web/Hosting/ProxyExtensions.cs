using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Linyi.Dashboard.Web.Hosting;

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None by default.</summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];
    public string[] KnownNetworks { get; set; } = [];
}

public static class ProxyExtensions
{
    /// <summary>
    /// Forwarded headers are honoured only from the configured addresses: from anyone else, a rotating X-Forwarded-For
    /// would give each request a fresh client address and so a fresh rate limit.
    /// </summary>
    public static IApplicationBuilder UseDashboardForwardedHeaders(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (settings.KnownProxies.Length == 0 && settings.KnownNetworks.Length == 0)
        {
            return app;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
        }
        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network such as 10.0.0.0/8."));
        }
        return app.UseForwardedHeaders(options);
    }
}
