using System.Net;
using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Accounts.Passwords;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Integration;

/// <summary>Sessions end when they should, sign-in tells nobody which accounts exist, and passwords are not guessable.</summary>
public class SessionAndAccountTests(TestDatabase database) : IntegrationTest(database)
{
    private const string English = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    /// <summary>Signs in through the form and returns the browser and a copy of its sign-in cookie, as an attacker would save it.</summary>
    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(WebApplicationFactory<Program> factory, string email, string? role)
    {
        await Accounts.CreateUserAsync(factory, email, role);
        var browser = Accounts.Browser(factory);
        var response = await Accounts.LoginAsync(browser, email, Accounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("linyi.auth=", StringComparison.Ordinal));
        return (browser, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private static async Task<HttpStatusCode> ReplayAsync(WebApplicationFactory<Program> factory, string cookie, string url = "/admin")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string>? fields = null, string tokenPage = "/admin")
    {
        var form = fields ?? [];
        form["__RequestVerificationToken"] = await Accounts.TokenAsync(client, tokenPage);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task SigningOutEndsASavedCopyOfTheSession()
    {
        var (browser, cookie) = await SignInAsync(Factory, "leaver@example.test", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(Factory, cookie));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, "/account/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
    }

    [Fact]
    public async Task ChangingThePasswordEndsOtherSessionsButNotThisOne()
    {
        var (browser, cookie) = await SignInAsync(Factory, "changer@example.test", Roles.Editor);
        var other = Accounts.Browser(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.LoginAsync(other, "changer@example.test", Accounts.Password)).StatusCode);

        var changed = await PostAsync(browser, "/account/password", new() { ["CurrentPassword"] = Accounts.Password, ["NewPassword"] = "a-new-and-longer-passphrase" }, "/account/password");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
    }

    [Fact]
    public async Task ARoleChangeEndsTheAccountsSessions()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var (_, cookie) = await SignInAsync(Factory, "promoted@example.test", Roles.Editor);

        var changed = await PostAsync(admin, $"/admin/users/{await UserIdAsync("promoted@example.test")}/role", new() { ["role"] = Roles.Admin });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.Equal(new[] { Roles.Admin }, await users.GetRolesAsync((await users.FindByEmailAsync("promoted@example.test"))!));
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionsAndRefusesTheirSignIn()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var (_, cookie) = await SignInAsync(Factory, "disabled@example.test", Roles.Editor);

        var disabled = await PostAsync(admin, $"/admin/users/{await UserIdAsync("disabled@example.test")}/disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginAsync(Accounts.Browser(Factory), "disabled@example.test", Accounts.Password)).StatusCode);
        Assert.Equal(("false", "true"), await UserStateAsync(admin, "disabled@example.test"));
    }

    [Fact]
    public async Task AnAdministratorCannotDemoteOrDisableTheirOwnAccount()
    {
        var (admin, _) = await SignInAsync(Factory, "only-admin@example.test", Roles.Admin);
        var id = await UserIdAsync("only-admin@example.test");

        var demoted = await PostAsync(admin, $"/admin/users/{id}/role", new() { ["role"] = Roles.Editor });
        var disabled = await PostAsync(admin, $"/admin/users/{id}/disable");

        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    /// <summary>The locked and disabled marks of a user's row in the administrator's list.</summary>
    private static async Task<(string? Locked, string? Disabled)> UserStateAsync(HttpClient admin, string email)
    {
        var row = Dom.Parse(await admin.GetStringAsync("/admin/users")).One($"tr[data-user='{email}']");
        return (row.GetAttribute("data-locked"), row.GetAttribute("data-disabled"));
    }

    /// <summary>The sentence each form error records (its English wording, whatever the page's language).</summary>
    private static List<string> FormErrors(string html) => Dom.Parse(html).One(".form-errors").Values("li", "data-message");

    [Fact]
    public async Task AnAdministratorResetsAPasswordAndTheOldPasswordAndSessionsStopWorking()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var (_, cookie) = await SignInAsync(Factory, "forgetful@example.test", Roles.Editor);
        var id = await UserIdAsync("forgetful@example.test");

        var weak = await PostAsync(admin, $"/admin/users/{id}/password", new() { ["password"] = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(Factory, cookie));

        var reset = await PostAsync(admin, $"/admin/users/{id}/password", new() { ["password"] = "a-fresh-and-long-passphrase" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginAsync(Accounts.Browser(Factory), "forgetful@example.test", Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.LoginAsync(Accounts.Browser(Factory), "forgetful@example.test", "a-fresh-and-long-passphrase")).StatusCode);
    }

    [Fact]
    public async Task DeletingAUserAsksFirstAndEndsTheirSessionsForGood()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        var (_, cookie) = await SignInAsync(Factory, "leaving@example.test", Roles.Editor);
        var id = await UserIdAsync("leaving@example.test");
        Assert.Null(Dom.Parse(await admin.GetStringAsync("/admin/users")).QuerySelector($"form[action='/admin/users/{id}/delete']"));
        Assert.NotNull(Dom.Parse(await admin.GetStringAsync($"/admin/users/{id}/delete")).One($"form[action='/admin/users/{id}/delete']"));

        var deleted = await PostAsync(admin, $"/admin/users/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(Factory, cookie));
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "leaving@example.test"));
    }

    [Fact]
    public async Task TheLastAdministratorCannotBeDeletedDemotedOrDisabled()
    {
        var (admin, _) = await SignInAsync(Factory, "last-admin@example.test", Roles.Admin);
        var id = await UserIdAsync("last-admin@example.test");

        foreach (var (url, fields) in new[] { ($"/admin/users/{id}/delete", new Dictionary<string, string>()), ($"/admin/users/{id}/role", new() { ["role"] = Roles.Editor }), ($"/admin/users/{id}/disable", []) })
        {
            var refused = await PostAsync(admin, url, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(id);
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        Assert.Null(user.LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task UnlockingEnablingAndReRolingAreEachOneClickForAnAdministrator()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        await Accounts.CreateUserAsync(Factory, "cycled@example.test", Roles.Editor);
        var id = await UserIdAsync("cycled@example.test");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/users/{id}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginAsync(Accounts.Browser(Factory), "cycled@example.test", Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/users/{id}/enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.LoginAsync(Accounts.Browser(Factory), "cycled@example.test", Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/users/{id}/role", new() { ["role"] = Roles.Admin })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/users/{id}/role", new() { ["role"] = Roles.Editor })).StatusCode);
        Assert.Equal(("false", "false"), await UserStateAsync(admin, "cycled@example.test"));
    }

    [Fact]
    public async Task UnknownAddressesWrongPasswordsAndLockedAccountsGetTheSameAnswer()
    {
        await Accounts.CreateUserAsync(Factory, "known@example.test", Roles.Admin);
        var client = Accounts.Browser(Factory);

        var unknown = await Accounts.LoginAsync(client, "unknown@example.test", "wrong-password-123");
        var wrong = await Accounts.LoginAsync(client, "known@example.test", "wrong-password-123");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Accounts.LoginAsync(client, "known@example.test", "wrong-password-123");
        }
        var locked = await Accounts.LoginAsync(client, "known@example.test", Accounts.Password);

        Assert.All(new[] { unknown, wrong, locked }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answer = FormErrors(await unknown.Content.ReadAsStringAsync());
        Assert.NotEmpty(answer);
        Assert.Equal(answer, FormErrors(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(answer, FormErrors(await locked.Content.ReadAsStringAsync()));
    }

    /// <summary>Counts password-hash verifications: the costly step whose absence made unknown addresses answer fast.</summary>
    private sealed class CountingHasher : PasswordHasher<DashboardUser>
    {
        public static int Verifications;

        public override PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task EverySignInAttemptVerifiesOnePasswordHashWhetherOrNotTheAccountExists()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<DashboardUser>, CountingHasher>()));
        await Accounts.CreateUserAsync(factory, "timed@example.test", Roles.Editor);
        var client = Accounts.Browser(factory);

        async Task<int> VerificationsAsync(string email, string password)
        {
            var before = Volatile.Read(ref CountingHasher.Verifications);
            await Accounts.LoginAsync(client, email, password);
            return Volatile.Read(ref CountingHasher.Verifications) - before;
        }

        Assert.Equal(1, await VerificationsAsync("timed@example.test", "wrong-password-123"));
        Assert.Equal(1, await VerificationsAsync("nobody-here@example.test", "wrong-password-123"));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await VerificationsAsync("timed@example.test", "wrong-password-123");
        }
        Assert.Equal(1, await VerificationsAsync("timed@example.test", Accounts.Password));
    }

    [Fact]
    public async Task SignInsAreLimitedPerAccountWhicheverClientTries()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:LoginPerMinute", "100").UseSetting("RateLimits:LoginPerAccountPerMinute", "3"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginAsync(Accounts.Browser(factory), "target@example.test", "wrong-password-123")).StatusCode);
        }

        var limited = await Accounts.LoginAsync(Accounts.Browser(factory), "TARGET@example.test", "wrong-password-123");
        var otherAccount = await Accounts.LoginAsync(Accounts.Browser(factory), "someone-else@example.test", "wrong-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal("429", Dom.Parse(await limited.Content.ReadAsStringAsync()).One("section.error-page").GetAttribute("data-status"));
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task AnAdministratorCanUnlockALockedOutAccount()
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        await Accounts.CreateUserAsync(Factory, "locked@example.test", Roles.Editor);
        var client = Accounts.Browser(Factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Accounts.LoginAsync(client, "locked@example.test", "wrong-password-123");
        }
        Assert.Equal("true", (await UserStateAsync(admin, "locked@example.test")).Locked);

        var unlocked = await PostAsync(admin, $"/admin/users/{await UserIdAsync("locked@example.test")}/unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.LoginAsync(client, "locked@example.test", Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task RestartingWithTheBootstrapSettingsUnlocksTheFirstAdministrator()
    {
        await Accounts.CreateUserAsync(Factory, "first@example.test", Roles.Admin);
        await using (var db = Database.CreateContext())
        {
            await db.Users.Where(u => u.Email == "first@example.test").ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1)));
        }

        await using var restarted = new DashboardFactory(Database.ConnectionString).WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminEmail", "first@example.test").UseSetting("Bootstrap:AdminPassword", Accounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.LoginAsync(Accounts.Browser(restarted), "first@example.test", Accounts.Password)).StatusCode);
    }

