using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Worksheets;
using Linyi.Dashboard.Web.Localization;
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

    /// <summary>How much of that one user's waiting previews may hold, so that one editor cannot take all of it.</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 4096)]
    public int PendingMegabytesPerUser { get; set; } = 16;
}

public enum ImportChangeKind { Add, Change, Remove }

/// <param name="Goal">For a new result, the goal it judges (target and stretch target), and the status it will give.</param>
public sealed record ImportChange(ImportChangeKind Kind, string Key, string? Before, string? After, string? Goal = null, GoalStatus? Status = null);

public sealed record ImportPreview(Guid? Id, string FileName, IReadOnlyList<SeedError> Errors, IReadOnlyList<ImportChange> Changes, int Unchanged, bool RemoveMissing = false)
{
    /// <summary>Documents a worksheet cites that the import will create.</summary>
    public IReadOnlyList<DocumentRow> NewDocuments { get; init; } = [];

    public bool CanApply => Id is not null && Errors.Count == 0 && Changes.Count > 0;

    public int Count(ImportChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// CSV import of figures in the seeds format (observations.csv). An import adds and changes figures; only when the
/// uploader chooses it are the figures of the file's documents that the file no longer lists removed, and applying such
/// an import needs the number of removals typed back (ADR 0013). Nothing is written until the uploader confirms the
/// preview, and then all of it is written in one transaction or none.
/// </summary>
public sealed class ImportService(DashboardDbContext db, AdminReference reference, TimeProvider clock, IOptions<ImportOptions> options)
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public const string Expired = "this preview is more than a day old and has expired; nothing was written. Upload the file again";
    public const string RemovalsNotConfirmed = "this import removes {0} figures; type that number to confirm the removal";
    public const string Conflict = "someone else changed the same figures at the same moment, so nothing was written. Upload the file again to preview it against their change";

    private DateTimeOffset Cutoff => clock.GetUtcNow() - TimeSpan.FromHours(options.Value.PendingHours);

    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, string user, bool removeMissing, CancellationToken cancellationToken)
    {
        var (rows, errors, documents) = await ParseAsync(fileName, content, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportPreview(null, fileName, errors, [], 0, removeMissing);
        }
        var (changes, unchanged) = await DiffAsync(rows, removeMissing, cancellationToken);
        var pending = new PendingImport { Id = Guid.NewGuid(), UserName = user, FileName = fileName, Content = content, CreatedAt = clock.GetUtcNow(), RemoveMissing = removeMissing };
        if (changes.Count > 0)
        {
            var cutoff = Cutoff;
            await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            var mine = await db.PendingImports.Where(p => p.UserName == user).SumAsync(p => (long)p.Content.Length, cancellationToken);
            if (mine + content.LongLength > options.Value.PendingMegabytesPerUser * 1024L * 1024)
            {
                return new ImportPreview(null, fileName, [new SeedError(fileName, 0, 0, new Sentence(
                    "your previews waiting to be applied already hold {0} MB of the {1} MB each user may keep; apply or cancel one of them, or wait until they expire after {2} hours",
                    mine / 1024 / 1024, options.Value.PendingMegabytesPerUser, options.Value.PendingHours))], [], 0);
            }
            var waiting = await db.PendingImports.SumAsync(p => (long)p.Content.Length, cancellationToken);
            var limit = options.Value.PendingMegabytes * 1024L * 1024;
            if (waiting + content.LongLength > limit)
            {
                return new ImportPreview(null, fileName, [new SeedError(fileName, 0, 0, new Sentence(
                    "previews waiting to be applied already hold {0} MB of the {1} MB allowed; apply or cancel a preview, or wait until older ones expire after {2} hours (an administrator can clear them all)",
                    waiting / 1024 / 1024, options.Value.PendingMegabytes, options.Value.PendingHours))], [], 0);
            }
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ImportPreview(changes.Count > 0 ? pending.Id : null, fileName, [], changes, unchanged, removeMissing) { NewDocuments = documents };
    }

    /// <summary>A waiting preview shown again (another page of a long list), diffed against the data as it is now.</summary>
    public async Task<ImportPreview?> ShowAsync(Guid id, string user, CancellationToken cancellationToken)
    {
        var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UserName == user, cancellationToken);
        if (pending is null || pending.CreatedAt < Cutoff)
        {
            return null;
        }
        var (rows, errors, documents) = await ParseAsync(pending.FileName, pending.Content, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportPreview(id, pending.FileName, errors, [], 0, pending.RemoveMissing);
        }
        var (changes, unchanged) = await DiffAsync(rows, pending.RemoveMissing, cancellationToken);
        return new ImportPreview(id, pending.FileName, [], changes, unchanged, pending.RemoveMissing) { NewDocuments = documents };
    }

