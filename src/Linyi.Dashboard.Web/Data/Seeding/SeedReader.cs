using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Data.Seeding;

/// <summary>The codes a row may refer to, from the seed files or from the database.</summary>
public sealed record KnownCodes(
    IReadOnlyDictionary<string, string> UnitDimensions,
    IReadOnlySet<string> DocumentCodes,
    IReadOnlySet<string> CategorySlugs,
    IReadOnlySet<string> RegionSlugs,
    IReadOnlySet<string> IndicatorCodes,
    IReadOnlyDictionary<string, string> IndicatorUnits,
    IReadOnlyDictionary<string, string>? UnitNamesEn = null);

/// <summary>Parses and cross-checks the seed tables. Every error is collected; a set with any error is never returned.</summary>
public static class SeedReader
{
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        ["documents.csv"] = ["code", "title_zh", "title_en", "publisher", "published_on", "kind", "url", "reliability", "source_file", "publisher_en", "reliability_en"],
        ["regions.csv"] = ["slug", "name_zh", "name_en", "kind", "parent", "admin_code"],
        ["categories.csv"] = ["slug", "name_zh", "name_en", "sort_order"],
        ["units.csv"] = ["unit", "name_en", "dimension", "to_base"],
        ["indicators.csv"] = ["code", "category", "name_zh", "name_en", "unit", "measure", "direction", "precision", "chart", "growth_of", "description_zh", "description_en", "axis_min", "axis_max", "basis", "unit_en"],
        ["observations.csv"] = ["indicator", "region", "period", "kind", "comparator", "value", "unit", "vintage", "document", "section", "note_zh", "note_en", "shape"],
        ["milestones.csv"] = ["region", "period", "category", "kind", "title_zh", "title_en", "document", "section"],
    };

    public const long MaxFileBytes = 16 * 1024 * 1024;

    public const string TooLarge = "the file is {0:N0} bytes; at most {1:N0} are accepted";

    public static SeedSet ReadDirectory(string directory)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var name in Headers.Keys)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                files[name] = File.ReadAllBytes(path);
            }
        }
        return Read(files);
    }

    public static SeedSet Read(IReadOnlyDictionary<string, byte[]> files)
    {
        var read = new SeedFiles(files);
        var units = read.Units();
        var documents = read.Documents();
        var categories = read.Categories();
        var regions = read.Regions();
        var known = new KnownCodes(units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().Dimension),
            documents.Select(d => d.Code).ToHashSet(), categories.Select(c => c.Slug).ToHashSet(), regions.Slugs, read.Codes("indicators.csv"),
            new Dictionary<string, string>(), units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().NameEn));
        var indicators = read.Indicators(known);
        known = known with { IndicatorUnits = indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First().Unit) };
        var observations = read.Observations(known);
        var milestones = read.Milestones(known);
        if (read.Errors.Count > 0)
        {
            throw new SeedValidationException(read.Errors);
        }
        return new SeedSet(documents, regions.Rows, categories, units, indicators, observations, milestones);
    }

    /// <summary>The seed files being read, one table at a time, and every error found in them.</summary>
    private sealed class SeedFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        private readonly HashSet<object> seen = [];

        public List<SeedError> Errors { get; } = [];

        private IReadOnlyList<CsvRecord> Table(string name) => tables.TryGetValue(name, out var table) ? table : tables[name] = Parse(name);

        private IReadOnlyList<CsvRecord> Parse(string name)
        {
            if (!files.TryGetValue(name, out var bytes))
            {
                Errors.Add(new SeedError(name, 0, 0, new Sentence("the file is missing")));
                return [];
            }
            if (bytes.LongLength > MaxFileBytes)
            {
                Errors.Add(new SeedError(name, 0, 0, new Sentence(TooLarge, bytes.LongLength, MaxFileBytes)));
                return [];
            }
            return CsvTable.Parse(name, bytes, Headers[name], Errors);
        }

        private readonly Dictionary<string, IReadOnlyList<CsvRecord>> tables = [];

        private IEnumerable<FieldReader> Rows(string name) => Table(name).Select(r => new FieldReader(name, r, Headers[name], Errors));

        /// <summary>The codes in a file's first column, so that rows may refer to rows further down the same file.</summary>
        public HashSet<string> Codes(string name) => Table(name).Select(r => r.Fields[0].Trim()).ToHashSet();

        private List<TRow> Each<TRow>(string name, Func<FieldReader, TRow> parse, Func<TRow, object> key, string column, string what)
        {
            var rows = new List<TRow>();
            foreach (var f in Rows(name))
            {
                rows.Add(parse(f));
                CheckUnique(rows, seen, key, f, column, what);
            }
            return rows;
        }

        public List<UnitRow> Units() => Each("units.csv",
            f => new UnitRow(f.Required("unit", 16), f.Required("name_en", 128), f.Code("dimension", 32), f.Decimal("to_base", positive: true)),
            u => u.Code, "unit", "unit");

        public List<DocumentRow> Documents() => Each("documents.csv", f =>
            {
                var document = ParseDocument(f);
                RequireEnglish(f, document.Publisher, document.PublisherEn, "publisher", "publisher_en");
                RequireEnglish(f, document.Reliability, document.ReliabilityEn, "reliability", "reliability_en");
                return document;
            }, d => d.Code, "code", "document code");

        public List<CategoryRow> Categories() => Each("categories.csv",
            f => new CategoryRow(f.Code("slug", 32), f.Required("name_zh", 64), f.Required("name_en", 128), f.Int("sort_order", 0, 10_000)),
            c => c.Slug, "slug", "category slug");

        public (List<RegionRow> Rows, HashSet<string> Slugs) Regions()
        {
            var slugs = Codes("regions.csv");
            var rows = Each("regions.csv", f =>
            {
                var adminCode = f.Optional("admin_code", 6);
                if (adminCode is not null && (adminCode.Length != 6 || !adminCode.All(char.IsAsciiDigit)))
                {
                    f.Error("admin_code", new Sentence("admin_code '{0}' must be six digits (GB/T 2260)", adminCode));
                }
                return new RegionRow(f.Code("slug", 32), f.Required("name_zh", 64), f.Required("name_en", 128), f.Enum<RegionKind>("kind"),
                    f.Reference("parent", slugs, required: false, "region"), adminCode);
            }, r => r.Slug, "slug", "region slug");
            return (rows, slugs);
        }

        public List<IndicatorRow> Indicators(KnownCodes known) =>
            Each("indicators.csv", f => ParseIndicator(f, known), i => i.Code, "code", "indicator code");

        public List<ObservationRow> Observations(KnownCodes known) =>
            Each("observations.csv", f => ParseObservation(f, known), o => o.VintageKey, "document", "observation (indicator, region, period, kind, document)");

        public List<MilestoneRow> Milestones(KnownCodes known) =>
            Each("milestones.csv", f => ParseMilestone(f, known), m => (m.Region, m.Period, m.TitleZh), "title_zh", "milestone (region, period, title_zh)");
    }

    public static DocumentRow ParseDocument(FieldReader f)
    {
        var publishedOn = f.Required("published_on", 10);
        if (publishedOn.Length > 0 && !IsPartialDate(publishedOn))
        {
            f.Error("published_on", new Sentence("published_on '{0}' must be YYYY, YYYY-MM or YYYY-MM-DD", publishedOn));
        }
        var url = f.Optional("url", 1000);
        if (url is not null)
        {
            if (WebAddress(url) is { } address)
            {
                url = address;
            }
            else
            {
                f.Error("url", new Sentence("url '{0}' must be a web address starting with http:// or https://, without spaces", url));
            }
        }
        return new DocumentRow(f.Code("code", 32), f.Required("title_zh", 256), f.Required("title_en", 256), f.Optional("publisher", 128),
            publishedOn, f.Enum<DocumentKind>("kind"), url, f.Optional("reliability", 1000), f.Optional("source_file", 256),
            f.Optional("publisher_en", 128), f.Optional("reliability_en", 1000));
    }

    /// <summary>
    /// A seed document that names its publisher or notes its reliability in Chinese says it in English too, so that English
    /// pages never show a Chinese sentence. (Forms and imports may leave the English empty; the pages then fall back to the Chinese.)
    /// </summary>
    private static void RequireEnglish(FieldReader f, string? zh, string? en, string zhColumn, string enColumn)
    {
        if (zh is not null && en is null && !f.HasErrorAt(enColumn))
        {
            f.Error(enColumn, new Sentence("{0} is required when {1} is given: the English pages show it", enColumn, zhColumn));
        }
    }

    /// <summary>
    /// Units whose English name does not say what is counted ("items", "households or entities", "events or sessions"): an
    /// indicator in one of them names its own English unit in <c>unit_en</c> ("10 thousand places", "industries").
    /// </summary>
    public static IReadOnlySet<string> GenericUnits => ChineseSourceWords.GenericUnits;

    /// <summary>The multipliers an English unit name may open with; a specific name keeps its unit's, so figures scale the same.</summary>
    public static readonly string[] EnglishMultipliers = ["100 million ", "10 thousand "];

    public static string EnglishMultiplier(string name) => EnglishMultipliers.FirstOrDefault(m => name.StartsWith(m, StringComparison.Ordinal)) ?? "";

    private static void CheckEnglishUnit(FieldReader f, IndicatorRow row, KnownCodes known)
    {
        if (row.UnitEn is null)
        {
            if (GenericUnits.Contains(row.Unit))
            {
                f.Error("unit_en", new Sentence("unit_en is required for unit '{0}', whose English name does not say what is counted", row.Unit));
            }
            return;
        }
        if (known.UnitNamesEn?.GetValueOrDefault(row.Unit) is { } general && EnglishMultiplier(general) is var multiplier
            && (EnglishMultiplier(row.UnitEn) != multiplier || row.UnitEn.Length == multiplier.Length))
        {
            f.Error("unit_en", multiplier.Length == 0
                ? new Sentence("unit_en '{0}' must not open with a multiplier: unit '{1}' is '{2}'", row.UnitEn, row.Unit, general)
                : new Sentence("unit_en '{0}' must open with '{1}' and name what is counted, as unit '{2}' is '{3}'", row.UnitEn, multiplier.TrimEnd(), row.Unit, general));
        }
    }

    public static IndicatorRow ParseIndicator(FieldReader f, KnownCodes known)
    {
        var unitCodes = known.UnitDimensions.Keys.ToHashSet();
        var row = new IndicatorRow(f.Code("code", 64), f.Reference("category", known.CategorySlugs, required: true, "category")!,
            f.Required("name_zh", 128), f.Required("name_en", 256), f.Reference("unit", unitCodes, required: true, "unit")!,
            f.Enum<Measure>("measure"), f.Enum<Direction>("direction"), f.Int("precision", 0, 4), f.Enum<ChartType>("chart"),
            f.Reference("growth_of", known.IndicatorCodes, required: false, "indicator"), f.Optional("description_zh") ?? "", f.Optional("description_en", 2000) ?? "",
            f.OptionalDecimal("axis_min"), f.OptionalDecimal("axis_max"), f.OptionalEnum<PriceBasis>("basis"), f.Optional("unit_en", 128));
        CheckEnglishUnit(f, row, known);
        if (row.Basis is not null && row.Measure != Measure.Growth)
        {
            f.Error("basis", new Sentence("basis is only for indicators whose measure is growth"));
        }
        if (row.AxisMin is { } min && row.AxisMax is { } max && min >= max)
        {
            f.Error("axis_max", new Sentence("axis_max must be greater than axis_min"));
        }
        if (row.GrowthOf is not null && row.Measure != Measure.Growth)
        {
            f.Error("growth_of", new Sentence("growth_of is only for indicators whose measure is growth"));
        }
        if (row.GrowthOf == row.Code && row.Code.Length > 0)
        {
            f.Error("growth_of", new Sentence("an indicator cannot be the growth of itself"));
        }
        return row;
    }

    public static ObservationRow ParseObservation(FieldReader f, KnownCodes known)
    {
        var row = new ObservationRow(f.Reference("indicator", known.IndicatorCodes, required: true, "indicator")!,
            f.Reference("region", known.RegionSlugs, required: true, "region")!, f.Period("period"), f.Enum<ObservationKind>("kind"),
            f.Comparator("comparator"), f.Decimal("value"), f.Reference("unit", known.UnitDimensions.Keys.ToHashSet(), required: false, "unit"),
            f.Enum<Vintage>("vintage"), f.Reference("document", known.DocumentCodes, required: true, "document")!, f.Required("section", 128), f.Optional("note_zh"), f.Optional("note_en"),
            f.OptionalEnum<GoalShape>("shape"));
        if (row.Kind == ObservationKind.Actual && row.Shape is not null)
        {
            f.Error("shape", new Sentence("a result has no shape; shape is for targets and stretch targets"));
        }
        else if (row.Kind != ObservationKind.Actual && row.Shape is null)
        {
            f.Error("shape", new Sentence("a {0} needs its shape, one of: {1}", KebabEnum.ToText(row.Kind), string.Join(", ", KebabEnum.Texts<GoalShape>())));
        }
        if (row.Unit is not null && known.IndicatorUnits.TryGetValue(row.Indicator, out var indicatorUnit)
            && known.UnitDimensions.TryGetValue(row.Unit, out var dimension) && known.UnitDimensions.GetValueOrDefault(indicatorUnit) != dimension)
        {
            f.Error("unit", new Sentence("unit '{0}' ({1}) cannot express indicator '{2}', measured in {3}", row.Unit, dimension, row.Indicator, indicatorUnit));
        }
        return row;
    }

    public static MilestoneRow ParseMilestone(FieldReader f, KnownCodes known) =>
        new(f.Reference("region", known.RegionSlugs, required: true, "region")!, f.Period("period"),
            f.Reference("category", known.CategorySlugs, required: false, "category"), f.Enum<MilestoneKind>("kind"),
            f.Required("title_zh", 200), f.Required("title_en", 400), f.Reference("document", known.DocumentCodes, required: true, "document")!,
            f.Required("section", 128));

    /// <summary>
    /// Parses an uploaded observations file (the seeds format) against codes that already exist. Errors name line and column;
    /// duplicate keys within the file are errors.
    /// </summary>
    public static IReadOnlyList<ObservationRow> ReadObservations(string fileName, ReadOnlyMemory<byte> bytes, KnownCodes known, List<SeedError> errors)
    {
        var header = Headers["observations.csv"];
        var rows = new List<ObservationRow>();
        var seen = new HashSet<object>();
        foreach (var record in CsvTable.Parse(fileName, bytes, header, errors))
        {
            var f = new FieldReader(fileName, record, header, errors);
            rows.Add(ParseObservation(f, known));
            CheckUnique(rows, seen, o => o.VintageKey, f, "document", "observation (indicator, region, period, kind, document)");
        }
        return rows;
    }

    /// <summary>The address with its scheme in lower case (as stored and linked), or null when it is not an http(s) address.</summary>
    private static string? WebAddress(string text)
    {
        var scheme = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 4 : text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 5 : 0;
        return scheme > 0 && Uri.TryCreate(text, UriKind.Absolute, out _) && !text.Any(char.IsWhiteSpace)
            ? text[..scheme].ToLowerInvariant() + text[scheme..]
            : null;
    }

    private static bool IsPartialDate(string text) =>
        text.Length switch
        {
            4 => text.All(char.IsAsciiDigit),
            7 => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out _),
            10 => DateOnly.TryParseExact(text, "yyyy-MM-dd", out _),
            _ => false,
        };

    /// <summary>The last row added must not repeat the key of an earlier one.</summary>
    private static void CheckUnique<TRow, TKey>(List<TRow> rows, HashSet<object> seen, Func<TRow, TKey> key, FieldReader f, string column, string what)
        where TKey : notnull
    {
        // A row with a bad field has no key to compare: a period that did not parse would read as year 0 in every such row.
        if (f.HasErrors)
        {
            return;
        }
        var last = key(rows[^1]);
        if (!seen.Add((typeof(TRow), last)))
        {
            f.Error(column, new Sentence("duplicate {0}: {1} appears twice", new Sentence(what), last));
        }
    }
}
