using System.Text.Json;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Features.Admin;

/// <summary>One field's change; <paramref name="Lang"/> names the language of its values when the field holds text in one language.</summary>
public sealed record FieldChange(string Field, string? Old, string? New, string? Lang = null);

/// <summary>An audit entry as a person reads it: names instead of ids, Beijing time, labels in the reader's language, and only the fields that changed.</summary>
public sealed record AuditLine(
    long Id, DateTimeOffset At, string User, AuditAction Action, string Entity, string EntityKey, string Title,
    IReadOnlyList<FieldChange> Fields, ChangeSource Source, Guid? ImportId, long? RevertOf, long? RevertedBy)
{
    public string LocalTime => At.ToOffset(AuditPresenter.ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record AuditTable(IReadOnlyList<AuditLine> Lines, bool CanRevert);

public sealed class AuditPresenter(DashboardDbContext db, IStringLocalizer<SharedResource> text)
{
    /// <summary>Asia/Shanghai has kept UTC+8 without daylight saving since 1991.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["indicatorId"] = "Indicator", ["regionId"] = "Region", ["startYear"] = "Start year", ["endYear"] = "End year", ["kind"] = "Kind",
        ["comparator"] = "Comparator", ["value"] = "Value", ["vintage"] = "Vintage", ["unitCode"] = "Unit", ["unitEn"] = "Unit in English words, naming what is counted (10 thousand places; industries)", ["documentId"] = "Source document",
        ["section"] = "Section in the document", ["note"] = "Note", ["code"] = "Code", ["categoryId"] = "Category", ["nameZh"] = "Chinese name",
        ["nameEn"] = "English name", ["measure"] = "Measure", ["direction"] = "Direction", ["precision"] = "Decimals shown", ["chart"] = "Chart",
        ["axisMin"] = "Axis from (optional)", ["axisMax"] = "Axis to", ["growthOfId"] = "Growth of (level indicator)", ["descriptionZh"] = "Chinese description",
        ["descriptionEn"] = "English description", ["titleZh"] = "Chinese title", ["titleEn"] = "English title", ["publisher"] = "Publisher", ["publisherEn"] = "Publisher (English)",
        ["publishedOn"] = "Published", ["url"] = "Web address (URL)", ["reliability"] = "Note on reliability", ["reliabilityEn"] = "Note on reliability (English)", ["sourceFile"] = "Source file",
        ["noteZh"] = "Note (Chinese)", ["noteEn"] = "Note (English)", ["shape"] = "Goal shape", ["basis"] = "Prices of a growth rate (optional)",
    };

    /// <summary>The resource key that names a recorded field in words ("noteZh" → "Note (Chinese)"); the field itself when it has none.</summary>
    public static string LabelKey(string field) => Labels.GetValueOrDefault(field, field);

    public async Task<IReadOnlyList<AuditLine>> LinesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Id, i => Localized.Pick(i.NameZh, i.NameEn), cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => Localized.Pick(r.NameZh, r.NameEn), cancellationToken);
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Id, d => Localized.Pick(d.TitleZh, d.TitleEn) + Words.Of(" ({0})", d.PublishedOn), cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => Localized.Pick(c.NameZh, c.NameEn), cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var reverted = await db.AuditEntries.AsNoTracking().Where(a => a.RevertOf != null && ids.Contains(a.RevertOf.Value))
            .GroupBy(a => a.RevertOf!.Value).Select(g => new { Of = g.Key, By = g.Max(a => a.Id) }).ToDictionaryAsync(g => g.Of, g => g.By, cancellationToken);

        string? Show(string field, JsonElement? element)
        {
            if (element is not { } value || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id))
            {
                var names = field switch { "indicatorId" or "growthOfId" => indicators, "regionId" => regions, "documentId" => documents, "categoryId" => categories, _ => null };
                if (names is not null)
                {
                    return names.TryGetValue(id, out var name) ? name : "#" + id;
                }
            }
            var plain = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (field == "comparator" && Enum.TryParse<Comparator>(plain, out var comparator))
            {
                return comparator.ToSymbol();
            }
            if (field == "kind" && Enum.TryParse<DocumentKind>(plain, out var documentKind))
            {
                return Sources.SourceText.Kind(documentKind);
            }
            if (field is "kind" or "vintage" or "measure" or "direction" or "chart")
            {
                var word = text[Kebab(plain)];
                return word.ResourceNotFound ? text[plain].Value : word.Value;
            }
            return plain;
        }

        var lines = new List<AuditLine>(entries.Count);
        foreach (var entry in entries)
        {
            var before = Parse(entry.OldValues);
            var after = Parse(entry.NewValues);
            var fields = before.Keys.Union(after.Keys).Where(k => k != "id")
                .Select(k => (Key: k, Old: before.TryGetValue(k, out var o) ? o : (JsonElement?)null, New: after.TryGetValue(k, out var n) ? n : (JsonElement?)null))
                .Select(f => new FieldChange(text[LabelKey(f.Key)].Value, Blank(Show(f.Key, f.Old)), Blank(Show(f.Key, f.New)), LanguageOf(f.Key)))
                .Where(f => f.Old != f.New)
                .ToList();
            var values = after.Count > 0 ? after : before;
            lines.Add(new AuditLine(entry.Id, entry.At, entry.UserName, entry.Action, entry.Entity, entry.EntityKey, Title(entry, values, Show),
                fields, entry.Source, entry.ImportId, entry.RevertOf, reverted.TryGetValue(entry.Id, out var by) ? by : null));
        }
        return lines;
    }

    private string Title(AuditEntry entry, Dictionary<string, JsonElement> values, Func<string, JsonElement?, string?> show)
    {
        JsonElement? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
        return entry.Entity switch
        {
            "observation" => string.Join(" · ", new[]
            {
                show("indicatorId", Get("indicatorId")), show("regionId", Get("regionId")),
                Get("startYear")?.GetRawText() == Get("endYear")?.GetRawText() ? Get("startYear")?.GetRawText() : $"{Get("startYear")?.GetRawText()}–{Get("endYear")?.GetRawText()}",
                show("kind", Get("kind")), show("documentId", Get("documentId")),
            }.Where(s => s is not null)),
            "indicator" => Localized.Pick(Get("nameZh")?.GetString() ?? entry.EntityKey, Get("nameEn")?.GetString() ?? ""),
            "milestone" or "document" => Localized.Pick(Get("titleZh")?.GetString() ?? entry.EntityKey, Get("titleEn")?.GetString() ?? ""),
            _ => entry.EntityKey,
        };
    }

    /// <summary>Text typed in one language stays in it whatever the page's language, so the page marks it (WCAG 3.1.2).</summary>
    private static string? LanguageOf(string field) => field switch
    {
        _ when field.EndsWith("En", StringComparison.Ordinal) => "en",
        _ when field.EndsWith("Zh", StringComparison.Ordinal) => "zh-CN",
        "note" or "section" or "publisher" or "reliability" => "zh-CN",
        _ => null,
    };

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
