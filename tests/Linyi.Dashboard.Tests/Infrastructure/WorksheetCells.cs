using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>Reads and fills a downloaded worksheet the way a person would in a spreadsheet program.</summary>
public static class WorksheetCells
{
    /// <summary>The first sheet's cells by row, each row as column code → text (codes from row 1).</summary>
    public static List<Dictionary<string, string>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = Sheet(document).Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        return rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(c => c.h, c => c.v)).ToList();
    }

    /// <summary>Fills cells of the row whose first columns match <paramref name="match"/>, as inline strings.</summary>
    public static byte[] Fill(byte[] xlsx, Func<Dictionary<string, string>, bool> match, IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var rows = Sheet(document).Descendants<Row>().ToList();
            var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            var row = rows.Skip(1).Single(r => match(header.Zip(r.Elements<Cell>().Select(c => c.InnerText)).ToDictionary(p => p.First, p => p.Second)));
            var cells = row.Elements<Cell>().ToList();
            foreach (var (column, value) in values)
            {
                var cell = cells[header.IndexOf(column)];
                cell.DataType = CellValues.InlineString;
                cell.CellValue = null;
                cell.InlineString = new InlineString(new Text(value));
            }
            document.WorkbookPart!.Workbook.Save();
        }
        return stream.ToArray();
    }

    public static Worksheet Sheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
    }
}
