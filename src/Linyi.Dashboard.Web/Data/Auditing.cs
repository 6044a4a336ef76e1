using System.Text.Json;
using System.Text.Json.Serialization;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Linyi.Dashboard.Web.Data;

/// <summary>Who is changing the figures, and how; a revert names the entry it takes back.</summary>
public sealed record AuditScope(string UserName, ChangeSource Source, Guid? ImportId = null, long? RevertOf = null);

public static class Auditing
{
    public static JsonSerializerOptions JsonOptions => Json;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record Pending(EntityEntry Entry, AuditAction Action, string Entity, string Key, string? Old);

    /// <summary>
    /// Saves the tracked changes and, in the same transaction, one audit entry per changed figure, indicator, milestone or
    /// document (with old and new values); the database's triggers bump the data version. Either all of it is committed or none.
    /// </summary>
    public static async Task<int> SaveAuditedChangesAsync(this DashboardDbContext db, AuditScope scope, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (await DescribeAsync(db, entry, cancellationToken) is { } described)
            {
                var action = entry.State switch { EntityState.Added => AuditAction.Create, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update };
                pending.Add(new Pending(entry, action, described.Entity, described.Key, action == AuditAction.Create ? null : Snapshot(entry, original: true)));
            }
        }
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await db.SaveChangesAsync(cancellationToken);
            if (pending.Count > 0)
            {
                var now = DateTimeOffset.UtcNow;
                db.AuditEntries.AddRange(pending.Select(p => new AuditEntry
                {
                    At = now,
                    UserName = scope.UserName,
                    Action = p.Action,
                    Entity = p.Entity,
                    EntityKey = p.Key,
                    OldValues = p.Old,
                    NewValues = p.Action == AuditAction.Delete ? null : Snapshot(p.Entry, original: false),
                    Source = scope.Source,
                    ImportId = scope.ImportId,
                    RevertOf = scope.RevertOf,
                }));
                await db.SaveChangesAsync(cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    public static string Snapshot(EntityEntry entry, bool original) =>
        JsonSerializer.Serialize(
            entry.Properties.Where(p => !p.Metadata.IsShadowProperty()).ToDictionary(p => p.Metadata.Name, p => Plain(original ? p.OriginalValue : p.CurrentValue)),
            Json);

    /// <summary>Decimals as stated (6105, not 6105.0000 from the numeric column).</summary>
    private static object? Plain(object? value) => value is decimal d ? d.Trimmed() : value;

    /// <summary>The audited entity's name and natural key, read before saving so that deleted rows can still be named.</summary>
    private static async Task<(string Entity, string Key)?> DescribeAsync(DashboardDbContext db, EntityEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Entity)
        {
            case Observation o:
                var indicator = o.Indicator?.Code ?? (await db.Indicators.FindAsync([o.IndicatorId], cancellationToken))?.Code;
                var region = o.Region?.Slug ?? (await db.Regions.FindAsync([o.RegionId], cancellationToken))?.Slug;
                var document = o.Document?.Code ?? (await db.Documents.FindAsync([o.DocumentId], cancellationToken))?.Code;
                return ("observation", new ObservationKey(indicator ?? "", region ?? "", o.Period, o.Kind).WithDocument(document ?? ""));
            case Indicator i:
                return ("indicator", i.Code);
            case Milestone m:
                var milestoneRegion = m.Region?.Slug ?? (await db.Regions.FindAsync([m.RegionId], cancellationToken))?.Slug;
                return ("milestone", $"{milestoneRegion}/{m.Period}/{m.TitleZh}");
            case SourceDocument d:
                return ("document", d.Code);
            default:
                return null;
        }
    }
}
