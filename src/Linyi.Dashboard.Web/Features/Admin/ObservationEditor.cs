using System.ComponentModel.DataAnnotations;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Configurations;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>The observation form. Field names follow the seed columns; the rules are the seed rules.</summary>
public sealed class ObservationForm
{
    public long? Id { get; set; }

    /// <summary>The row version the form was opened at; saving over a newer change is refused and both are shown.</summary>
    public uint? Version { get; set; }
    [Display(Name = "Indicator")] public string? Indicator { get; set; }
    [Display(Name = "Region")] public string? Region { get; set; }
    [Display(Name = "Period")] public string? Period { get; set; }
    [Display(Name = "Kind")] public string? Kind { get; set; } = "actual";
    [Display(Name = "Comparator")] public string? Comparator { get; set; } = "=";
    [Display(Name = "Value")] public string? Value { get; set; }
    [Display(Name = "Unit")] public string? Unit { get; set; }
    [Display(Name = "Vintage")] public string? Vintage { get; set; } = "final";
    [Display(Name = "Document")] public string? Document { get; set; }
    [Display(Name = "Section")] public string? Section { get; set; }
    [Display(Name = "Note (Chinese)")] public string? NoteZh { get; set; }
    [Display(Name = "Note (English)")] public string? NoteEn { get; set; }
    [Display(Name = "Goal shape")] public string? Shape { get; set; }

    public Dictionary<string, string?> Values() => new()
    {
        ["indicator"] = Indicator, ["region"] = Region, ["period"] = Period, ["kind"] = Kind, ["comparator"] = Comparator,
        ["value"] = Value, ["unit"] = Unit, ["vintage"] = Vintage, ["document"] = Document, ["section"] = Section, ["note_zh"] = NoteZh, ["note_en"] = NoteEn,
        ["shape"] = Shape,
    };

    /// <summary>The resource key that names a field of <see cref="Values"/> in words, as the form's own labels do.</summary>
    public static string LabelKey(string field) => field switch
    {
        "indicator" => "Indicator", "region" => "Region", "period" => "Period", "kind" => "Kind", "comparator" => "Comparator",
        "value" => "Value", "unit" => "Unit", "vintage" => "Vintage", "document" => "Source document", "section" => "Section in the document",
        "note_zh" => "Note (Chinese)", "note_en" => "Note (English)", "shape" => "Goal shape", _ => field,
    };
}

/// <param name="Theirs">After a refused save: the figure as someone else saved it meanwhile.</param>
public sealed record ObservationFormViewModel(ObservationForm Form, EditChoices Choices, ObservationForm? Theirs = null);

public sealed record ObservationListItem(long Id, string Indicator, string IndicatorName, string Region, string Period, ObservationKind Kind, Comparator Comparator, decimal Value, string Unit, string Document, string Section);

/// <summary>A saved figure named in words.</summary>
public sealed record FigureSummary(long Id, string IndicatorCode, string IndicatorZh, string IndicatorEn, string RegionZh, string RegionEn, Period Period,
    ObservationKind Kind, Comparator Comparator, decimal Value, string Unit, Vintage Vintage, string DocumentZh, string DocumentEn,
    string? IndicatorUnit = null, string? IndicatorUnitEn = null)
{
    /// <summary>"粮食总产量 · 临沂市 · 2024 · 实绩 · 86.1万吨 · 初步": the value with the digits it was entered with and its unit.</summary>
    public string Text(bool withSource = false)
    {
        var value = (Comparator == Comparator.Eq ? "" : Comparator.ToSymbol() + " ") + Shared.Format.WithUnit(Value, Shared.Format.Decimals(Value), Unit,
            Shared.UnitNames.For(IndicatorUnit ?? Unit, IndicatorUnitEn, Unit));
        var parts = new List<string>
        {
            Localization.Localized.Pick(IndicatorZh, IndicatorEn), Localization.Localized.Pick(RegionZh, RegionEn), Period.ToString(),
            Filters.FilterQueries.KindLabel(Kind), value, Sources.SourceText.Vintage(Vintage),
        };
        if (withSource)
        {
            parts.Add(Localization.Localized.Pick(DocumentZh, DocumentEn));
        }
        return string.Join(" · ", parts);
    }
}

public sealed class ObservationEditor(DashboardDbContext db, AdminReference reference)
{
    public Task<AdminPage<ObservationListItem>> ListAsync(string? indicator, string? region, int page, CancellationToken cancellationToken) =>
        AdminPage<ObservationListItem>.ReadAsync(db.Observations.AsNoTracking()
            .Where(o => (indicator == null || o.Indicator!.Code.Contains(indicator)) && (region == null || o.Region!.Slug == region))
            .OrderBy(o => o.Indicator!.Code).ThenBy(o => o.Region!.Slug).ThenByDescending(o => o.EndYear).ThenBy(o => o.Kind).ThenBy(o => o.Id)
            .Select(o => new ObservationListItem(o.Id, o.Indicator!.Code, o.Indicator.NameZh, o.Region!.Slug, o.StartYear == o.EndYear ? o.StartYear.ToString() : o.StartYear + "-" + o.EndYear,
                o.Kind, o.Comparator, o.Value, o.UnitCode ?? o.Indicator.UnitCode, o.Document!.Code, o.Section)), page, cancellationToken);

