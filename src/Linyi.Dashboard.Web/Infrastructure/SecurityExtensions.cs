using System.Threading.RateLimiting;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Linyi.Dashboard.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int LoginPerMinute { get; set; } = 10;
    public int PdfPerMinute { get; set; } = 30;
}

public static class SecurityExtensions
{
    public const string LoginPolicy = "login";
    public const string PdfPolicy = "pdf";

    /// <summary>Accounts in PostgreSQL (Identity), shared data-protection keys, role policies, antiforgery and rate limits.</summary>
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<DashboardUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddDefaultTokenProviders();
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
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
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "linyi.antiforgery";
            options.Cookie.SecurePolicy = secure;
        });
        // Several instances behind a load balancer decrypt each other's cookies with keys kept in PostgreSQL.
        services.AddDataProtection().PersistKeysToDbContext<DashboardDbContext>().SetApplicationName("linyi-dashboard");
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Editor, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));

        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginPolicy, context => PerClient(context, limits.LoginPerMinute));
            options.AddPolicy(PdfPolicy, context => PerClient(context, limits.PdfPerMinute));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddHostedService<AdminBootstrap>();
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
