using System.Globalization;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Admin;

public enum FieldType { Text, TextArea, Select }

public sealed record FieldSpec(string Column, string Label, FieldType Type, IReadOnlyList<Choice>? Choices = null, bool Optional = false);

/// <param name="Version">The row version the form was opened at (null for a new record).</param>
/// <param name="Theirs">After a refused save: the record as someone else saved it meanwhile.</param>
public sealed record RecordFormViewModel(string Title, string Action, string CancelUrl, IReadOnlyList<FieldSpec> Fields, IReadOnlyDictionary<string, string?> Values,
    uint? Version = null, IReadOnlyDictionary<string, string?>? Theirs = null);

public sealed record DeleteViewModel(string What, string Action, string CancelUrl);

public sealed record RecordListItem(int Id, string Key, string Label, string? Link);

/// <summary>A page of one kind of record for the admin lists; <paramref name="CitingCount"/> says how many figures cite a document that could not be deleted.</summary>
public sealed record RecordListViewModel(string Kind, AdminPage<RecordListItem> Items, int? CitingCount);

/// <summary>Forms for indicators and milestones: the seed columns, the seed rules, audited saves.</summary>
public sealed class RecordEditors(DashboardDbContext db, AdminReference reference)
{
    private static readonly Choice[] Measures = Enum.GetValues<Measure>().Select(m => new Choice(KebabEnum.ToText(m), KebabEnum.ToText(m))).ToArray();
    private static readonly Choice[] Bases = Enum.GetValues<PriceBasis>().Select(m => new Choice(KebabEnum.ToText(m), KebabEnum.ToText(m))).ToArray();
    private static readonly Choice[] Directions = Enum.GetValues<Direction>().Select(m => new Choice(KebabEnum.ToText(m), KebabEnum.ToText(m))).ToArray();
    private static readonly Choice[] Charts = Enum.GetValues<ChartType>().Select(m => new Choice(KebabEnum.ToText(m), KebabEnum.ToText(m))).ToArray();
    private static readonly Choice[] MilestoneKinds = Enum.GetValues<MilestoneKind>().Select(m => new Choice(KebabEnum.ToText(m), KebabEnum.ToText(m))).ToArray();

    public async Task<IReadOnlyList<FieldSpec>> IndicatorFieldsAsync(CancellationToken cancellationToken)
    {
        var choices = await reference.ChoicesAsync(cancellationToken);
        return
        [
            new("code", "Code", FieldType.Text), new("category", "Category", FieldType.Select, choices.Categories),
            new("name_zh", "Chinese name", FieldType.Text), new("name_en", "English name", FieldType.Text),
            new("unit", "Unit", FieldType.Select, choices.Units),
            new("unit_en", "Unit in English words, naming what is counted (10 thousand places; industries)", FieldType.Text, Optional: true),
            new("measure", "Measure", FieldType.Select, Measures),
            new("direction", "Direction", FieldType.Select, Directions), new("precision", "Decimals shown", FieldType.Text),
            new("chart", "Chart", FieldType.Select, Charts), new("growth_of", "Growth of (level indicator)", FieldType.Select, choices.Indicators, Optional: true),
            new("description_zh", "Chinese description", FieldType.TextArea, Optional: true), new("description_en", "English description", FieldType.TextArea, Optional: true),
            new("axis_min", "Axis from (optional)", FieldType.Text, Optional: true), new("axis_max", "Axis to (optional; ranks among 16 cities: 16)", FieldType.Text, Optional: true),
            new("basis", "Prices of a growth rate (optional)", FieldType.Select, Bases, Optional: true),
        ];
    }

    public async Task<IReadOnlyList<FieldSpec>> MilestoneFieldsAsync(CancellationToken cancellationToken)
    {
        var choices = await reference.ChoicesAsync(cancellationToken);
        return
        [
            new("region", "Region", FieldType.Select, choices.Regions), new("period", "Period", FieldType.Text),
            new("category", "Category", FieldType.Select, choices.Categories, Optional: true), new("kind", "Kind", FieldType.Select, MilestoneKinds),
            new("title_zh", "Chinese title", FieldType.Text), new("title_en", "English title", FieldType.Text),
            new("document", "Source document", FieldType.Select, choices.Documents), new("section", "Section in the document", FieldType.Text),
        ];
    }

