namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Each test starts from an empty, migrated database and its own app instance.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class IntegrationTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    private DashboardFactory? factory;

    protected DashboardFactory Factory => factory ??= new DashboardFactory(Database.ConnectionString);

    protected HttpClient CreateClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
