using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Linyi.Dashboard.Web.Features.Data;

namespace Linyi.Dashboard.Web.Features.Exports;

public sealed record ExportSource(string Code, string Title, string PublishedOn, string? Url);

public static class XlsxExport
{
    private const uint HeaderStyle = 1;

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /// <summary>Bytes held before they are handed to the response: the workbook goes out as it is written.</summary>
    private const int DrainBytes = 32 * 1024;

    /// <summary>
    /// A workbook with the data sheet (values as numbers; styled, sized, frozen header with an autofilter) and a sheet
    /// describing the filters and the sources. The package is zipped straight into <paramref name="output"/> and rows
    /// are written one at a time with the SAX writer, so the first bytes leave at once and only one row and the
    /// compressor's window are held in memory, never the workbook.
    /// </summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DataRow> rows, bool english, IReadOnlyList<(string Name, string Value)> about,
        CancellationToken cancellationToken)
    {
        var sink = new DrainingStream(output);
        var sources = new Dictionary<string, ExportSource>(StringComparer.Ordinal);
        var count = 0;
        using (var zip = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                $"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{WorksheetType}\"/>" +
                $"<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"{WorksheetType}\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                "</Types>");
            WriteText(zip, "_rels/.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{Relationships}\">" +
                $"<Relationship Id=\"rId1\" Type=\"{OfficeDocument}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            WriteText(zip, "xl/_rels/workbook.xml.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{Relationships}\">" +
                $"<Relationship Id=\"rId1\" Type=\"{OfficeDocument}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                $"<Relationship Id=\"rId2\" Type=\"{OfficeDocument}/worksheet\" Target=\"worksheets/sheet2.xml\"/>" +
                $"<Relationship Id=\"rId3\" Type=\"{OfficeDocument}/styles\" Target=\"styles.xml\"/></Relationships>");
            WritePart(zip, "xl/workbook.xml", new Workbook(new Sheets(
                new Sheet { Id = "rId1", SheetId = 1, Name = Words.Both("Data|sheet").In(english) },
                new Sheet { Id = "rId2", SheetId = 2, Name = Words.Both("About|sheet").In(english) })));
            WritePart(zip, "xl/styles.xml", Styles());
            await sink.DrainAsync(0, cancellationToken);

            using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part))
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
                    await sink.DrainAsync(DrainBytes, cancellationToken);
                }
                writer.WriteEndElement();
                writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(ExportTable.Header.Length)}{count + 1}" });
                writer.WriteEndElement();
            }
            await sink.DrainAsync(0, cancellationToken);

            using (var part = zip.CreateEntry("xl/worksheets/sheet2.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part))
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
        }
        await sink.DrainAsync(0, cancellationToken);
    }

    private static void WriteText(ZipArchive zip, string name, string xml)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlPartRootElement root)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
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

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE6F0" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true }));

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

/// <summary>
/// Takes the zip writer's synchronous writes into memory and hands them to the response asynchronously when asked, so
/// that the response is never written synchronously and no more than a few tens of kilobytes wait in between.
/// </summary>
internal sealed class DrainingStream(Stream output) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Writes what is pending to the output once it reaches <paramref name="atLeast"/> bytes.</summary>
    public async Task DrainAsync(int atLeast, CancellationToken cancellationToken)
    {
        if (pending.Length == 0 || pending.Length < atLeast)
        {
            return;
        }
        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        pending.SetLength(0);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);
}
