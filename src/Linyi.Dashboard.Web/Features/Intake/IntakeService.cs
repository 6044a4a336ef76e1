using System.Globalization;
using System.Text.RegularExpressions;
using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Intake;

/// <summary>The report's metadata as the editor enters it; a code of an existing document cites that document.</summary>
public sealed class IntakeDocumentForm
{
    public string? Code { get; set; }
    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string Kind { get; set; } = "work-report";
    public string? Publisher { get; set; }
    public string? PublishedOn { get; set; }
    public string? Url { get; set; }
    public string Region { get; set; } = DashboardFilter.City;
}

/// <summary>One proposed figure on the review page, as the editor leaves it.</summary>
public sealed class IntakeRowForm
{
    public bool Accept { get; set; }
    public bool Matched { get; set; }
    public int Paragraph { get; set; }
    public string? Section { get; set; }
    public string? IndicatorZh { get; set; }
    public string? Indicator { get; set; }
    public string? Region { get; set; }
    public string? Period { get; set; }
    public string? Kind { get; set; }
    public string? Comparator { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
    public string? Vintage { get; set; }
    public string? Quote { get; set; }
    public int Start { get; set; }
    public string? Shape { get; set; }
    public bool Growth { get; set; }
}

public sealed record IntakeChoices(IReadOnlyList<Choice> Indicators, IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Documents);

public sealed record IntakeReview(IntakeDocumentForm Document, IReadOnlyList<IntakeRowForm> Rows, IReadOnlyList<Paragraph> Paragraphs, string Text,
    IntakeChoices Choices, IReadOnlyList<IntakeMessage> Errors);

/// <summary>A message for the editor: an English key the view translates, with its arguments.</summary>
public sealed record IntakeMessage(string Key, params object[] Args)
{
    /// <summary>Why a file could not be read, when that is the message.</summary>
    public IntakeFailure? Failure { get; init; }

    /// <summary>A file the intake cannot read: the reader's English template is the key, translated where it is shown.</summary>
    public static IntakeMessage Of(IntakeException ex) => new(ex.Template, [.. ex.Args]) { Failure = ex.Failure };
}

/// <summary>
/// Report intake: reads a pasted or uploaded report, proposes its figures for review, and hands the accepted ones to the
/// import (preview, audit, revert) citing the report and each figure's paragraph. Nothing is written before the import's own apply.
/// </summary>
public sealed partial class IntakeService(DashboardDbContext db, AdminReference reference, ImportService imports, IOptions<DatabaseOptions> options)
{
    public const int MaxTextChars = 2_000_000;
    public const int MaxProposals = 2000;
    public static readonly string[] DocumentKinds = ["work-report", "bulletin", "stats-release", "gov-notice", "news", "repost"];

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex DatePattern();

