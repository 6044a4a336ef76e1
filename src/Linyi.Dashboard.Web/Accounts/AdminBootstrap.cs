using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Accounts;

/// <summary>The first administrator comes from the environment (Bootstrap__AdminEmail, Bootstrap__AdminPassword). There is no default account.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

public sealed partial class AdminBootstrap(IServiceProvider services, IOptions<BootstrapOptions> options, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AdminEmail) || string.IsNullOrEmpty(settings.AdminPassword))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByEmailAsync(settings.AdminEmail) is { } existing)
        {
            if (!await users.IsInRoleAsync(existing, Roles.Admin))
            {
                await users.AddToRoleAsync(existing, Roles.Admin);
            }
            // The last resort when every administrator is locked out or disabled: restart with these settings.
            if (existing.LockoutEnd is not null || existing.AccessFailedCount > 0)
            {
                await users.SetLockoutEndDateAsync(existing, null);
                await users.ResetAccessFailedCountAsync(existing);
                LogUnlocked(logger, settings.AdminEmail);
            }
            return;
        }
        var user = new DashboardUser { UserName = settings.AdminEmail, Email = settings.AdminEmail, EmailConfirmed = true };
        var created = await users.CreateAsync(user, settings.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        LogCreated(logger, settings.AdminEmail);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unlocked the administrator {Email} named in Bootstrap:AdminEmail")]
    private static partial void LogUnlocked(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