    public async Task<ObservationForm?> FormAsync(long id, CancellationToken cancellationToken) =>
        await db.Observations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new ObservationForm
            {
                Id = o.Id, Version = EF.Property<uint>(o, RowVersion.Property), Indicator = o.Indicator!.Code, Region = o.Region!.Slug,
                Period = o.StartYear == o.EndYear ? o.StartYear.ToString() : o.StartYear + "-" + o.EndYear,
                Kind = o.Kind == ObservationKind.Actual ? "actual" : o.Kind == ObservationKind.Target ? "target" : "stretch",
                Comparator = o.Comparator == Comparator.Eq ? "=" : o.Comparator == Comparator.Ge ? ">=" : o.Comparator == Comparator.Le ? "<=" : "~",
                Value = o.Value.ToString(), Unit = o.UnitCode, Vintage = o.Vintage == Domain.Vintage.Preliminary ? "preliminary" : "final",
                Document = o.Document!.Code, Section = o.Section, NoteZh = o.NoteZh, NoteEn = o.NoteEn,
                Shape = o.Shape == null ? null : o.Shape.ToString()!.ToLower(),
            })
            .FirstOrDefaultAsync(cancellationToken) is { } form ? WithValueAsStated(form) : null;

    /// <summary>The value as it was entered: 426.5, not the numeric column's 426.5000.</summary>
    private static ObservationForm WithValueAsStated(ObservationForm form)
    {
        if (decimal.TryParse(form.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            form.Value = Shared.Format.Invariant(value);
        }
        return form;
    }

    public Task<EditChoices> ChoicesAsync(CancellationToken cancellationToken) => reference.ChoicesAsync(cancellationToken);

    /// <summary>Creates (no id) or updates an observation. False with form errors when the input is not valid; nothing is written then.</summary>
    public async Task<bool> SaveAsync(ObservationForm form, string user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var known = await reference.KnownAsync(cancellationToken);
        var row = FormFields.Validate("observations.csv", form.Values(), f => SeedReader.ParseObservation(f, known), modelState);
        if (row is null)
        {
            return false;
        }
        Observation? observation;
        if (form.Id is { } id)
        {
            observation = await db.Observations.FindAsync([id], cancellationToken);
            if (observation is null)
            {
                modelState.AddModelError("", "This figure no longer exists; it may have been deleted by someone else.");
                return false;
            }
            if (!FormFields.ExpectVersion(db, observation, form.Version, modelState))
            {
                return false;
            }
        }
        else
        {
            observation = new Observation { Section = row.Section };
            db.Observations.Add(observation);
        }
        Apply(observation, row, await db.Indicators.SingleAsync(i => i.Code == row.Indicator, cancellationToken),
            await db.Regions.SingleAsync(r => r.Slug == row.Region, cancellationToken), await db.Documents.SingleAsync(d => d.Code == row.Document, cancellationToken));
        return await FormFields.SaveAsync(db, user, modelState, nameof(ObservationForm.Kind),
            $"{row.Document} already reports a figure for {row.Key}. Edit that one instead.", cancellationToken);
    }

    public static void Apply(Observation observation, ObservationRow row, Indicator indicator, Region region, SourceDocument document)
    {
        observation.Indicator = indicator;
        observation.Region = region;
        observation.Document = document;
        (observation.StartYear, observation.EndYear, observation.Kind) = (row.Period.StartYear, row.Period.EndYear, row.Kind);
        (observation.Comparator, observation.Value, observation.UnitCode) = (row.Comparator, row.Value, row.Unit == indicator.UnitCode ? null : row.Unit);
        observation.Vintage = row.Vintage;
        (observation.Section, observation.NoteZh, observation.NoteEn, observation.Shape) = (row.Section, row.NoteZh, row.NoteEn, row.Shape);
    }

    public async Task<string?> LabelAsync(long id, CancellationToken cancellationToken) =>
        (await SummaryAsync(id, cancellationToken))?.Text(withSource: true);

    /// <summary>What one figure is, in words: for the confirmation after saving and the question before deleting.</summary>
    public Task<FigureSummary?> SummaryAsync(long id, CancellationToken cancellationToken) =>
        db.Observations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new FigureSummary(o.Id, o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.Region!.NameZh, o.Region.NameEn,
                new Period(o.StartYear, o.EndYear), o.Kind, o.Comparator, o.Value, o.UnitCode ?? o.Indicator.UnitCode, o.Vintage, o.Document!.TitleZh, o.Document.TitleEn,
                o.Indicator.UnitCode, o.Indicator.UnitEn))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The id of the figure a form just saved: the one with its key and document.</summary>
    public Task<long> IdAsync(ObservationForm form, CancellationToken cancellationToken)
    {
        if (form.Id is { } id)
        {
            return Task.FromResult(id);
        }
        Period.TryParse(form.Period, out var period);
        var kind = Web.Data.KebabEnum.Parse<ObservationKind>(form.Kind ?? "actual");
        return db.Observations.AsNoTracking()
            .Where(o => o.Indicator!.Code == form.Indicator && o.Region!.Slug == form.Region && o.Document!.Code == form.Document
                && o.StartYear == period!.Value.StartYear && o.EndYear == period.Value.EndYear && o.Kind == kind)
            .Select(o => o.Id).FirstAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(long id, string user, CancellationToken cancellationToken)
    {
        var observation = await db.Observations.FindAsync([id], cancellationToken);
        if (observation is null)
        {
            return false;
        }
        db.Observations.Remove(observation);
        await db.SaveAuditedChangesAsync(new AuditScope(user, ChangeSource.Form), cancellationToken);
        return true;
    }
}
