using Linyi.Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Each test starts from an empty, migrated database and its own app instance.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class IntegrationTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    private DashboardFactory? factory;

    protected DashboardFactory Factory => factory ??= new DashboardFactory(Database.ConnectionString) { Clock = Clock };

    /// <summary>The clock the app reads; null for the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    protected HttpClient CreateClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>
    /// Another instance corrects the 2023 GDP figure: it writes the row and a new data version in one transaction, as
    /// every write path does, so that caches keyed on the version see the change.
    /// </summary>
    protected async Task CorrectGdp2023ElsewhereAsync(decimal value)
    {
        await using var db = Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Observations.Where(o => o.Indicator!.Code == "gdp" && o.StartYear == 2023).ExecuteUpdateAsync(o => o.SetProperty(x => x.Value, value));
        await db.BumpDataVersionAsync(default);
        await transaction.CommitAsync();
    }

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
