using System.Threading.RateLimiting;
using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Linyi.Dashboard.Web.Accounts;

public enum SignInOutcome { Succeeded, Failed, Throttled }

/// <summary>Sign-in attempts per account, whoever makes them, so that many clients together cannot guess quickly either.</summary>
public sealed class AccountRateLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string email)
    {
        using var lease = limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Password sign-in that answers an unknown address, a wrong password and a locked account alike, in about the same time:
/// every attempt verifies one password hash, against a stand-in when there is no account or it is locked.
/// </summary>
public sealed partial class SignInService(UserManager<DashboardUser> users, SignInManager<DashboardUser> signIn, IPasswordHasher<DashboardUser> hasher,
    AccountRateLimiter accounts, ILogger<SignInService> logger)
{
    private static readonly DashboardUser StandIn = new() { UserName = "stand-in" };
    private static string? standInHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string? client)
    {
        if (!accounts.TryAcquire(email))
        {
            LogThrottled(logger, email, client);
            return SignInOutcome.Throttled;
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            standInHash ??= hasher.HashPassword(StandIn, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(StandIn, standInHash, password);
            if (user is null)
            {
                LogUnknown(logger, email, client);
            }
            else
            {
                LogWhileLocked(logger, email, client);
            }
            return SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, email, client);
        }
        else
        {
            LogWrongPassword(logger, email, client);
        }
        return SignInOutcome.Failed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {Email} from {Client} throttled: too many attempts on the account")]
    private static partial void LogThrottled(ILogger logger, string email, string? client);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in for unknown account {Email} from {Client}")]
    private static partial void LogUnknown(ILogger logger, string email, string? client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for locked account {Email} from {Client}")]
    private static partial void LogWhileLocked(ILogger logger, string email, string? client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Email} locked after repeated failed sign-ins, the last from {Client}; an administrator can unlock it at /admin/users")]
    private static partial void LogLockedOut(ILogger logger, string email, string? client);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrong password for {Email} from {Client}")]
    private static partial void LogWrongPassword(ILogger logger, string email, string? client);
}
