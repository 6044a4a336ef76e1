using System.Globalization;
using System.Text;

namespace Linyi.Dashboard.Intake;

public sealed record BenchResult(string Document, string File, int Expected, int Extracted, int Matched, int ComparatorAgrees, int IndicatorAgrees, IReadOnlyList<string> Missed,
    int ExtractedWithIndicator = 0, IReadOnlyList<string>? OtherIndicator = null)
{
    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

    public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;

    /// <summary>The share of the seed figures found with the seeds' indicator code.</summary>
    public double IndicatorRecall => Expected == 0 ? 1 : (double)IndicatorAgrees / Expected;

    /// <summary>The share of the figures proposed with an indicator code that are seed figures of that indicator.</summary>
    public double IndicatorPrecision => ExtractedWithIndicator == 0 ? 1 : (double)IndicatorAgrees / ExtractedWithIndicator;
}

/// <summary>
/// Runs the extractor on the seed documents and compares its figures with the ones seeds/observations.csv holds for each:
/// a figure is found when value, unit, region, period and kind all agree.
/// </summary>
public static class Bench
{
    public static IReadOnlyList<BenchResult> Run(string seeds, string documentsFolder)
    {
        var catalogue = Catalogue.FromSeeds(seeds);
        var extractor = new Extractor(catalogue);
        var units = catalogue.Indicators.ToDictionary(i => i.Code, i => i.Unit);
        var observations = Csv.ReadFile(Path.Combine(seeds, "observations.csv")).ToList();
        var results = new List<BenchResult>();
        foreach (var document in Csv.ReadFile(Path.Combine(seeds, "documents.csv")).Where(d => d["source_file"].Length > 0))
        {
            var path = Path.Combine(documentsFolder, document["source_file"]);
            if (!File.Exists(path))
            {
                continue;
            }
            var year = int.Parse(document["published_on"][..4], CultureInfo.InvariantCulture);
            var proposals = extractor.Extract(DocumentReader.ReadFile(path).Text, new ExtractOptions(null, year)).ToList();
            var expected = observations.Where(o => o["document"] == document["code"]).ToList();
            var used = new bool[proposals.Count];
            var matched = 0;
            var comparators = 0;
            var indicators = 0;
            var missed = new List<string>();
            var other = new List<string>();
            foreach (var o in expected)
            {
                var unit = o["unit"].Length > 0 ? o["unit"] : units.GetValueOrDefault(o["indicator"], "");
                var value = decimal.Parse(o["value"], CultureInfo.InvariantCulture);
                var candidates = Enumerable.Range(0, proposals.Count).Where(i => !used[i] && proposals[i].Unit == unit && proposals[i].Region == o["region"]
                    && proposals[i].Period == o["period"] && proposals[i].Kind == o["kind"]
                    && decimal.TryParse(proposals[i].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v == value).ToList();
                if (candidates.Count == 0)
                {
                    missed.Add($"{o["indicator"]} {o["region"]} {o["period"]} {o["kind"]} {o["comparator"]}{o["value"]}{unit} ({o["section"]})");
                    continue;
                }
                var best = candidates.OrderByDescending(i => proposals[i].Indicator == o["indicator"]).ThenByDescending(i => Ascii(proposals[i].Comparator) == o["comparator"]).First();
                used[best] = true;
                matched++;
                comparators += Ascii(proposals[best].Comparator) == o["comparator"] ? 1 : 0;
                indicators += proposals[best].Indicator == o["indicator"] ? 1 : 0;
                if (proposals[best].Indicator != o["indicator"])
                {
                    other.Add($"{o["indicator"]} ← “{proposals[best].IndicatorZh}” ({proposals[best].Indicator ?? "none"}, {o["value"]}{unit}, ¶{proposals[best].Paragraph})");
                }
            }
            results.Add(new BenchResult(document["code"], document["source_file"], expected.Count, proposals.Count, matched, comparators, indicators, missed,
                proposals.Count(p => p.Indicator is not null), other));
        }
        return results;
    }

    private static string Ascii(string comparator) => comparator switch { "≈" => "~", "≥" => ">=", "≤" => "<=", _ => comparator };

    public static string Markdown(IReadOnlyList<BenchResult> results, bool details)
    {
        var text = new StringBuilder();
        text.Append("| document | file | figures in seeds | extracted | found | recall | precision | comparator agrees | indicator agrees | with a code | recall with code | precision with code |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results.Append(new BenchResult("all", "", results.Sum(r => r.Expected), results.Sum(r => r.Extracted), results.Sum(r => r.Matched),
            results.Sum(r => r.ComparatorAgrees), results.Sum(r => r.IndicatorAgrees), [], results.Sum(r => r.ExtractedWithIndicator))))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {r.Document} | {r.File} | {r.Expected} | {r.Extracted} | {r.Matched} | {r.Recall:P1} | {r.Precision:P1} | {r.ComparatorAgrees} of {r.Matched} | {r.IndicatorAgrees} of {r.Matched} | {r.ExtractedWithIndicator} | {r.IndicatorRecall:P1} | {r.IndicatorPrecision:P1} |\n");
        }
        if (details)
        {
            foreach (var r in results.Where(r => r.Missed.Count > 0))
            {
                text.Append(CultureInfo.InvariantCulture, $"\nNot found in {r.Document}:\n");
                foreach (var m in r.Missed)
                {
                    text.Append("- ").Append(m).Append('\n');
                }
            }
            foreach (var r in results.Where(r => r.OtherIndicator is { Count: > 0 }))
            {
                text.Append(CultureInfo.InvariantCulture, $"\nFound in {r.Document} without the seeds' indicator (seeds ← phrase, proposed):\n");
                foreach (var m in r.OtherIndicator!)
                {
                    text.Append("- ").Append(m).Append('\n');
                }
            }
        }
        return text.ToString();
    }
}