    /// <summary>Applies a previewed import, validating it again against the data as it is now. Returns null when there is no such pending import.</summary>
    /// <remarks><paramref name="confirmedRemovals"/> is the number the uploader typed; an import that would remove figures
    /// applies only when it equals the number of removals as they are now.</remarks>
    public async Task<ImportPreview?> ApplyAsync(Guid id, string user, int? confirmedRemovals, CancellationToken cancellationToken)
    {
        var pending = await db.PendingImports.FirstOrDefaultAsync(p => p.Id == id && p.UserName == user, cancellationToken);
        if (pending is null)
        {
            return null;
        }
        if (pending.CreatedAt < Cutoff)
        {
            await db.PendingImports.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
            return new ImportPreview(null, pending.FileName, [new SeedError(pending.FileName, 0, 0, new Sentence(Expired))], [], 0);
        }
        try
        {
            return await WriteAsync(pending, user, confirmedRemovals, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailure.IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            return new ImportPreview(id, pending.FileName, [new SeedError(pending.FileName, 0, 0, new Sentence(Conflict))], [], 0);
        }
    }

    private async Task<ImportPreview> WriteAsync(PendingImport pending, string user, int? confirmedRemovals, CancellationToken cancellationToken)
    {
        var id = pending.Id;
        var (rows, errors, newDocuments) = await ParseAsync(pending.FileName, pending.Content, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportPreview(id, pending.FileName, errors, [], 0);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var (changes, unchanged) = await DiffAsync(rows, pending.RemoveMissing, cancellationToken);
        var removals = changes.Count(c => c.Kind == ImportChangeKind.Remove);
        if (removals > 0 && confirmedRemovals != removals)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportPreview(id, pending.FileName,
                [new SeedError(pending.FileName, 0, 0, new Sentence(RemovalsNotConfirmed, removals))], changes, unchanged, true);
        }
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, cancellationToken);
        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var d in newDocuments)
        {
            documents[d.Code] = db.Documents.Add(new SourceDocument
            {
                Code = d.Code, TitleZh = d.TitleZh, TitleEn = d.TitleEn, Publisher = d.Publisher, PublishedOn = d.PublishedOn, Kind = d.Kind, Url = d.Url,
                PublisherEn = d.PublisherEn,
            }).Entity;
        }
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
        if (pending.RemoveMissing)
        {
            db.Observations.RemoveRange(existing.Values);
        }
        db.PendingImports.Remove(pending);
        await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Import, id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportPreview(id, pending.FileName, [], changes, unchanged, pending.RemoveMissing) { NewDocuments = newDocuments };
    }

    public async Task CancelAsync(Guid id, string user, CancellationToken cancellationToken) =>
        await db.PendingImports.Where(p => p.Id == id && p.UserName == user).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Discards every waiting preview, whoever uploaded it (an administrator's action); returns how many.</summary>
    public async Task<int> ClearAllAsync(CancellationToken cancellationToken) =>
        await db.PendingImports.ExecuteDeleteAsync(cancellationToken);

    /// <summary>An observations.csv file, or a filled results-due or targets worksheet (CSV or XLSX), read through the seed rules.</summary>
    private async Task<(IReadOnlyList<ObservationRow> Rows, List<SeedError> Errors, IReadOnlyList<DocumentRow> NewDocuments)> ParseAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var errors = new List<SeedError>();
        if (content.LongLength > MaxFileBytes)
        {
            errors.Add(new SeedError(fileName, 0, 0, new Sentence(SeedReader.TooLarge, content.LongLength, MaxFileBytes)));
            return ([], errors, []);
        }
        var known = await reference.KnownAsync(cancellationToken);
        if (Intake.IntakeBundle.Parse(fileName, content, known, errors) is { } intake)
        {
            return (intake.Rows, errors, intake.NewDocuments);
        }
        if (WorksheetImport.Parse(fileName, content, known, errors) is { } sheet)
        {
            return (sheet.Rows, errors, sheet.NewDocuments);
        }
        if (WorksheetFile.IsXlsx(content))
        {
            errors.Add(new SeedError(fileName, 0, 0, new Sentence("an XLSX file must be a results-due or targets worksheet downloaded from this site")));
            return ([], errors, []);
        }
        var rows = SeedReader.ReadObservations(fileName, content, known, errors);
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new SeedError(fileName, 2, 1, new Sentence("the file has a header but no figures")));
        }
        return (rows, errors, []);
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

    private async Task<(List<ImportChange> Changes, int Unchanged)> DiffAsync(IReadOnlyList<ObservationRow> rows, bool removeMissing, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(rows, tracked: false, cancellationToken);
        var goals = await GoalsAsync(rows, cancellationToken);
        var changes = new List<ImportChange>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            var key = row.VintageKey;
            var after = Describe(row.Comparator, row.Value, row.Unit, row.Vintage, row.Document, row.Section, Note(row.NoteZh, row.NoteEn), row.Shape);
            if (!existing.Remove(key, out var observation))
            {
                changes.Add(Judged(new ImportChange(ImportChangeKind.Add, key, null, after), row, goals));
                continue;
            }
            var unit = observation.UnitCode;
            var rowUnit = row.Unit == observation.Indicator!.UnitCode ? null : row.Unit;
            var before = Describe(observation.Comparator, observation.Value, unit, observation.Vintage, observation.Document!.Code, observation.Section, Note(observation.NoteZh, observation.NoteEn), observation.Shape);
            if (before == Describe(row.Comparator, row.Value, rowUnit, row.Vintage, row.Document, row.Section, Note(row.NoteZh, row.NoteEn), row.Shape))
            {
                unchanged++;
            }
            else
            {
                changes.Add(Judged(new ImportChange(ImportChangeKind.Change, key, before, after), row, goals));
            }
        }
        changes.AddRange(existing.Where(_ => removeMissing).Select(e => new ImportChange(ImportChangeKind.Remove, e.Key,
            Describe(e.Value.Comparator, e.Value.Value, e.Value.UnitCode, e.Value.Vintage, e.Value.Document!.Code, e.Value.Section, Note(e.Value.NoteZh, e.Value.NoteEn), e.Value.Shape), null)));
        return (changes, unchanged);
    }

    private static string? Note(string? zh, string? en) => zh is null && en is null ? null : string.Join(" / ", new[] { zh, en }.OfType<string>());

    private sealed record GoalTarget(string Indicator, string Region, int StartYear, int EndYear, ObservationKind Kind, Comparator Comparator, decimal Value, Measure Measure, Direction Direction, GoalShape? Shape);

    /// <summary>The targets of record that the file's results would judge.</summary>
    private async Task<List<GoalTarget>> GoalsAsync(IReadOnlyList<ObservationRow> rows, CancellationToken cancellationToken)
    {
        var indicators = rows.Where(r => r.Kind == ObservationKind.Actual).Select(r => r.Indicator).Distinct().ToList();
        return indicators.Count == 0 ? [] : await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Kind != ObservationKind.Actual && indicators.Contains(o.Indicator!.Code))
            .Select(o => new GoalTarget(o.Indicator!.Code, o.Region!.Slug, o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value, o.Indicator.Measure, o.Indicator.Direction, o.Shape))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A result beside the goal of its year (the narrowest period that holds it) and the status it gives that goal, as the overview judges it.</summary>
    private ImportChange Judged(ImportChange change, ObservationRow row, List<GoalTarget> goals)
    {
        if (row.Kind != ObservationKind.Actual || row.Period.IsSpan)
        {
            return change;
        }
        var year = row.Period.EndYear;
        var matching = goals.Where(g => g.Indicator == row.Indicator && g.Region == row.Region && g.StartYear <= year && g.EndYear >= year)
            .GroupBy(g => (g.StartYear, g.EndYear)).OrderBy(g => g.Key.EndYear - g.Key.StartYear).FirstOrDefault()?.ToList();
        if (matching is null)
        {
            return change;
        }
        var target = matching.FirstOrDefault(g => g.Kind == ObservationKind.Target);
        var stretch = matching.FirstOrDefault(g => g.Kind == ObservationKind.Stretch);
        var judged = target ?? stretch!;
        var shape = judged.Shape ?? Indicators.IndicatorAnalysis.DefaultShape(judged.Measure, judged.Comparator);
        var progress = GoalRules.Evaluate(new Goal(shape, judged.Measure, judged.Direction, judged.Comparator, judged.Value, new Period(judged.StartYear, judged.EndYear),
            [new YearResult(year, row.Value, row.Comparator)]), DateOnly.FromDateTime(clock.GetUtcNow().DateTime));
        var text = string.Join(" · ", new[] { target, stretch }.Where(g => g is not null)
            .Select(g => $"{Filters.FilterQueries.KindLabel(g!.Kind)} {g.Comparator.ToSymbol()} {g.Value.Trimmed().ToString(CultureInfo.InvariantCulture)}"))
            + $" ({new Period(judged.StartYear, judged.EndYear)})";
        return change with { Goal = text, Status = progress.Status };
    }

    private static string Describe(Comparator comparator, decimal value, string? unit, Vintage vintage, string document, string section, string? note, GoalShape? shape) =>
        $"{comparator.ToAscii()} {value.Trimmed().ToString(CultureInfo.InvariantCulture)}{unit} ({KebabEnum.ToText(vintage)}){(shape is { } s ? " [" + GoalRuleText.KebabName(s) + "]" : "")} · {document} {section}{(note is null ? "" : " · " + note)}";
}
