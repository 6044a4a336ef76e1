using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

public sealed record ExportSource(string Code, string Title, string PublishedOn, string? Url);

public static class XlsxExport
{
    private const uint HeaderStyle = 1;

    /// <summary>
    /// A workbook with the data sheet (values as numbers; styled, sized, frozen header with an autofilter) and a sheet
    /// describing the filters and the sources. Rows are written one at a time with the SAX writer into a temporary file,
    /// which is then copied to <paramref name="output"/>: the workbook is never built as a tree in memory.
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DataRow> rows, bool english, IReadOnlyList<(string Name, string Value)> about,
        CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"linyi-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            AddStyles(workbookPart);

            var dataPart = workbookPart.AddNewPart<WorksheetPart>();
            var sources = new Dictionary<string, ExportSource>(StringComparer.Ordinal);
            var count = 0;
            using (var writer = OpenXmlWriter.Create(dataPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0 }));
                writer.WriteElement(new Columns(ExportTable.Widths.Select((width, i) =>
                    new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, ExportTable.Header.Select(ExportCell.Code), HeaderStyle);
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    WriteRow(writer, ExportTable.Cells(row, english), null);
                    sources.TryAdd(row.DocumentCode, new ExportSource(row.DocumentCode, english ? row.DocumentTitleEn : row.DocumentTitleZh, row.PublishedOn, row.Url));
                    count++;
                }
                writer.WriteEndElement();
                writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(ExportTable.Header.Length)}{count + 1}" });
                writer.WriteEndElement();
            }
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(dataPart), SheetId = 1, Name = english ? "Data" : "数据" });

            var aboutPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(aboutPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true }, new Column { Min = 3, Max = 4, Width = 40, CustomWidth = true }));
                writer.WriteStartElement(new SheetData());
                foreach (var (name, value) in about.Append(("rows", count.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    WriteRow(writer, [ExportCell.Code(name), ExportCell.Words(value)], null);
                }
                WriteRow(writer, [], null);
                WriteRow(writer, new[] { "document", "source", "published_on", "source_url" }.Select(ExportCell.Code), HeaderStyle);
                foreach (var source in sources.Values.OrderBy(s => s.Code, StringComparer.Ordinal))
                {
                    WriteRow(writer, [ExportCell.Code(source.Code), ExportCell.Words(source.Title), ExportCell.Code(source.PublishedOn), ExportCell.Words(source.Url)], null);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(aboutPart), SheetId = 2, Name = english ? "About" : "说明" });
            workbookPart.Workbook.Save();
        }
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ExportCell> cells, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            var xml = cell is { Kind: CellKind.Number, Number: { } number }
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }) };
            if (style is { } s)
            {
                xml.StyleIndex = s;
            }
            writer.WriteElement(xml);
        }
        writer.WriteEndElement();
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE6F0" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true }));
        styles.Stylesheet.Save();
    }

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }
}
