using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Linyi.Dashboard.Web.Domain;

namespace Linyi.Dashboard.Web.Features.Worksheets;

/// <summary>
/// The results-due (待填报) and targets worksheets as XLSX or CSV, and their reading back. Row 1 holds the column codes
/// (so that the import can read the file whatever its language); the columns after the goal are for the editor to fill.
/// A worksheet may cite a document that does not exist yet: its title, date, kind and address create it with the import.
/// </summary>
public static class WorksheetFile
{
    public static readonly string[] DocumentColumns = ["document", "section", "document_title", "document_published", "document_kind", "document_url"];

    public static readonly string[] ResultsHeader =
        [.. new[] { "indicator", "indicator_name", "region", "region_name", "goal_period", "target", "stretch", "unit", "year", "result", "vintage" }, .. DocumentColumns];

    public static readonly string[] TargetsHeader =
    [
        .. new[] { "indicator", "indicator_name", "region", "region_name", "goal_period", "target", "stretch", "unit", "year", "new_comparator", "new_target", "new_stretch_comparator", "new_stretch", "new_shape" },
        .. DocumentColumns,
    ];

    /// <summary>The column a person fills first, shaded in the XLSX.</summary>
    private static int FirstInput(WorksheetKind kind) => kind == WorksheetKind.Results ? 9 : 9;

    public static string[] Header(WorksheetKind kind) => kind == WorksheetKind.Results ? ResultsHeader : TargetsHeader;

    private static string?[] Cells(WorksheetRow r, WorksheetKind kind)
    {
        string?[] cells =
        [
            r.Indicator, r.IndicatorName, r.Region, r.RegionName, r.GoalPeriod, Goal(r.Target, r.TargetComparator), Goal(r.Stretch, r.StretchComparator), r.Unit,
            r.Year.ToString(CultureInfo.InvariantCulture),
            .. Enumerable.Repeat<string?>(null, Header(kind).Length - 9),
        ];
        if (kind == WorksheetKind.Targets && r.Shape is { } shape)
        {
            cells[Array.IndexOf(TargetsHeader, "new_shape")] = GoalRuleText.KebabName(shape);
        }
        return cells;
    }

    private static string? Goal(decimal? value, Comparator? comparator) =>
        value is not { } v ? null : (comparator is null or Comparator.Eq ? "" : comparator.Value.ToAscii()) + v.ToString(CultureInfo.InvariantCulture);

