using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(32);
        builder.Property(c => c.NameZh).HasMaxLength(64);
        builder.Property(c => c.NameEn).HasMaxLength(128);
        builder.ToTable(t => t.HasCheckConstraint("ck_categories_slug", "slug ~ '^[a-z][a-z0-9-]*$'"));
    }
}
