using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", t =>
        {
            t.HasCheckConstraint("ck_audit_entries_action", KebabEnum.CheckIn<AuditAction>("action"));
            t.HasCheckConstraint("ck_audit_entries_source", KebabEnum.CheckIn<ChangeSource>("source"));
        });
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Entity).HasMaxLength(32);
        builder.Property(a => a.EntityKey).HasMaxLength(256);
        builder.Property(a => a.OldValues).HasColumnType("jsonb");
        builder.Property(a => a.NewValues).HasColumnType("jsonb");
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Entity, a.EntityKey });
    }
}