    /// <summary>The document form's fields; the kinds are named in the reader's language.</summary>
    public static IReadOnlyList<FieldSpec> DocumentFields() =>
    [
        new("code", "Code", FieldType.Text), new("title_zh", "Chinese title", FieldType.Text), new("title_en", "English title", FieldType.Text),
        new("publisher", "Publisher", FieldType.Text, Optional: true), new("publisher_en", "Publisher (English)", FieldType.Text, Optional: true),
        new("published_on", "Published (YYYY, YYYY-MM or YYYY-MM-DD)", FieldType.Text),
        new("kind", "Kind", FieldType.Select, Enum.GetValues<DocumentKind>().Select(k => new Choice(KebabEnum.ToText(k), Features.Sources.SourceText.Kind(k))).ToArray()), new("url", "Web address (URL)", FieldType.Text, Optional: true),
        new("reliability", "Note on reliability", FieldType.TextArea, Optional: true),
        new("reliability_en", "Note on reliability (English)", FieldType.TextArea, Optional: true), new("source_file", "Source file", FieldType.Text, Optional: true),
    ];

    public Task<AdminPage<RecordListItem>> DocumentsAsync(int page, CancellationToken cancellationToken) =>
        AdminPage<RecordListItem>.ReadAsync(db.Documents.AsNoTracking().OrderByDescending(d => d.PublishedOn).ThenBy(d => d.Code)
            .Select(d => new RecordListItem(d.Id, d.Code, d.TitleZh + "（" + d.PublishedOn + "）", d.Url)), page, cancellationToken);

    public async Task<Dictionary<string, string?>?> DocumentValuesAsync(int id, CancellationToken cancellationToken)
    {
        var d = await db.Documents.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return d is null ? null : new Dictionary<string, string?>
        {
            ["code"] = d.Code, ["title_zh"] = d.TitleZh, ["title_en"] = d.TitleEn, ["publisher"] = d.Publisher, ["publisher_en"] = d.PublisherEn,
            ["published_on"] = d.PublishedOn, ["kind"] = KebabEnum.ToText(d.Kind), ["url"] = d.Url, ["reliability"] = d.Reliability,
            ["reliability_en"] = d.ReliabilityEn, ["source_file"] = d.SourceFile, ["version"] = VersionOf(d),
        };
    }

    /// <summary>A new source (a statistical bulletin, a later report) that figures can then cite.</summary>
    public async Task<bool> SaveDocumentAsync(int? id, IReadOnlyDictionary<string, string?> values, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var row = FormFields.Validate("documents.csv", values, SeedReader.ParseDocument, modelState);
        if (row is null)
        {
            return false;
        }
        var document = id is { } existing
            ? await db.Documents.FindAsync([existing], cancellationToken)
            : new SourceDocument { Code = row.Code, TitleZh = row.TitleZh, TitleEn = row.TitleEn, PublishedOn = row.PublishedOn, SourceFile = row.SourceFile };
        if (document is null)
        {
            modelState.AddModelError("", "This document no longer exists.");
            return false;
        }
        if (id is not null && !FormFields.ExpectVersion(db, document, Version(values), modelState))
        {
            return false;
        }
        if (id is null)
        {
            db.Documents.Add(document);
        }
        (document.Code, document.TitleZh, document.TitleEn, document.Publisher) = (row.Code, row.TitleZh, row.TitleEn, row.Publisher);
        (document.PublishedOn, document.Kind, document.SourceFile) = (row.PublishedOn, row.Kind, row.SourceFile);
        (document.Url, document.Reliability) = (row.Url, row.Reliability);
        (document.PublisherEn, document.ReliabilityEn) = (row.PublisherEn, row.ReliabilityEn);
        return await FormFields.SaveAsync(db, user, modelState, "Code", $"A document with the code '{row.Code}' already exists.", cancellationToken);
    }

