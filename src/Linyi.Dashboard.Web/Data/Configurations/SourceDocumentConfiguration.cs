using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.HasRowVersion();
        builder.ToTable("documents", t =>
        {
            t.HasCheckConstraint("ck_documents_published_on", "published_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'");
            t.HasCheckConstraint("ck_documents_kind", KebabEnum.CheckIn<DocumentKind>("kind"));
            t.HasCheckConstraint("ck_documents_url", "url IS NULL OR url ~ '^https?://[^[:space:]]+$'");
        });
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.TitleZh).HasMaxLength(256);
        builder.Property(d => d.TitleEn).HasMaxLength(256);
        builder.Property(d => d.Publisher).HasMaxLength(128);
        builder.Property(d => d.PublisherEn).HasMaxLength(128);
        builder.Property(d => d.PublishedOn).HasMaxLength(10);
        builder.Property(d => d.SourceFile).HasMaxLength(256);
        builder.Property(d => d.Url).HasMaxLength(1000);
        builder.Property(d => d.Reliability).HasMaxLength(1000);
        builder.Property(d => d.ReliabilityEn).HasMaxLength(1000);
    }
}
