using System.Reflection;
using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Linyi.Dashboard.Web.Accounts.Passwords;

/// <summary>
/// Rejects passwords that pass the length rule but guess in seconds: one character or a short pattern over and over,
/// and the 10,000 most common passwords (from @zxcvbn-ts/language-common, MIT; see scripts/common-passwords.sh).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<DashboardUser>
{
    public const string Repeated = "The password repeats one character or a short pattern. Choose a passphrase of several words.";
    public const string Common = "The password is one of the most common passwords. Choose a passphrase of several words.";

    private const int LongestPattern = 4;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<DashboardUser> manager, DashboardUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsRepeated(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRepeated", Description = Repeated }));
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = Common }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant());

    /// <summary>True when the whole password is a unit of up to four characters repeated ("aaaaaaaaaaaa", "abcabcabcabc").</summary>
    public static bool IsRepeated(string password)
    {
        for (var unit = 1; unit <= LongestPattern && unit * 2 <= password.Length; unit++)
        {
            var repeats = true;
            for (var i = unit; i < password.Length && repeats; i++)
            {
                repeats = password[i] == password[i % unit];
            }
            if (repeats)
            {
                return true;
            }
        }
        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