    public async Task<Catalogue> CatalogueAsync(CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.NameZh, i.UnitCode, i.Measure, GrowthOf = i.GrowthOf == null ? null : i.GrowthOf.Code })
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Dimension, cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Slug, r.NameZh, r.Kind }).ToListAsync(cancellationToken);
        var aliases = Aliases(options.Value.SeedPath);
        return new Catalogue(indicators.Select(i => new CatalogueIndicator(i.Code, i.NameZh, i.UnitCode, KebabEnum.ToText(i.Measure), i.GrowthOf, aliases.GetValueOrDefault(i.Code) ?? [])),
            units, regions.Select(r => new CatalogueRegion(r.Slug, r.NameZh, KebabEnum.ToText(r.Kind))));
    }

    private sealed record AliasList(string Path, DateTime Written, IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases);

    private static AliasList? aliasCache;

    /// <summary>The seeds folder's alias list, read again when the file changes.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases(string seeds)
    {
        var path = Path.Combine(seeds, Catalogue.AliasFile);
        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        if (aliasCache is { } cached && cached.Path == path && cached.Written == written)
        {
            return cached.Aliases;
        }
        IReadOnlyDictionary<string, IReadOnlyList<string>> aliases;
        try
        {
            aliases = Catalogue.ReadAliases(seeds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }
        aliasCache = new AliasList(path, written, aliases);
        return aliases;
    }

    public async Task<IntakeChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var choices = await reference.ChoicesAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().OrderByDescending(d => d.PublishedOn).Select(d => new Choice(d.Code, d.Code + " · " + d.TitleZh)).ToListAsync(cancellationToken);
        return new IntakeChoices(choices.Indicators, choices.Regions, documents);
    }

    /// <summary>Problems with the metadata, in English (the view translates them).</summary>
    public async Task<List<IntakeMessage>> CheckDocumentAsync(IntakeDocumentForm form, CancellationToken cancellationToken)
    {
        var errors = new List<IntakeMessage>();
        var code = form.Code?.Trim() ?? "";
        var existing = code.Length > 0 && await db.Documents.AnyAsync(d => d.Code == code, cancellationToken);
        if (!CodePattern().IsMatch(code))
        {
            errors.Add(new IntakeMessage("Enter a document code: lowercase letters, digits and hyphens, at most 32 characters."));
        }
        if (!existing)
        {
            if (string.IsNullOrWhiteSpace(form.TitleZh))
            {
                errors.Add(new IntakeMessage("Enter the document's title."));
            }
            if (!DatePattern().IsMatch(form.PublishedOn?.Trim() ?? ""))
            {
                errors.Add(new IntakeMessage("Enter the publication date as YYYY, YYYY-MM or YYYY-MM-DD."));
            }
            if (!DocumentKinds.Contains(form.Kind))
            {
                errors.Add(new IntakeMessage("Choose the kind of document."));
            }
            if (!string.IsNullOrWhiteSpace(form.Url) && !(Uri.TryCreate(form.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                errors.Add(new IntakeMessage("The web address must start with http:// or https://."));
            }
        }
        if (!await db.Regions.AnyAsync(r => r.Slug == form.Region, cancellationToken))
        {
            errors.Add(new IntakeMessage("Choose the document's region."));
        }
        return errors;
    }

    /// <summary>The year the document was published: its own date, else the existing document's.</summary>
    public async Task<int?> YearAsync(IntakeDocumentForm form, CancellationToken cancellationToken)
    {
        var date = form.PublishedOn?.Trim();
        if (string.IsNullOrEmpty(date) && form.Code is { } code)
        {
            date = await db.Documents.Where(d => d.Code == code.Trim()).Select(d => d.PublishedOn).FirstOrDefaultAsync(cancellationToken);
        }
        return date is { Length: >= 4 } && int.TryParse(date[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    public async Task<IntakeReview> ReviewAsync(IntakeDocumentForm form, string text, CancellationToken cancellationToken)
    {
        var catalogue = await CatalogueAsync(cancellationToken);
        var layout = Layout.Read(text);
        var year = await YearAsync(form, cancellationToken);
        var proposals = new Extractor(catalogue).Extract(layout, text, new ExtractOptions(form.Region, year)).Take(MaxProposals);
        var kind = await DocumentKindAsync(form, cancellationToken);
        var rows = proposals.Select(p => new IntakeRowForm
        {
            Accept = p.Matched, Matched = p.Matched, Paragraph = p.Paragraph, Section = p.Citation, IndicatorZh = p.IndicatorZh, Indicator = p.Indicator, Region = p.Region,
            Period = p.Period, Kind = p.Kind, Comparator = p.Comparator, Value = p.Value, Unit = p.Unit, Quote = p.Quote, Start = p.Start, Shape = p.Shape, Growth = p.Growth,
            Vintage = VintageOf(p.Kind, p.Comparator, p.Preliminary, kind),
        }).OrderByDescending(r => r.Matched).ThenBy(r => r.Paragraph).ThenBy(r => r.Start).ToList();
        AcceptMatched(rows);
        return new IntakeReview(form, rows, layout.Paragraphs, text, await ChoicesAsync(cancellationToken), []);
    }

    private async Task<string> DocumentKindAsync(IntakeDocumentForm form, CancellationToken cancellationToken)
    {
        var code = form.Code?.Trim();
        var existing = await db.Documents.AsNoTracking().Where(d => d.Code == code).Select(d => (DocumentKind?)d.Kind).FirstOrDefaultAsync(cancellationToken);
        return existing is { } k ? KebabEnum.ToText(k) : form.Kind;
    }

    /// <summary>Results a report calls 预计/初步, or gives as 约/左右 in a work report before the bulletin, are preliminary; the rest final.</summary>
    public static string VintageOf(string kind, string comparator, bool preliminaryWording, string documentKind) =>
        kind == "actual" && (preliminaryWording || (documentKind == "work-report" && comparator == "≈")) ? "preliminary" : "final";

    /// <summary>
    /// Accepts every matched figure; where several give the same indicator, region, period and kind (突破6000亿元，达到6105亿元),
    /// the exact one, else the first.
    /// </summary>
    public static void AcceptMatched(IReadOnlyList<IntakeRowForm> rows)
    {
        foreach (var row in rows)
        {
            row.Accept = false;
        }
        foreach (var group in rows.Where(r => r.Matched && !string.IsNullOrWhiteSpace(r.Indicator)).GroupBy(r => (r.Indicator!.Trim(), r.Region, r.Period, r.Kind)))
        {
            group.OrderBy(r => r.Comparator switch { "=" => 0, "≈" => 1, _ => 2 }).First().Accept = true;
        }
    }

    /// <summary>Rows that cannot be applied, each as (row number, English message).</summary>
    public static List<IntakeMessage> CheckRows(IReadOnlyList<IntakeRowForm> rows)
    {
        var errors = new List<IntakeMessage>();
        var accepted = rows.Select((r, i) => (Row: r, Number: i + 1)).Where(x => x.Row.Accept).ToList();
        if (accepted.Count == 0)
        {
            errors.Add(new IntakeMessage("Accept at least one figure."));
        }
        foreach (var (row, number) in accepted.Where(x => string.IsNullOrWhiteSpace(x.Row.Indicator)))
        {
            errors.Add(new IntakeMessage("Figure {0} ({1}) has no indicator: choose one, or reject it.", number, row.Quote ?? ""));
        }
        foreach (var group in accepted.Where(x => !string.IsNullOrWhiteSpace(x.Row.Indicator))
            .GroupBy(x => (x.Row.Indicator!.Trim(), x.Row.Region, x.Row.Period, x.Row.Kind)).Where(g => g.Count() > 1))
        {
            errors.Add(new IntakeMessage("Figures {0} give the same indicator, region, period and kind ({1}): keep one.", string.Join(", ", group.Select(x => x.Number)),
                $"{group.Key.Item1} {group.Key.Region} {group.Key.Period} {group.Key.Kind}"));
        }
        return errors;
    }

    /// <summary>Previews the accepted figures through the import, which writes nothing until its own apply.</summary>
    public async Task<ImportPreview> PreviewAsync(IntakeDocumentForm form, IReadOnlyList<IntakeRowForm> rows, string user, CancellationToken cancellationToken)
    {
        var code = form.Code!.Trim();
        var exists = await db.Documents.AnyAsync(d => d.Code == code, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => new { i.UnitCode, i.Measure }, cancellationToken);
        DocumentRow? document = exists ? null : new DocumentRow(code, form.TitleZh!.Trim(), string.IsNullOrWhiteSpace(form.TitleEn) ? form.TitleZh.Trim() : form.TitleEn.Trim(),
            string.IsNullOrWhiteSpace(form.Publisher) ? null : form.Publisher.Trim(), form.PublishedOn!.Trim(), KebabEnum.Parse<DocumentKind>(form.Kind),
            string.IsNullOrWhiteSpace(form.Url) ? null : form.Url.Trim(), null, null);
        var observations = rows.Where(r => r.Accept).Select(r =>
        {
            var indicator = r.Indicator!.Trim();
            var unit = r.Unit?.Trim() ?? "";
            return (IReadOnlyList<string>)
            [
                indicator, r.Region?.Trim() ?? "", r.Period?.Trim() ?? "", r.Kind?.Trim() ?? "", Ascii(r.Comparator?.Trim() ?? ""), r.Value?.Trim().Replace(",", "", StringComparison.Ordinal) ?? "",
                indicators.GetValueOrDefault(indicator)?.UnitCode == unit ? "" : unit, r.Vintage?.Trim() ?? "final", code, Shorten(r.Section?.Trim() ?? "", 128), "", "",
                r.Kind?.Trim() == "actual" ? "" : Shape(r.Shape, indicators.GetValueOrDefault(indicator)?.Measure, Ascii(r.Comparator?.Trim() ?? "")),
            ];
        });
        var name = "intake " + code + ".csv";
        return await imports.PreviewAsync(name, IntakeBundle.Write(document, observations), user, removeMissing: false, cancellationToken);
    }

    /// <summary>The shape the wording named, else the one the indicator's measure suggests (see <see cref="IndicatorAnalysis.DefaultShape"/>).</summary>
    private static string Shape(string? proposed, Measure? measure, string comparator)
    {
        var named = proposed?.Trim().Replace('_', '-') switch
        {
            "every-year" or "annual" => "annual",
            "level" => null,
            { Length: > 0 } other when KebabEnum.TryParse<GoalShape>(other, out _) => other,
            _ => null,
        };
        return named ?? GoalRuleText.KebabName(IndicatorAnalysis.DefaultShape(measure ?? Measure.Level, ComparatorText.TryParse(comparator, out var c) ? c : Comparator.Eq));
    }

    private static string Ascii(string comparator) => comparator switch { "≈" => "~", "≥" or ">" => ">=", "≤" or "<" => "<=", _ => comparator };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
