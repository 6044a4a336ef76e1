using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasRowVersion();
        // One row per document's report of a figure (a vintage); the figure of record is kept in the observations_of_record table.
        builder.HasIndex(o => new { o.IndicatorId, o.RegionId, o.StartYear, o.EndYear, o.Kind, o.DocumentId }).IsUnique();
        builder.HasIndex(o => o.DocumentId);
        builder.HasIndex(o => new { o.RegionId, o.StartYear });
        builder.Property(o => o.Value).HasPrecision(20, 4);
        builder.Property(o => o.Section).HasMaxLength(128);
        builder.Property(o => o.NoteZh).HasMaxLength(1000);
        builder.Property(o => o.NoteEn).HasMaxLength(1000);
        builder.Ignore(o => o.Period);
        builder.HasOne(o => o.Indicator).WithMany(i => i.Observations).HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Document).WithMany().HasForeignKey(o => o.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_observations_period", $"start_year BETWEEN {Period.MinYear} AND {Period.MaxYear} AND end_year BETWEEN start_year AND {Period.MaxYear}");
            t.HasCheckConstraint("ck_observations_kind", KebabEnum.CheckIn<ObservationKind>("kind"));
            t.HasCheckConstraint("ck_observations_comparator", KebabEnum.CheckIn<Comparator>("comparator"));
            t.HasCheckConstraint("ck_observations_vintage", KebabEnum.CheckIn<Vintage>("vintage"));
            t.HasCheckConstraint("ck_observations_section", "length(trim(section)) > 0");
            t.HasCheckConstraint("ck_observations_shape", $"(kind = 'actual' AND shape IS NULL) OR (kind <> 'actual' AND {KebabEnum.CheckIn<GoalShape>("shape")})");
        });
    }
}
