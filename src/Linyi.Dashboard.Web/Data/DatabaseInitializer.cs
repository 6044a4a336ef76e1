using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Data;

/// <summary>Migrates and seeds before the server accepts requests, when configured to. A failure stops the app.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.MigrateOnStartup && !settings.SeedOnStartup)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        try
        {
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database migrations applied");
            }
            if (settings.SeedOnStartup)
            {
                var seeds = SeedReader.ReadDirectory(settings.SeedPath);
                var result = await new SeedLoader(db).LoadAsync(seeds, cancellationToken);
                logger.LogInformation("Seeds loaded from {SeedPath}: {Added} added, {Updated} updated, {Removed} retired, {Unchanged} unchanged",
                    settings.SeedPath, result.Added, result.Updated, result.Removed, result.Unchanged);
            }
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Database initialization failed");
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