    public Task<AdminPage<RecordListItem>> IndicatorsAsync(int page, CancellationToken cancellationToken) =>
        AdminPage<RecordListItem>.ReadAsync(db.Indicators.AsNoTracking().OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new RecordListItem(i.Id, i.Code, i.NameZh + "（" + i.UnitCode + "）", "/indicators/" + i.Code)), page, cancellationToken);

    public Task<AdminPage<RecordListItem>> MilestonesAsync(int page, CancellationToken cancellationToken) =>
        AdminPage<RecordListItem>.ReadAsync(db.Milestones.AsNoTracking().OrderBy(m => m.Region!.Slug).ThenByDescending(m => m.EndYear).ThenBy(m => m.Id)
            .Select(m => new RecordListItem(m.Id, m.Region!.Slug + " · " + (m.StartYear == m.EndYear ? m.StartYear.ToString() : m.StartYear + "-" + m.EndYear), m.TitleZh, "/regions/" + m.Region.Slug)),
            page, cancellationToken);

    public async Task<Dictionary<string, string?>?> IndicatorValuesAsync(int id, CancellationToken cancellationToken)
    {
        var i = await db.Indicators.Include(x => x.Category).Include(x => x.GrowthOf).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return i is null ? null : new Dictionary<string, string?>
        {
            ["code"] = i.Code, ["category"] = i.Category!.Slug, ["name_zh"] = i.NameZh, ["name_en"] = i.NameEn, ["unit"] = i.UnitCode, ["unit_en"] = i.UnitEn,
            ["measure"] = KebabEnum.ToText(i.Measure), ["direction"] = KebabEnum.ToText(i.Direction), ["precision"] = Text(i.Precision),
            ["chart"] = KebabEnum.ToText(i.Chart), ["growth_of"] = i.GrowthOf?.Code, ["description_zh"] = i.DescriptionZh, ["description_en"] = i.DescriptionEn,
            ["axis_min"] = i.AxisMin is { } min ? Format.Invariant(min) : null, ["axis_max"] = i.AxisMax is { } max ? Format.Invariant(max) : null,
            ["basis"] = i.Basis is { } basis ? KebabEnum.ToText(basis) : null,
            ["version"] = VersionOf(i),
        };
    }

    public async Task<Dictionary<string, string?>?> MilestoneValuesAsync(int id, CancellationToken cancellationToken)
    {
        var m = await db.Milestones.Include(x => x.Region).Include(x => x.Category).Include(x => x.Document).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return m is null ? null : new Dictionary<string, string?>
        {
            ["region"] = m.Region!.Slug, ["period"] = m.Period.ToString(), ["category"] = m.Category?.Slug, ["kind"] = KebabEnum.ToText(m.Kind),
            ["title_zh"] = m.TitleZh, ["title_en"] = m.TitleEn, ["document"] = m.Document!.Code, ["section"] = m.Section,
            ["version"] = VersionOf(m),
        };
    }

    public async Task<bool> SaveIndicatorAsync(int? id, IReadOnlyDictionary<string, string?> values, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var known = await reference.KnownAsync(cancellationToken);
        var row = FormFields.Validate("indicators.csv", values, f => SeedReader.ParseIndicator(f, known), modelState);
        if (row is null)
        {
            return false;
        }
        var indicator = id is { } existing ? await db.Indicators.FindAsync([existing], cancellationToken) : new Indicator { Code = row.Code, NameZh = row.NameZh, NameEn = row.NameEn, UnitCode = row.Unit };
        if (indicator is null)
        {
            modelState.AddModelError("", "This indicator no longer exists.");
            return false;
        }
        if (id is not null && !FormFields.ExpectVersion(db, indicator, Version(values), modelState))
        {
            return false;
        }
        if (id is null)
        {
            db.Indicators.Add(indicator);
        }
        (indicator.Code, indicator.NameZh, indicator.NameEn, indicator.UnitCode) = (row.Code, row.NameZh, row.NameEn, row.Unit);
        (indicator.Measure, indicator.Direction, indicator.Precision, indicator.Chart) = (row.Measure, row.Direction, row.Precision, row.Chart);
        (indicator.DescriptionZh, indicator.DescriptionEn) = (row.DescriptionZh, row.DescriptionEn);
        (indicator.AxisMin, indicator.AxisMax, indicator.Basis, indicator.UnitEn) = (row.AxisMin, row.AxisMax, row.Basis, row.UnitEn);
        indicator.Category = await db.Categories.SingleAsync(c => c.Slug == row.Category, cancellationToken);
        indicator.GrowthOf = row.GrowthOf is null ? null : await db.Indicators.SingleAsync(i => i.Code == row.GrowthOf, cancellationToken);
        return await FormFields.SaveAsync(db, user, modelState, "Code", $"An indicator with the code '{row.Code}' already exists.", cancellationToken);
    }

    public async Task<bool> SaveMilestoneAsync(int? id, IReadOnlyDictionary<string, string?> values, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var known = await reference.KnownAsync(cancellationToken);
        var row = FormFields.Validate("milestones.csv", values, f => SeedReader.ParseMilestone(f, known), modelState);
        if (row is null)
        {
            return false;
        }
        var milestone = id is { } existing ? await db.Milestones.FindAsync([existing], cancellationToken) : new Milestone { TitleZh = row.TitleZh, TitleEn = row.TitleEn, Section = row.Section };
        if (milestone is null)
        {
            modelState.AddModelError("", "This milestone no longer exists.");
            return false;
        }
        if (id is not null && !FormFields.ExpectVersion(db, milestone, Version(values), modelState))
        {
            return false;
        }
        if (id is null)
        {
            db.Milestones.Add(milestone);
        }
        (milestone.StartYear, milestone.EndYear, milestone.Kind) = (row.Period.StartYear, row.Period.EndYear, row.Kind);
        (milestone.TitleZh, milestone.TitleEn, milestone.Section) = (row.TitleZh, row.TitleEn, row.Section);
        milestone.Region = await db.Regions.SingleAsync(r => r.Slug == row.Region, cancellationToken);
        milestone.Category = row.Category is null ? null : await db.Categories.SingleAsync(c => c.Slug == row.Category, cancellationToken);
        milestone.Document = await db.Documents.SingleAsync(d => d.Code == row.Document, cancellationToken);
        return await FormFields.SaveAsync(db, user, modelState, "TitleZh", "This region already has a milestone with that title in that period.", cancellationToken);
    }

    /// <summary>Deleting an indicator deletes its figures and unlinks its growth indicators, each change audited.</summary>
    public async Task<bool> DeleteIndicatorAsync(int id, string user, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.FindAsync([id], cancellationToken);
        if (indicator is null)
        {
            return false;
        }
        db.Observations.RemoveRange(await db.Observations.Where(o => o.IndicatorId == id).ToListAsync(cancellationToken));
        foreach (var growth in await db.Indicators.Where(i => i.GrowthOfId == id).ToListAsync(cancellationToken))
        {
            growth.GrowthOfId = null;
        }
        db.Indicators.Remove(indicator);
        await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Form), cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes a source document that nothing cites. Returns how many figures and milestones still cite it (then nothing is
    /// deleted), or null when there is no such document.
    /// </summary>
    public async Task<int?> DeleteDocumentAsync(int id, string user, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FindAsync([id], cancellationToken);
        if (document is null)
        {
            return null;
        }
        var citing = await db.Observations.CountAsync(o => o.DocumentId == id, cancellationToken)
            + await db.Milestones.CountAsync(m => m.DocumentId == id, cancellationToken);
        if (citing > 0)
        {
            return citing;
        }
        db.Documents.Remove(document);
        try
        {
            await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Form), cancellationToken);
            return 0;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
        {
            // A figure citing it was added in the meantime.
            db.ChangeTracker.Clear();
            return await db.Observations.CountAsync(o => o.DocumentId == id, cancellationToken) + await db.Milestones.CountAsync(m => m.DocumentId == id, cancellationToken);
        }
    }

    public async Task<bool> DeleteMilestoneAsync(int id, string user, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FindAsync([id], cancellationToken);
        if (milestone is null)
        {
            return false;
        }
        db.Milestones.Remove(milestone);
        await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Form), cancellationToken);
        return true;
    }

    private string VersionOf(object entity) => Text((uint)db.Entry(entity).Property(Web.Data.Configurations.RowVersion.Property).CurrentValue!);

    private static uint? Version(IReadOnlyDictionary<string, string?> values) =>
        uint.TryParse(values.GetValueOrDefault("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public async Task<string?> LabelAsync(string kind, int id, CancellationToken cancellationToken) => kind switch
    {
        "indicators" => await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => i.NameZh + "（" + i.Code + "）").FirstOrDefaultAsync(cancellationToken),
        "milestones" => await db.Milestones.AsNoTracking().Where(m => m.Id == id).Select(m => m.TitleZh).FirstOrDefaultAsync(cancellationToken),
        _ => await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.TitleZh + "（" + d.PublishedOn + "）").FirstOrDefaultAsync(cancellationToken),
    };

    public static string Text(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
