using System.Text;
using Linyi.Dashboard.Web.Features.Filters;
using Microsoft.Extensions.Primitives;

namespace Linyi.Dashboard.Web.Features.Briefing;

/// <summary>One chosen item: an indicator by its code, or a whole category as "category:slug".</summary>
public sealed record BriefingItem(string Code, bool IsCategory)
{
    public const string CategoryPrefix = "category:";

    public string Key => IsCategory ? CategoryPrefix + Code : Code;
}

/// <summary>
/// What an official chose for a briefing, read from the query string (so the address is the permalink): items in their
/// order, regions, a title and a note. Parse collects every problem as a message in both languages, never an exception.
/// </summary>
public sealed record BriefingSelection(IReadOnlyList<BriefingItem> Items, IReadOnlyList<string> Regions, string? Title, string? Note)
{
    public const int MaxItems = 12;
    public const int MaxRegions = 4;
    public const int MaxCharts = 40;
    public const int MaxTitle = 60;
    public const int MaxNote = 600;

    public static readonly string[] QueryKeys = ["item", "region", "title", "note"];

    public bool IsEmpty => Items.Count == 0;

    public static (BriefingSelection Selection, List<Sentence> Errors) Parse(IQueryCollection query, Reference refs, IReadOnlyDictionary<string, string> indicatorCategory)
    {
        var errors = new List<Sentence>();
        var items = new List<BriefingItem>();
        foreach (var raw in Values(query["item"]))
        {
            var item = raw.StartsWith(BriefingItem.CategoryPrefix, StringComparison.Ordinal)
                ? new BriefingItem(raw[BriefingItem.CategoryPrefix.Length..], true)
                : new BriefingItem(raw, false);
            var known = item.IsCategory ? refs.Category(item.Code) is not null : indicatorCategory.ContainsKey(item.Code);
            if (!known)
            {
                var shown = Shown(raw);
                errors.Add(item.IsCategory ? new Sentence("Unknown category '{0}'.", shown) : new Sentence("Unknown indicator '{0}'.", shown));
            }
            else if (!items.Contains(item))
            {
                items.Add(item);
            }
        }
        var regions = new List<string>();
        foreach (var slug in Values(query["region"]))
        {
            if (refs.Region(slug) is null)
            {
                errors.Add(new Sentence("Unknown region '{0}'.", Shown(slug)));
            }
            else if (!regions.Contains(slug, StringComparer.Ordinal))
            {
                regions.Add(slug);
            }
        }
        if (regions.Count == 0)
        {
            regions.Add(DashboardFilter.City);
        }
        if (items.Count > MaxItems)
        {
            errors.Add(new Sentence("Choose at most {0} indicators or categories ({1} chosen).", MaxItems, items.Count));
        }
        if (regions.Count > MaxRegions)
        {
            errors.Add(new Sentence("Choose at most {0} regions ({1} chosen).", MaxRegions, regions.Count));
        }
        var charts = items.Sum(i => i.IsCategory ? indicatorCategory.Count(c => c.Value == i.Code) : 1) * regions.Count;
        if (errors.Count == 0 && charts > MaxCharts)
        {
            errors.Add(new Sentence("This selection makes {0} charts; a briefing holds at most {1}. Choose fewer items or regions.", charts, MaxCharts));
        }
        var title = Text(query["title"], MaxTitle, "title", errors);
        var note = Text(query["note"], MaxNote, "note", errors);
        return (new BriefingSelection(items, regions, title, note), errors);
    }

    /// <summary>The permalink's query string; items keep their order.</summary>
    public string ToQuery(IReadOnlyList<BriefingItem>? items = null)
    {
        var parts = (items ?? Items).Select(i => "item=" + Uri.EscapeDataString(i.Key))
            .Concat(Regions.Select(r => "region=" + Uri.EscapeDataString(r)));
        if (Title is not null)
        {
            parts = parts.Append("title=" + Uri.EscapeDataString(Title));
        }
        if (Note is not null)
        {
            parts = parts.Append("note=" + Uri.EscapeDataString(Note));
        }
        return string.Join("&", parts);
    }

    /// <summary>The same selection with the item at <paramref name="index"/> moved one place up (-1) or down (+1).</summary>
    public string MoveQuery(int index, int by)
    {
        var items = Items.ToList();
        (items[index], items[index + by]) = (items[index + by], items[index]);
        return ToQuery(items);
    }

    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Text(StringValues values, int max, string name, List<Sentence> errors)
    {
        var text = string.Join(" ", values.Where(v => !string.IsNullOrWhiteSpace(v))).Trim();
        if (text.Length > max)
        {
            errors.Add(new Sentence("The {0} is {1} characters long; at most {2} are allowed.", new Sentence(name), text.Length, max));
        }
        if (text.Any(c => char.IsControl(c) || Web.Data.Seeding.FieldReader.IsBidiControl(c)))
        {
            errors.Add(new Sentence("The {0} contains a control or text-direction character; use plain text.", new Sentence(name)));
        }
        return text.Length == 0 ? null : text.Normalize(NormalizationForm.FormC);
    }

    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
