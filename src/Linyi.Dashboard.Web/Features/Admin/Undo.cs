using System.Text.Json;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linyi.Dashboard.Web.Features.Admin;

public sealed record RevertViewModel(string Action, IReadOnlyList<AuditLine> Entries, string? Error);

public sealed record RevertOutcome(bool Found, IReadOnlyList<AuditLine> Entries, string? Error);

/// <summary>
/// Takes back a change from the audit trail, or every change of one import, as a new audited change. A change is taken
/// back only while the record still is as that change left it; otherwise the later change has to be taken back first.
/// </summary>
public sealed class Undo(DashboardDbContext db, AuditPresenter presenter, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text)
{
    public const string ChangedSince = "{0} has changed since; take back the later change first";
    public const string AlreadyGone = "{0} no longer exists";
    public const string AlreadyBack = "{0} exists again";
    public const string Blocked = "{0} cannot be restored: a record it refers to has been deleted, or another record now has its key";

    public async Task<IReadOnlyList<AuditLine>> EntryAsync(long id, CancellationToken cancellationToken) =>
        await presenter.LinesAsync(await db.AuditEntries.AsNoTracking().Where(a => a.Id == id && a.Source != ChangeSource.Seed).ToListAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<AuditLine>> ImportEntriesAsync(Guid importId, CancellationToken cancellationToken) =>
        await presenter.LinesAsync(await ImportChangesAsync(importId, cancellationToken), cancellationToken);

    public async Task<RevertOutcome> RevertEntryAsync(long id, string user, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Source != ChangeSource.Seed, cancellationToken);
        return entry is null ? new RevertOutcome(false, [], null) : await RevertAsync([entry], user, null, cancellationToken);
    }

    public async Task<RevertOutcome> RevertImportAsync(Guid importId, string user, CancellationToken cancellationToken)
    {
        var entries = await ImportChangesAsync(importId, cancellationToken);
        return entries.Count == 0 ? new RevertOutcome(false, [], null) : await RevertAsync(entries, user, importId, cancellationToken);
    }

    private Task<List<AuditEntry>> ImportChangesAsync(Guid importId, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().Where(a => a.ImportId == importId && a.Source == ChangeSource.Import).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Takes the entries back newest first, each as its own audited change, all in one transaction or none.</summary>
    private async Task<RevertOutcome> RevertAsync(IReadOnlyList<AuditEntry> entries, string user, Guid? importId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        foreach (var entry in entries)
        {
            string? error;
            try
            {
                error = await TakeBackAsync(entry, cancellationToken);
                if (error is null)
                {
                    await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Revert, importId, entry.Id), cancellationToken);
                }
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation })
            {
                error = Message(Blocked, entry);
            }
            if (error is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new RevertOutcome(true, await presenter.LinesAsync(entries, cancellationToken), error);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new RevertOutcome(true, [], null);
    }

    private async Task<string?> TakeBackAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var type = EntityType(entry.Entity);
        var values = Parse(entry.Action == AuditAction.Create ? entry.NewValues : entry.OldValues);
        var id = Convert.ChangeType(values["id"].ToString(), type.FindPrimaryKey()!.Properties[0].ClrType, System.Globalization.CultureInfo.InvariantCulture);
        var current = await db.FindAsync(type.ClrType, [id], cancellationToken);
        if (entry.Action == AuditAction.Delete)
        {
            if (current is not null)
            {
                return Message(AlreadyBack, entry);
            }
            db.Add(Activator.CreateInstance(type.ClrType)!.Fill(type, values));
            return null;
        }
        if (current is null)
        {
            return Message(AlreadyGone, entry);
        }
        var tracked = db.Entry(current);
        var now = Parse(Auditing.Snapshot(tracked, original: false));
        var after = Parse(entry.NewValues);
        if (after.Any(p => !now.TryGetValue(p.Key, out var value) || !Same(value, p.Value)))
        {
            return Message(ChangedSince, entry);
        }
        if (entry.Action == AuditAction.Create)
        {
            db.Remove(current);
        }
        else
        {
            current.Fill(type, values);
        }
        return null;
    }

    /// <summary>Equal values, whether or not the text was escaped (jsonb keeps 临沂, the serializer writes \u4E34\u6C82).</summary>
    private static bool Same(JsonElement a, JsonElement b) => (a.ValueKind, b.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => a.GetString() == b.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => a.GetDecimal() == b.GetDecimal(),
        _ => a.GetRawText() == b.GetRawText(),
    };

    private string Message(string format, AuditEntry entry) => text[format, Name(entry)];

    private static string Name(AuditEntry entry) => $"{entry.Entity} {entry.EntityKey}";

    private Microsoft.EntityFrameworkCore.Metadata.IEntityType EntityType(string entity) => db.Model.FindEntityType(entity switch
    {
        "observation" => typeof(Observation),
        "indicator" => typeof(Indicator),
        "milestone" => typeof(Milestone),
        "document" => typeof(SourceDocument),
        _ => throw new InvalidOperationException($"No entity '{entity}'."),
    })!;

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}

internal static class EntityValues
{
    /// <summary>Sets the entity's mapped properties from an audit snapshot (camelCase names, enums by name).</summary>
    public static object Fill(this object entity, Microsoft.EntityFrameworkCore.Metadata.IEntityType type, IReadOnlyDictionary<string, JsonElement> values)
    {
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty() && p.PropertyInfo is not null))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (values.TryGetValue(name, out var value))
            {
                property.PropertyInfo!.SetValue(entity, value.Deserialize(property.ClrType, Auditing.JsonOptions));
            }
        }
        return entity;
    }
}
