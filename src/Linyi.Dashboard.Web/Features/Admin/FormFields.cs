using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>
/// Runs a form through the same field rules as the seed files and the CSV import, so that a value accepted in one place
/// is accepted in all. Errors land on the form field named after the CSV column.
/// </summary>
public static class FormFields
{
    public static T? Validate<T>(string table, IReadOnlyDictionary<string, string?> values, Func<FieldReader, T> parse, ModelStateDictionary modelState)
        where T : class
    {
        var header = SeedReader.Headers[table];
        var record = new CsvRecord(1, header.Select(column => values.GetValueOrDefault(column) ?? "").ToList());
        var errors = new List<SeedError>();
        var row = parse(new FieldReader(table, record, header, errors));
        foreach (var error in errors)
        {
            modelState.AddSentence(PropertyName(header[error.Column - 1]), error.Text);
        }
        return errors.Count == 0 ? row : null;
    }

    /// <summary>The model-state key of the error that says someone else saved the record after the form was opened.</summary>
    public const string ConflictKey = "Version";

    public const string ConflictMessage = "Someone else saved this record after you opened the form. Compare the two versions below and choose which to keep.";

    public const string MissingVersion = "The form did not say which version of the record it was opened at, so nothing was saved. Open the record again and make the change there.";

    /// <summary>
    /// An edit of an existing record must name the row version (PostgreSQL's xmin) its form was opened at: a form without
    /// one is refused, one opened at an older version is a conflict, and the save itself checks the version again.
    /// </summary>
    public static bool ExpectVersion(DashboardDbContext db, object entity, uint? version, ModelStateDictionary modelState)
    {
        if (version is not { } expected)
        {
            modelState.AddModelError("", MissingVersion);
            return false;
        }
        var property = db.Entry(entity).Property(Web.Data.Configurations.RowVersion.Property);
        if ((uint)property.CurrentValue! != expected)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(ConflictKey, ConflictMessage);
            return false;
        }
        property.OriginalValue = expected;
        return true;
    }

    /// <summary>Whether a refused save was refused because someone else saved the record first (not for a field's value).</summary>
    public static bool IsConflict(ModelStateDictionary modelState) =>
        modelState.TryGetValue(ConflictKey, out var entry) && entry.Errors.Any(e => e.ErrorMessage == ConflictMessage);

    /// <summary>Saves a form's changes with their audit entries; a unique-key collision becomes a form error on <paramref name="field"/>.</summary>
    public static async Task<bool> SaveAsync(DashboardDbContext db, string user, ModelStateDictionary modelState, string field, string duplicate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Form), cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(ConflictKey, ConflictMessage);
            return false;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(field, duplicate);
            return false;
        }
    }

    /// <summary>"growth_of" → "GrowthOf".</summary>
    public static string PropertyName(string column) =>
        string.Concat(column.Split('_').Select(part => part.Length == 0 ? part : char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
