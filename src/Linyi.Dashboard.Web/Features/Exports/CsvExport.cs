using System.Text;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

public static class CsvExport
{
    /// <summary>UTF-8 with a BOM, so that Excel opens the Chinese text correctly; RFC 4180 quoting; CRLF line ends.</summary>
    public static byte[] Write(IEnumerable<DataRow> rows, bool english)
    {
        var builder = new StringBuilder();
        AppendLine(builder, ExportTable.Header);
        foreach (var row in rows)
        {
            AppendLine(builder, ExportTable.Cells(row, english));
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(builder.ToString());
        return [.. preamble, .. body];
    }

    private static void AppendLine(StringBuilder builder, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            builder.Append(Escape(cells[i]));
        }
        builder.Append("\r\n");
    }

    /// <summary>Quotes when needed, and defuses cells that a spreadsheet would run as a formula.</summary>
    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' && !decimal.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
