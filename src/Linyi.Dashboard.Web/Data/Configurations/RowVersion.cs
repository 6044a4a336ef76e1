using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linyi.Dashboard.Web.Data.Configurations;

public static class RowVersion
{
    /// <summary>The shadow property that holds PostgreSQL's xmin: edit forms carry it, and a save over a newer change fails.</summary>
    public const string Property = "Version";

    /// <summary>PostgreSQL's own row version (the xmin system column) as a concurrency token: no column to add or maintain.</summary>
    public static void HasRowVersion<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.Property<uint>(Property).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
}
