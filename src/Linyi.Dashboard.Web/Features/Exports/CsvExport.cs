using CsvHelper;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

public static class CsvExport
{
    /// <summary>UTF-8 with a BOM, so that Excel opens the Chinese text correctly; RFC 4180 quoting and CRLF line ends by CsvHelper.</summary>
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.None };

    /// <summary>Writes the rows to <paramref name="output"/> as they are read; only CsvHelper's buffer is held in memory.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DataRow> rows, bool english, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(output, Options, leaveOpen: true);
        writer.WriteHeader(ExportTable.Header);
        // The header leaves before the query's first row: the download starts at once, while PostgreSQL sorts.
        await writer.FlushAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in ExportTable.Cells(row, english))
            {
                switch (cell)
                {
                    case { Kind: CellKind.Number, Number: { } number }:
                        writer.WriteField(number);
                        break;
                    case { Kind: CellKind.Text }:
                        // Quoted when it holds a ';' or a tab, so that a spreadsheet that splits on those (as many locales
                        // do) keeps it one cell: the part after the separator cannot become a formula of its own.
                        writer.WriteField(ExportTable.Defuse(cell.Text), cell.Text.AsSpan().IndexOfAny(';', '\t') >= 0 ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
                        break;
                    default:
                        writer.WriteField(cell.Text);
                        break;
                }
            }
            await writer.EndRecordAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }
}
