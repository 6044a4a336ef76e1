using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

public static class XlsxExport
{
    /// <summary>A workbook with the data sheet (values as numbers) and a sheet recording the filters and the time of export.</summary>
    public static byte[] Write(IReadOnlyList<DataRow> rows, bool english, IReadOnlyList<(string Name, string Value)> about)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());

            var data = new SheetData();
            data.Append(TextRow(ExportTable.Header));
            foreach (var row in rows)
            {
                var cells = ExportTable.Cells(row, english);
                var xmlRow = new Row();
                for (var i = 0; i < cells.Length; i++)
                {
                    xmlRow.Append(i == ExportTable.ValueColumn
                        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(cells[i]) }
                        : TextCell(cells[i]));
                }
                data.Append(xmlRow);
            }
            AddSheet(workbookPart, sheets, data, english ? "Data" : "数据", 1);

            var aboutData = new SheetData();
            foreach (var (name, value) in about)
            {
                aboutData.Append(TextRow([name, value]));
            }
            AddSheet(workbookPart, sheets, aboutData, english ? "About" : "说明", 2);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, SheetData data, string name, uint id)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(data);
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row TextRow(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.Append(TextCell(cell));
        }
        return row;
    }

    private static Cell TextCell(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
}
