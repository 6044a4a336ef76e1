using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasRowVersion();
        builder.HasIndex(m => new { m.RegionId, m.StartYear, m.EndYear, m.TitleZh }).IsUnique();
        builder.Property(m => m.TitleZh).HasMaxLength(200);
        builder.Property(m => m.TitleEn).HasMaxLength(400);
        builder.Property(m => m.Section).HasMaxLength(128);
        builder.Ignore(m => m.Period);
        builder.HasOne(m => m.Region).WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Category).WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Document).WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_milestones_period", $"start_year BETWEEN {Period.MinYear} AND {Period.MaxYear} AND end_year BETWEEN start_year AND {Period.MaxYear}");
            t.HasCheckConstraint("ck_milestones_kind", KebabEnum.CheckIn<MilestoneKind>("kind"));
            t.HasCheckConstraint("ck_milestones_section", "length(trim(section)) > 0");
        });
    }
}
