using System.Threading.RateLimiting;
using Linyi.Dashboard.Web.Accounts.Passwords;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Exports;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Linyi.Dashboard.Web.Accounts;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int LoginPerMinute { get; set; } = 10;
    public int PdfPerMinute { get; set; } = 30;
    public int LoginPerAccountPerMinute { get; set; } = 10;

    /// <summary>CSV and XLSX files being built at once, across all clients; each holds a database reader and a file buffer.</summary>
    public int ExportsAtOnce { get; set; } = 2;

    /// <summary>Downloads allowed to wait for a turn; past that, 503 with Retry-After.</summary>
    public int ExportQueue { get; set; } = 8;

    /// <summary>Downloads one client (address) may have going at once, building or sending; past that, 429.</summary>
    public int ExportsPerClient { get; set; } = 2;

    /// <summary>How long sending a built file may take before the connection is closed.</summary>
    public int ExportSendSeconds { get; set; } = 300;
}

public static class SecurityExtensions
{
    public const string LoginPolicy = "login";
    public const string PdfPolicy = "pdf";

    /// <summary>Accounts in PostgreSQL (Identity), shared data-protection keys, role policies, antiforgery and rate limits.</summary>
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        AddAccounts(services);
        AddSessionCookies(services, RequiresHttps(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        // Several instances behind a load balancer decrypt each other's cookies with keys kept in PostgreSQL.
        services.AddDataProtection().PersistKeysToDbContext<DashboardDbContext>().SetApplicationName("linyi-dashboard");
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Editor, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
        AddRateLimits(services, configuration);
        services.AddSingleton<ExportGate>();
        ExportCachePolicy.Register(services);
        services.AddScoped<SignInService>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddHostedService<AdminBootstrap>();
        return services;
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentity<DashboardUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                // Length over composition rules: a long passphrase is stronger than a short mixed one.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IdentityWords>()
            .AddPasswordValidator<PasswordPolicy>();
        // Every request checks the cookie's security stamp, so sign-out, a new password, a new role or a disabled
        // account ends every session at once rather than when the cookie expires.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
    }

    private static void AddSessionCookies(IServiceCollection services, CookieSecurePolicy secure)
    {
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "linyi.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Relative, so that a forged Host header is never reflected into a Location header.
            options.Events.OnRedirectToLogin = context => RedirectRelative(context);
            options.Events.OnRedirectToAccessDenied = context => RedirectRelative(context);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "linyi.antiforgery";
            options.Cookie.SecurePolicy = secure;
        });
    }

    private static void AddRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginPolicy, context => PerClient(context, limits.LoginPerMinute));
            options.AddPolicy(PdfPolicy, context => PerClient(context, limits.PdfPerMinute));
            options.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, limits, cancellationToken);
        });
        services.AddSingleton(_ => new AccountRateLimiter(limits.LoginPerAccountPerMinute));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
    }

    /// <summary>
    /// A script asking for a PDF (the export button) gets the reason as ProblemDetails in the reader's language; a page
    /// request gets the 429 page.
    /// </summary>
    private static async ValueTask RejectAsync(HttpContext context, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
        if (policy == PdfPolicy && context.Request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true))
        {
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Words.Of("Too many PDF exports"),
                Detail = Words.Of("At most {0} PDFs a minute can be exported; please try again in a minute.", limits.PdfPerMinute),
            }, options: null, contentType: "application/problem+json", cancellationToken);
        }
    }

    /// <summary>
    /// HTTPS only (secure cookies, redirection, HSTS) outside Development, unless Security:RequireHttps is false: the run
    /// script serves plain HTTP on the loopback interface, where a TLS-terminating proxy is not in front.
    /// </summary>
    public static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:RequireHttps", !environment.IsDevelopment());

    private static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        var uri = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(uri.IsAbsoluteUri ? uri.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
