using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>How long a previewed import waits for its confirmation, and how much all waiting previews may hold together.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    [System.ComponentModel.DataAnnotations.Range(1, 24 * 30)]
    public int PendingHours { get; set; } = 24;

    [System.ComponentModel.DataAnnotations.Range(4, 4096)]
    public int PendingMegabytes { get; set; } = 64;
}

public enum ImportChangeKind { Add, Change, Remove }

public sealed record ImportChange(ImportChangeKind Kind, string Key, string? Before, string? After);

public sealed record ImportPreview(Guid? Id, string FileName, IReadOnlyList<SeedError> Errors, IReadOnlyList<ImportChange> Changes, int Unchanged)
{
    public bool CanApply => Id is not null && Errors.Count == 0 && Changes.Count > 0;
}

/// <summary>
/// CSV import of figures in the seeds format (observations.csv). The file's documents define its scope: figures citing
/// those documents that are not in the file are removed, so re-importing a corrected bulletin replaces its figures.
/// Nothing is written until the uploader confirms the preview, and then all of it is written in one transaction or none.
/// </summary>
public sealed class ImportService(DashboardDbContext db, AdminReference reference, TimeProvider clock, IOptions<ImportOptions> options)
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public const string Expired = "this preview is more than a day old and has expired; nothing was written. Upload the file again";
    public const string Conflict = "someone else changed the same figures at the same moment, so nothing was written. Upload the file again to preview it against their change";

    private DateTimeOffset Cutoff => clock.GetUtcNow() - TimeSpan.FromHours(options.Value.PendingHours);

    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, string user, CancellationToken cancellationToken)
    {
        var (rows, errors) = await ParseAsync(fileName, content, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportPreview(null, fileName, errors, [], 0);
        }
        var (changes, unchanged) = await DiffAsync(rows, cancellationToken);
        var pending = new PendingImport { Id = Guid.NewGuid(), UserName = user, FileName = fileName, Content = content, CreatedAt = clock.GetUtcNow() };
        if (changes.Count > 0)
        {
            var cutoff = Cutoff;
            await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            var waiting = await db.PendingImports.SumAsync(p => (long)p.Content.Length, cancellationToken);
            var limit = options.Value.PendingMegabytes * 1024L * 1024;
            if (waiting + content.LongLength > limit)
            {
                return new ImportPreview(null, fileName, [new SeedError(fileName, 0, 0,
                    $"previews waiting to be applied already hold {waiting / 1024 / 1024} MB of the {options.Value.PendingMegabytes} MB allowed; apply or cancel a preview, or wait until older ones expire after {options.Value.PendingHours} hours")], [], 0);
            }
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ImportPreview(changes.Count > 0 ? pending.Id : null, fileName, [], changes, unchanged);
    }

    /// <summary>Applies a previewed import, validating it again against the data as it is now. Returns null when there is no such pending import.</summary>
    public async Task<ImportPreview?> ApplyAsync(Guid id, string user, CancellationToken cancellationToken)
    {
        var pending = await db.PendingImports.FirstOrDefaultAsync(p => p.Id == id && p.UserName == user, cancellationToken);
        if (pending is null)
        {
            return null;
        }
        if (pending.CreatedAt < Cutoff)
        {
            await db.PendingImports.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
            return new ImportPreview(null, pending.FileName, [new SeedError(pending.FileName, 0, 0, Expired)], [], 0);
        }
        try
        {
            return await WriteAsync(pending, user, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailure.IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            return new ImportPreview(id, pending.FileName, [new SeedError(pending.FileName, 0, 0, Conflict)], [], 0);
        }
    }

    private async Task<ImportPreview> WriteAsync(PendingImport pending, string user, CancellationToken cancellationToken)
    {
        var id = pending.Id;
        var (rows, errors) = await ParseAsync(pending.FileName, pending.Content, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportPreview(id, pending.FileName, errors, [], 0);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var (changes, unchanged) = await DiffAsync(rows, cancellationToken);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, cancellationToken);
        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, cancellationToken);
        var existing = await ExistingAsync(rows, tracked: true, cancellationToken);
        foreach (var row in rows)
        {
            if (!existing.Remove(row.VintageKey, out var observation))
            {
                observation = new Observation { Section = row.Section };
                db.Observations.Add(observation);
            }
            ObservationEditor.Apply(observation, row, indicators[row.Indicator], regions[row.Region], documents[row.Document]);
        }
        db.Observations.RemoveRange(existing.Values);
        db.PendingImports.Remove(pending);
        await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Import, id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportPreview(id, pending.FileName, [], changes, unchanged);
    }

    public async Task CancelAsync(Guid id, string user, CancellationToken cancellationToken) =>
        await db.PendingImports.Where(p => p.Id == id && p.UserName == user).ExecuteDeleteAsync(cancellationToken);

    private async Task<(IReadOnlyList<ObservationRow> Rows, List<SeedError> Errors)> ParseAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var errors = new List<SeedError>();
        if (content.LongLength > MaxFileBytes)
        {
            errors.Add(new SeedError(fileName, 0, 0, $"the file is {content.LongLength.ToString("N0", CultureInfo.InvariantCulture)} bytes; at most {MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} are accepted"));
            return ([], errors);
        }
        var known = await reference.KnownAsync(cancellationToken);
        var rows = SeedReader.ReadObservations(fileName, content, known, errors);
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new SeedError(fileName, 2, 1, "the file has a header but no figures"));
        }
        return (rows, errors);
    }

    private static string Key(Observation o) => new ObservationKey(o.Indicator!.Code, o.Region!.Slug, o.Period, o.Kind).WithDocument(o.Document!.Code);

    /// <summary>The database's figures that the file could touch: the same keys, or citing the same documents.</summary>
    private async Task<Dictionary<string, Observation>> ExistingAsync(IReadOnlyList<ObservationRow> rows, bool tracked, CancellationToken cancellationToken)
    {
        var documents = rows.Select(r => r.Document).Distinct().ToList();
        var indicators = rows.Select(r => r.Indicator).Distinct().ToList();
        var query = db.Observations.Include(o => o.Indicator).Include(o => o.Region).Include(o => o.Document)
            .Where(o => documents.Contains(o.Document!.Code) || indicators.Contains(o.Indicator!.Code));
        var list = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        var keys = rows.Select(r => r.VintageKey).ToHashSet();
        return list.Where(o => keys.Contains(Key(o)) || documents.Contains(o.Document!.Code)).ToDictionary(Key);
    }

    private async Task<(List<ImportChange> Changes, int Unchanged)> DiffAsync(IReadOnlyList<ObservationRow> rows, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(rows, tracked: false, cancellationToken);
        var changes = new List<ImportChange>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            var key = row.VintageKey;
            var after = Describe(row.Comparator, row.Value, row.Unit, row.Vintage, row.Document, row.Section, Note(row.NoteZh, row.NoteEn));
            if (!existing.Remove(key, out var observation))
            {
                changes.Add(new ImportChange(ImportChangeKind.Add, key, null, after));
                continue;
            }
            var unit = observation.UnitCode;
            var rowUnit = row.Unit == observation.Indicator!.UnitCode ? null : row.Unit;
            var before = Describe(observation.Comparator, observation.Value, unit, observation.Vintage, observation.Document!.Code, observation.Section, Note(observation.NoteZh, observation.NoteEn));
            if (before == Describe(row.Comparator, row.Value, rowUnit, row.Vintage, row.Document, row.Section, Note(row.NoteZh, row.NoteEn)))
            {
                unchanged++;
            }
            else
            {
                changes.Add(new ImportChange(ImportChangeKind.Change, key, before, after));
            }
        }
        changes.AddRange(existing.Select(e => new ImportChange(ImportChangeKind.Remove, e.Key,
            Describe(e.Value.Comparator, e.Value.Value, e.Value.UnitCode, e.Value.Vintage, e.Value.Document!.Code, e.Value.Section, Note(e.Value.NoteZh, e.Value.NoteEn)), null)));
        return (changes, unchanged);
    }

    private static string? Note(string? zh, string? en) => zh is null && en is null ? null : string.Join(" / ", new[] { zh, en }.OfType<string>());

    private static string Describe(Comparator comparator, decimal value, string? unit, Vintage vintage, string document, string section, string? note) =>
        $"{comparator.ToAscii()} {value.Trimmed().ToString(CultureInfo.InvariantCulture)}{unit} ({KebabEnum.ToText(vintage)}) · {document} {section}{(note is null ? "" : " · " + note)}";
}
