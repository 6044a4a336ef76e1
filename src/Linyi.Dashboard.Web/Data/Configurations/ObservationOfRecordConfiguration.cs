using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class ObservationOfRecordConfiguration : IEntityTypeConfiguration<ObservationOfRecord>
{
    public void Configure(EntityTypeBuilder<ObservationOfRecord> builder) => builder.ToView(ObservationsOfRecord.ViewName);
}
