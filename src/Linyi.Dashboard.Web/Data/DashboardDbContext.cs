using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Data;

/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/Linyi.Dashboard.Web --output-dir Data/Migrations</c>
/// </remarks>
public class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<SourceDocument> Documents => Set<SourceDocument>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ObservationOfRecord> ObservationsOfRecord => Set<ObservationOfRecord>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>
    /// The data version as the database holds it now, and when it last moved: what a PDF or the admin home prints. Pages
    /// key their caches on <see cref="Serving.DataVersionState"/>, which follows this row by notification.
    /// </summary>
    public async Task<(long Version, DateTimeOffset? ChangedAt)> DataVersionAsync(CancellationToken cancellationToken)
    {
        var row = await DataVersions.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return (row?.Version ?? 0, row?.ChangedAt);
    }
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables AspNet*; keep every table snake_case like the rest.
        builder.Entity<DashboardUser>().ToTable("asp_net_users");
        builder.Entity<IdentityRole>().ToTable("asp_net_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("asp_net_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("asp_net_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("asp_net_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("asp_net_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("asp_net_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
        builder.Entity<IdentityRole>().HasData(
            new IdentityRole { Id = "role-editor", Name = Domain.Roles.Editor, NormalizedName = "EDITOR", ConcurrencyStamp = "role-editor" },
            new IdentityRole { Id = "role-admin", Name = Domain.Roles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "role-admin" });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<RegionKind>().HaveConversion<KebabEnumConverter<RegionKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<Measure>().HaveConversion<KebabEnumConverter<Measure>>().HaveMaxLength(16);
        configurationBuilder.Properties<Direction>().HaveConversion<KebabEnumConverter<Direction>>().HaveMaxLength(16);
        configurationBuilder.Properties<ChartType>().HaveConversion<KebabEnumConverter<ChartType>>().HaveMaxLength(16);
        configurationBuilder.Properties<ObservationKind>().HaveConversion<KebabEnumConverter<ObservationKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<Comparator>().HaveConversion<KebabEnumConverter<Comparator>>().HaveMaxLength(16);
        configurationBuilder.Properties<MilestoneKind>().HaveConversion<KebabEnumConverter<MilestoneKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<DocumentKind>().HaveConversion<KebabEnumConverter<DocumentKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<Vintage>().HaveConversion<KebabEnumConverter<Vintage>>().HaveMaxLength(16);
        configurationBuilder.Properties<PriceBasis>().HaveConversion<KebabEnumConverter<PriceBasis>>().HaveMaxLength(16);
        configurationBuilder.Properties<GoalShape>().HaveConversion<KebabEnumConverter<GoalShape>>().HaveMaxLength(16);
        configurationBuilder.Properties<AuditAction>().HaveConversion<KebabEnumConverter<AuditAction>>().HaveMaxLength(16);
        configurationBuilder.Properties<ChangeSource>().HaveConversion<KebabEnumConverter<ChangeSource>>().HaveMaxLength(16);
    }
}
