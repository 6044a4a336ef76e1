using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("data_version", t => t.HasCheckConstraint("ck_data_version_singleton", $"id = {DataVersion.SingletonId}"));
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
