using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasRowVersion();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.NameZh).HasMaxLength(128);
        builder.Property(i => i.NameEn).HasMaxLength(256);
        builder.Property(i => i.UnitEn).HasMaxLength(128);
        builder.Property(i => i.DescriptionZh).HasMaxLength(1000);
        builder.Property(i => i.DescriptionEn).HasMaxLength(2000);
        builder.Property(i => i.AxisMin).HasPrecision(20, 4);
        builder.Property(i => i.AxisMax).HasPrecision(20, 4);
        builder.HasOne(i => i.Category).WithMany(c => c.Indicators).HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.GrowthOf).WithMany().HasForeignKey(i => i.GrowthOfId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_indicators_code", "code ~ '^[a-z][a-z0-9_]*$'");
            t.HasCheckConstraint("ck_indicators_precision", "precision BETWEEN 0 AND 4");
            t.HasCheckConstraint("ck_indicators_measure", KebabEnum.CheckIn<Measure>("measure"));
            t.HasCheckConstraint("ck_indicators_direction", KebabEnum.CheckIn<Direction>("direction"));
            t.HasCheckConstraint("ck_indicators_chart", KebabEnum.CheckIn<ChartType>("chart"));
            t.HasCheckConstraint("ck_indicators_axis", "axis_min IS NULL OR axis_max IS NULL OR axis_min < axis_max");
            t.HasCheckConstraint("ck_indicators_growth_of", "growth_of_id IS NULL OR (growth_of_id <> id AND measure = 'growth')");
        });
    }
}
