using System.Net;
using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Signed-in clients for the roles, and antiforgery tokens read from real forms.</summary>
public static class Accounts
{
    public const string Password = "correct-horse-battery-staple";

    public static HttpClient Browser(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    public static async Task CreateUserAsync(WebApplicationFactory<Program> factory, string email, string? role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A client signed in through the real login form as a new user with <paramref name="role"/> (null: no role).</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string? role)
    {
        var email = $"{role?.ToLowerInvariant() ?? "reader"}-{Guid.NewGuid():N}@example.test";
        await CreateUserAsync(factory, email, role);
        var client = Browser(factory);
        var response = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> TokenAsync(HttpClient client, string pageWithForm)
    {
        var token = Dom.Parse(await client.GetStringAsync(pageWithForm)).QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.True(!string.IsNullOrEmpty(token), $"No antiforgery token on {pageWithForm}.");
        return token;
    }
}
