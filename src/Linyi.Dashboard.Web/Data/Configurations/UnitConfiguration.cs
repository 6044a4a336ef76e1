using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(16);
        builder.Property(u => u.NameEn).HasMaxLength(128);
        builder.Property(u => u.Dimension).HasMaxLength(32);
        builder.Property(u => u.ToBase).HasPrecision(28, 8);
        builder.ToTable(t => t.HasCheckConstraint("ck_units_to_base", "to_base > 0"));
    }
}