    /// <summary>Makes every request come from 127.0.0.1, like a proxy on the same machine (the test server has no address).</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    private static async Task<HttpStatusCode> LoginFromAsync(HttpClient client, string forwardedFor)
    {
        var token = await Accounts.TokenAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = $"x{forwardedFor}@example.test", ["Password"] = "wrong-password-123", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task ForwardedForIsBelievedOnlyFromAConfiguredProxy(string? knownProxy, HttpStatusCode third)
    {
        await using var factory = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:LoginPerMinute", "2");
            if (knownProxy is not null)
            {
                b.UseSetting("ForwardedHeaders:KnownProxies:0", knownProxy);
            }
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromLoopback>());
        });
        var client = Accounts.Browser(factory);

        Assert.Equal(HttpStatusCode.OK, await LoginFromAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await LoginFromAsync(client, "203.0.113.2"));
        Assert.Equal(third, await LoginFromAsync(client, "203.0.113.3"));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", PasswordPolicy.Repeated)]
    [InlineData("abcabcabcabc", PasswordPolicy.Repeated)]
    [InlineData("1212121212121", PasswordPolicy.Repeated)]
    [InlineData("qwerty123456", PasswordPolicy.Common)]
    [InlineData("LeaveMeAlone", PasswordPolicy.Common)]
    [InlineData("password1234", PasswordPolicy.Common)]
    [InlineData("123456789012", PasswordPolicy.Common)]
    public async Task WeakPasswordsAreRefusedWithAReason(string password, string reason)
    {
        var admin = await Accounts.SignedInAsync(Factory, Roles.Admin);
        admin.DefaultRequestHeaders.Add("Cookie", English);

        var response = await PostAsync(admin, "/admin/users", new() { ["Email"] = "weak@example.test", ["Role"] = Roles.Editor, ["Password"] = password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, FormErrors(await response.Content.ReadAsStringAsync()));
        await using var db = Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "weak@example.test"));
    }

    [Fact]
    public void TheCommonPasswordListHoldsTenThousandPasswordsAndEveryLongOneAndAPassphrasePasses()
    {
        var list = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(TestDatabase.SeedsDirectory)!, "src", "Linyi.Dashboard.Web", "Accounts", "Passwords", "common-passwords.txt"));

        Assert.Equal(10_000, list.Take(10_000).Distinct().Count());
        Assert.True(list.Count(p => p.Length >= 12) >= 300);
        Assert.All(list.Take(50), p => Assert.True(PasswordPolicy.IsCommon(p), p));
        Assert.False(PasswordPolicy.IsCommon(Accounts.Password));
        Assert.False(PasswordPolicy.IsRepeated(Accounts.Password));
        Assert.False(PasswordPolicy.IsRepeated("abcdeabcdeabcde"));
    }

    [Fact]
    public async Task TheLoginRedirectIsRelativeWhateverTheHostHeaderSays()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Host = "evil.example";

        var response = await CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.ToString());
        Assert.StartsWith("/account/login?ReturnUrl=%2Fadmin", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task AllowedHostsRefusesOtherHostNames()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "dashboard.example"));
        var client = factory.CreateClient();

        using var ours = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "dashboard.example" } };
        using var theirs = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "evil.example" } };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ours)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(theirs)).StatusCode);
    }
}
