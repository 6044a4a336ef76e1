using Linyi.Dashboard.Web.Data.Seeding;

namespace Linyi.Dashboard.Web.Features.Worksheets;

/// <summary>The figures and new documents of a filled worksheet, ready for the import preview.</summary>
public sealed record WorksheetContent(IReadOnlyList<ObservationRow> Rows, IReadOnlyList<DocumentRow> NewDocuments);

public static class WorksheetImport
{
    public static string DefaultSection => WorksheetTexts.DefaultSection;

    /// <summary>
    /// Reads a filled worksheet through the seed rules. Rows whose input columns are empty are skipped. Null when the file
    /// is not a worksheet (then it is read as observations.csv).
    /// </summary>
    public static WorksheetContent? Parse(string fileName, byte[] content, KnownCodes known, List<SeedError> errors)
    {
        if (WorksheetFile.Read(fileName, content, errors) is not { } sheet)
        {
            return null;
        }
        var header = WorksheetFile.Header(sheet.Kind);
        var newDocuments = new Dictionary<string, DocumentRow>(StringComparer.Ordinal);
        var filled = new List<(CsvRecord Record, Dictionary<string, string> Cells)>();
        foreach (var record in sheet.Records)
        {
            var cells = header.Select((h, i) => (h, v: i < record.Fields.Count ? record.Fields[i] : "")).ToDictionary(c => c.h, c => c.v);
            var inputs = sheet.Kind == WorksheetKind.Results ? new[] { "result" } : ["new_target", "new_stretch"];
            if (inputs.All(c => cells[c].Length == 0))
            {
                continue;
            }
            filled.Add((record, cells));
            var code = cells["document"];
            if (code.Length > 0 && !known.DocumentCodes.Contains(code) && !newDocuments.ContainsKey(code) && cells["document_title"].Length > 0)
            {
                var values = new Dictionary<string, string>
                {
                    ["code"] = code, ["title_zh"] = cells["document_title"], ["title_en"] = cells["document_title"], ["published_on"] = cells["document_published"],
                    ["kind"] = cells["document_kind"].Length > 0 ? cells["document_kind"] : "bulletin", ["url"] = cells["document_url"],
                };
                var document = Read(fileName, record.Line, values, SeedReader.Headers["documents.csv"], header, errors, SeedReader.ParseDocument,
                    new Dictionary<string, string> { ["code"] = "document", ["title_zh"] = "document_title", ["title_en"] = "document_title", ["published_on"] = "document_published", ["kind"] = "document_kind", ["url"] = "document_url" });
                newDocuments[code] = document;
            }
        }
        var withNew = known with { DocumentCodes = known.DocumentCodes.Union(newDocuments.Keys).ToHashSet() };
        var rows = new List<ObservationRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (record, cells) in filled)
        {
            var figures = sheet.Kind == WorksheetKind.Results
                ? [("actual", "=", cells["result"], "result", "vintage")]
                : new[] { ("target", Or(cells["new_comparator"], "="), cells["new_target"], "new_target", "new_comparator"), ("stretch", Or(cells["new_stretch_comparator"], ">="), cells["new_stretch"], "new_stretch", "new_stretch_comparator") }
                    .Where(f => f.Item3.Length > 0);
            foreach (var (kind, comparator, value, valueColumn, otherColumn) in figures)
            {
                var values = new Dictionary<string, string>
                {
                    ["indicator"] = cells["indicator"], ["region"] = cells["region"], ["period"] = cells["year"], ["kind"] = kind, ["comparator"] = comparator,
                    ["value"] = value, ["unit"] = "", ["vintage"] = sheet.Kind == WorksheetKind.Results ? Or(cells["vintage"], "final") : "final",
                    ["document"] = cells["document"], ["section"] = Or(cells["section"], DefaultSection), ["note"] = "",
                    ["shape"] = kind == "actual" ? "" : cells["new_shape"],
                };
                var before = errors.Count;
                var row = Read(fileName, record.Line, values, SeedReader.Headers["observations.csv"], header, errors, f => SeedReader.ParseObservation(f, withNew),
                    new Dictionary<string, string> { ["period"] = "year", ["value"] = valueColumn, ["comparator"] = otherColumn, ["vintage"] = otherColumn, ["kind"] = valueColumn, ["shape"] = "new_shape" });
                if (errors.Count > before || seen.Add(row.VintageKey))
                {
                    rows.Add(row);
                }
                else
                {
                    errors.Add(new SeedError(fileName, record.Line, Array.IndexOf(header, valueColumn) + 1, new Sentence("duplicate observation {0}: the worksheet gives this figure twice", row.VintageKey)));
                }
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new SeedError(fileName, 2, Array.IndexOf(header, sheet.Kind == WorksheetKind.Results ? "result" : "new_target") + 1, new Sentence("the worksheet has no filled rows")));
        }
        return new WorksheetContent(rows, [.. newDocuments.Values]);
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    /// <summary>Runs one seed parser over values taken from a worksheet row; its errors name the worksheet's line and column.</summary>
    private static T Read<T>(string fileName, int line, Dictionary<string, string> values, string[] seedHeader, string[] sheetHeader, List<SeedError> errors,
        Func<FieldReader, T> parse, Dictionary<string, string> columns)
    {
        var local = new List<SeedError>();
        var result = parse(new FieldReader(fileName, new CsvRecord(line, seedHeader.Select(h => values.GetValueOrDefault(h) ?? "").ToList()), seedHeader, local));
        foreach (var error in local)
        {
            var seedColumn = error.Column >= 1 && error.Column <= seedHeader.Length ? seedHeader[error.Column - 1] : "";
            var sheetColumn = columns.GetValueOrDefault(seedColumn) ?? seedColumn;
            errors.Add(error with { Line = line, Column = Array.IndexOf(sheetHeader, sheetColumn) + 1 });
        }
        return result;
    }
}
