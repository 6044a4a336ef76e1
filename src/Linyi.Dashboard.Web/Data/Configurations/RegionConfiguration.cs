using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasIndex(r => r.AdminCode).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(32);
        builder.Property(r => r.NameZh).HasMaxLength(64);
        builder.Property(r => r.NameEn).HasMaxLength(128);
        builder.Property(r => r.AdminCode).HasMaxLength(6).IsFixedLength();
        builder.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_regions_slug", "slug ~ '^[a-z][a-z0-9-]*$'");
            t.HasCheckConstraint("ck_regions_kind", KebabEnum.CheckIn<RegionKind>("kind"));
            t.HasCheckConstraint("ck_regions_admin_code", "admin_code IS NULL OR admin_code ~ '^[0-9]{6}$'");
        });
    }
}
