using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Linyi.Dashboard.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database or app host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Dashboard") ?? "Host=127.0.0.1;Database=linyi_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
