using Linyi.Dashboard.Tests.Infrastructure;
using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Linyi.Dashboard.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port over the seeded test database, and Debian's Chromium driven by Playwright.
/// Each test opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private static readonly Lock Starting = new();

    private readonly TestDatabase database = new();
    private AppFactory? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public TestDatabase Database => database;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        factory = new AppFactory(database.ConnectionString);
        factory.UseKestrel(0);
        // Program sets Serilog's static bootstrap logger and each host freezes the one it finds: the two collections'
        // apps start one after the other.
        lock (Starting)
        {
            factory.StartServer();
        }
        BaseAddress = factory.CreateClient().BaseAddress!;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
        });
    }

    /// <summary>Saves a full-page screenshot when LINYI_SCREENSHOTS names a folder (scripts/screenshots.sh sets docs/images).</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("LINYI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
        }
    }

    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale ?? "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private sealed class AppFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Dashboard", connectionString);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Pdf:WarmOnStartup", "false");
            builder.UseSetting("Security:RequireHttps", "false");
        }
    }
}

/// <summary>
/// The journeys that change data, and the checks over every page: one app, one seeded database and one Chromium, one
/// class at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>
/// The journeys that only read, beside <see cref="BrowserCollection"/>: an app, a database and a Chromium of their own,
/// so that nothing the other collection writes is seen here.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadingCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser-reading";
}