    public static byte[] Csv(IReadOnlyList<WorksheetRow> rows, WorksheetKind kind)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Header(kind))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', Cells(row, kind).Select(Quote))).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static byte[] Xlsx(IReadOnlyList<WorksheetRow> rows, WorksheetKind kind, IReadOnlyList<string> documents, string years)
    {
        var header = Header(kind);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold(), new Color { Rgb = "FFFFFFFF" })),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FF1F4E79" }) { PatternType = PatternValues.Solid }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
                    new CellFormat { FillId = 3, ApplyFill = true }));

            var data = workbook.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData(new Row(header.Select(h => Text(h, 1))));
            foreach (var row in rows)
            {
                sheetData.Append(new Row(Cells(row, kind).Select((value, i) => Text(value, i >= FirstInput(kind) ? 2u : 0u))));
            }
            var last = rows.Count + 1;
            var lastInputRow = Math.Max(last, 2);
            var validations = new DataValidations();
            void List(string column, string formula)
            {
                var letter = Letter(Array.IndexOf(header, column) + 1);
                validations.Append(new DataValidation(new Formula1(formula))
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{lastInputRow}" },
                });
            }
            if (kind == WorksheetKind.Results)
            {
                List("vintage", "\"final,preliminary\"");
            }
            else
            {
                List("new_comparator", "\"=,>=,<=,~\"");
                List("new_stretch_comparator", "\"=,>=,<=,~\"");
                List("new_shape", "\"" + string.Join(',', KebabEnum.Texts<GoalShape>()) + "\"");
            }
            List("document_kind", "\"" + string.Join(',', KebabEnum.Texts<DocumentKind>()) + "\"");
            List("document", $"'{WorksheetTexts.DocumentsSheet}'!$A$2:$A${Math.Max(documents.Count + 1, 2)}");
            validations.Count = (uint)validations.ChildElements.Count;
            data.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(header.Select((h, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = h.EndsWith("name", StringComparison.Ordinal) || h == "document_title" ? 30 : 14, CustomWidth = true })),
                sheetData,
                new AutoFilter { Reference = $"A1:{Letter(header.Length)}{last}" },
                validations);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = WorksheetTexts.DataSheet(kind, years) });

            var help = workbook.AddNewPart<WorksheetPart>();
            help.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }),
                new SheetData(WorksheetTexts.Instructions(kind, years).Where(line => line.Length > 0).Select((line, i) => new Row(Text(line, i == 0 ? 1u : 0u)))));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(help), SheetId = 2, Name = WorksheetTexts.InstructionsSheet });

            var docs = workbook.AddNewPart<WorksheetPart>();
            docs.Worksheet = new Worksheet(new SheetData(new[] { "document" }.Concat(documents).Select((code, i) => new Row(Text(code, i == 0 ? 1u : 0u)))));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(docs), SheetId = 3, Name = WorksheetTexts.DocumentsSheet });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell Text(string? value, uint style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value ?? "") { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    private static string Letter(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Whether the bytes are an XLSX file (a ZIP package).</summary>
    public static bool IsXlsx(ReadOnlySpan<byte> content) => content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;

    /// <summary>The worksheet a CSV or XLSX file holds (by its first row), or null when it is not a worksheet.</summary>
    public static (WorksheetKind Kind, List<CsvRecord> Records)? Read(string fileName, byte[] content, List<SeedError> errors)
    {
        List<CsvRecord> records;
        if (IsXlsx(content))
        {
            var before = errors.Count;
            records = ReadXlsx(fileName, content, errors);
            if (records.Count == 0)
            {
                return errors.Count > before ? (WorksheetKind.Results, []) : null;
            }
        }
        else
        {
            var firstLine = Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 400))).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
            var kind = firstLine == string.Join(',', ResultsHeader) ? WorksheetKind.Results : firstLine == string.Join(',', TargetsHeader) ? WorksheetKind.Targets : (WorksheetKind?)null;
            if (kind is null)
            {
                return null;
            }
            return (kind.Value, CsvTable.Parse(fileName, content, Header(kind.Value), errors).ToList());
        }
        var first = records[0].Fields;
        foreach (var kind in new[] { WorksheetKind.Results, WorksheetKind.Targets })
        {
            if (first.Count >= Header(kind).Length && first.Take(Header(kind).Length).SequenceEqual(Header(kind)))
            {
                var width = Header(kind).Length;
                return (kind, records.Skip(1).Select(r => r with { Fields = [.. r.Fields.Take(width), .. Enumerable.Repeat("", Math.Max(0, width - r.Fields.Count))] }).ToList());
            }
        }
        errors.Add(new SeedError(fileName, 1, 1, new Sentence("the first sheet is not a results-due or targets worksheet: row 1 must hold its column codes unchanged")));
        return (WorksheetKind.Results, []);
    }

    /// <summary>More rows than any worksheet of this site has (one row per goal).</summary>
    public const int MaxRows = 10_000;

    /// <summary>Cells further right than this are refused; a worksheet has 17 or 19 columns.</summary>
    public const int MaxColumns = 64;

    /// <summary>The largest part (sheet, shared strings, workbook, …) once decompressed, and all parts together.</summary>
    public const long MaxPartBytes = 16 * 1024 * 1024;

    public const long MaxPackageBytes = 48 * 1024 * 1024;

    public const int MaxParts = 64;

    public const string Unreadable = "the file is not a readable XLSX workbook";

    public const string NoSheet = "the workbook's first sheet is missing or is not a worksheet";

    /// <summary>
    /// The first sheet's rows as text, each with its row number; cells may be inline or shared strings or numbers. The
    /// package's parts are measured decompressed before anything is parsed, and the sheet is read as a stream, so that a
    /// small file cannot unpack into a large one; rows and columns are capped.
    /// </summary>
    private static List<CsvRecord> ReadXlsx(string fileName, byte[] content, List<SeedError> errors)
    {
        try
        {
            if (PackageTooLarge(content) is { } tooLarge)
            {
                errors.Add(new SeedError(fileName, 0, 0, tooLarge));
                return [];
            }
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxPartBytes });
            if (FirstSheet(document) is not { } part)
            {
                errors.Add(new SeedError(fileName, 0, 0, new Sentence(NoSheet)));
                return [];
            }
            var shared = SharedStrings(document.WorkbookPart!);
            var records = new List<CsvRecord>();
            using var reader = OpenXmlReader.Create(part);
            List<string>? fields = null;
            var line = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row))
                {
                    if (reader.IsStartElement)
                    {
                        if (fields is not null)
                        {
                            records.Add(new CsvRecord(line, fields));
                        }
                        if (records.Count == MaxRows)
                        {
                            errors.Add(new SeedError(fileName, 0, 0, new Sentence(TooManyRows, MaxRows)));
                            return [];
                        }
                        line = Attribute(reader, "r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : records.Count + 1;
                        fields = [];
                    }
                    else if (reader.IsEndElement && fields is not null)
                    {
                        records.Add(new CsvRecord(line, fields));
                        fields = null;
                    }
                }
                else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && fields is not null)
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var column = Column(cell.CellReference?.Value) ?? fields.Count;
                    if (column >= MaxColumns)
                    {
                        errors.Add(new SeedError(fileName, line, MaxColumns + 1, new Sentence(TooFarRight, Short(cell.CellReference?.Value), MaxColumns)));
                        return [];
                    }
                    if (CellText(cell, shared) is not { } value)
                    {
                        errors.Add(new SeedError(fileName, line, column + 1, new Sentence(NoSuchSharedString, Short(cell.CellValue?.Text))));
                        return [];
                    }
                    Place(fields, column, value.Trim());
                }
            }
            if (fields is not null)
            {
                records.Add(new CsvRecord(line, fields));
            }
            return records;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            errors.Add(new SeedError(fileName, 0, 0, new Sentence(Unreadable)));
            return [];
        }
    }

    /// <summary>A cell's text: a shared string, an inline string or the value as written; null when it names a shared string the file does not have.</summary>
    private static string? CellText(Cell cell, IReadOnlyList<string> shared)
    {
        if (cell.DataType?.Value != CellValues.SharedString)
        {
            return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
        }
        return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null;
    }

    /// <summary>Puts a value in its column, with empty fields for the columns a sparse row skipped.</summary>
    private static void Place(List<string> fields, int column, string value)
    {
        while (fields.Count < column)
        {
            fields.Add("");
        }
        if (column < fields.Count)
        {
            fields[column] = value;
        }
        else
        {
            fields.Add(value);
        }
    }

    public const string TooManyRows = "the sheet has more than {0:N0} rows; a worksheet has one row per goal";

    public const string TooFarRight = "cell {0} lies beyond column {1}; a worksheet has no data that far right";

    public const string NoSuchSharedString = "a cell refers to shared string '{0}', which the workbook does not have";

    public const string PartTooLarge = "the workbook, or a part of it, unpacks to more than {0:N0} MB; a worksheet is far smaller";

    /// <summary>Why the package is refused before parsing: too many parts, or a part or the whole too large once decompressed.</summary>
    private static Sentence? PackageTooLarge(byte[] content)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxParts)
        {
            return new Sentence(Unreadable);
        }
        Sentence TooLarge(long cap) => new(PartTooLarge, cap / 1024 / 1024);
        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > MaxPartBytes)
            {
                return TooLarge(MaxPartBytes);
            }
            // The sizes an archive states may be false: count the bytes it really unpacks to.
            using var data = entry.Open();
            var size = 0L;
            int read;
            while ((read = data.Read(buffer)) > 0)
            {
                size += read;
                if (size > MaxPartBytes)
                {
                    return TooLarge(MaxPartBytes);
                }
                if (total + size > MaxPackageBytes)
                {
                    return TooLarge(MaxPackageBytes);
                }
            }
            total += size;
        }
        return null;
    }

    private static WorksheetPart? FirstSheet(SpreadsheetDocument document)
    {
        if (document.WorkbookPart is not { } workbook)
        {
            return null;
        }
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
            {
                var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri == "http://schemas.openxmlformats.org/officeDocument/2006/relationships").Value;
                return id is not null && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
            }
        }
        return null;
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }
        return strings;
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 12 ? text : text[..12] + "…";

    private static string? Attribute(OpenXmlReader reader, string name) => reader.Attributes.FirstOrDefault(a => a.LocalName == name && a.NamespaceUri.Length == 0).Value;

    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var number = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            number = Math.Min((number * 26) + (c - 'A' + 1), MaxColumns + 1);
        }
        return number == 0 ? null : number - 1;
    }
}
