using System.Text;

namespace Linyi.Dashboard.Intake;

public sealed record CatalogueIndicator(string Code, string NameZh, string Unit, string Measure, string? GrowthOf, IReadOnlyList<string> Aliases);

public sealed record CatalogueRegion(string Slug, string NameZh, string Kind);

/// <summary>What the extractor matches figures against: indicators (names and aliases), units and regions.</summary>
public sealed class Catalogue
{
    public Catalogue(IEnumerable<CatalogueIndicator> indicators, IReadOnlyDictionary<string, string> unitDimensions, IEnumerable<CatalogueRegion> regions)
    {
        Indicators = [.. indicators];
        UnitDimensions = unitDimensions;
        Regions = [.. regions];
    }

    public IReadOnlyList<CatalogueIndicator> Indicators { get; }

    /// <summary>Unit as written → its dimension (units of one dimension convert into each other).</summary>
    public IReadOnlyDictionary<string, string> UnitDimensions { get; }

    public IReadOnlyList<CatalogueRegion> Regions { get; }

    public static Catalogue Empty { get; } = new([], new Dictionary<string, string>(), []);

    public const string AliasFile = "indicator-aliases.csv";

    /// <summary>Reads indicators.csv, units.csv and regions.csv of a seeds folder, and indicator-aliases.csv when there is one.</summary>
    public static Catalogue FromSeeds(string directory)
    {
        var aliases = ReadAliases(directory);
        var indicators = Csv.ReadFile(Path.Combine(directory, "indicators.csv")).Select(r => new CatalogueIndicator(
            r["code"], r["name_zh"], r["unit"], r["measure"], r["growth_of"].Length == 0 ? null : r["growth_of"],
            aliases.TryGetValue(r["code"], out var a) ? a : []));
        var units = Csv.ReadFile(Path.Combine(directory, "units.csv")).ToDictionary(r => r["unit"], r => r["dimension"], StringComparer.Ordinal);
        var regions = Csv.ReadFile(Path.Combine(directory, "regions.csv")).Select(r => new CatalogueRegion(r["slug"], r["name_zh"], r["kind"]));
        return new Catalogue(indicators, units, regions);
    }

    /// <summary>The alias list of a seeds folder (indicator code → its other wordings); empty when the folder has none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadAliases(string directory)
    {
        var path = Path.Combine(directory, AliasFile);
        if (!File.Exists(path))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }
        return Csv.ReadFile(path).Where(r => r.GetValueOrDefault("indicator", "").Length > 0 && r.GetValueOrDefault("alias_zh", "").Length > 0)
            .GroupBy(r => r["indicator"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r["alias_zh"].Trim()).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The seeds folder: LINYI_SEEDS_DIR, else the nearest seeds/ above the given folder.</summary>
    public static string? FindSeeds(string start)
    {
        var configured = Environment.GetEnvironmentVariable("LINYI_SEEDS_DIR");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "indicators.csv")))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "indicators.csv")))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A small RFC 4180 reader for the catalogue files.</summary>
public static class Csv
{
    public static IEnumerable<Dictionary<string, string>> ReadFile(string path) => Read(File.ReadAllText(path, Encoding.UTF8));

    public static IEnumerable<Dictionary<string, string>> Read(string text)
    {
        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            yield break;
        }
        var header = records[0];
        foreach (var record in records.Skip(1))
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < record.Count ? record[i] : "";
            }
            yield return row;
        }
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return fields;
        }
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
