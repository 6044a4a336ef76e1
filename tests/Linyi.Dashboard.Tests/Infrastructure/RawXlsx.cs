using System.IO.Compression;
using System.Text;

namespace Linyi.Dashboard.Tests.Infrastructure;

/// <summary>An XLSX package written part by part, so that a test can give it any structure, well formed or not.</summary>
public static class RawXlsx
{
    private const string Ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    public static readonly string[] ResultsHeader =
        "indicator indicator_name region region_name goal_period target stretch unit year result vintage document section document_title document_published document_kind document_url".Split(' ');

    public static readonly string[] GdpRow = ["gdp", "地区生产总值", "junan", "莒南县", "2020", "", "", "亿元", "2020", "123", "final", "gwr2024", "probe-xlsx", "", "", "", ""];

    public static string Cell(string value, string? reference = null) =>
        $"<c{(reference is null ? "" : $" r=\"{reference}\"")} t=\"inlineStr\"><is><t>{value}</t></is></c>";

    public static string Row(IEnumerable<string> values) => "<row>" + string.Concat(values.Select(v => Cell(v))) + "</row>";

    /// <summary>
    /// A workbook of one sheet holding <paramref name="rows"/> and then <paramref name="repeated"/> <paramref name="times"/>
    /// times (written straight into the package), with a shared-string table and styles.
    /// </summary>
    public static byte[] Workbook(string rows, string sheetAttributes = "r:id=\"rS1\"", string sheetRelationship = "Target=\"/xl/worksheets/sheet1.xml\"",
        string sharedStrings = "", string repeated = "", int times = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\" /><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\" />"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\" />"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\" />"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\" /></Types>");
            Part("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Type=\"{Rel}officeDocument\" Target=\"/xl/workbook.xml\" Id=\"R1\" /></Relationships>");
            Part("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><workbook {Ns}><sheets><sheet name=\"s\" sheetId=\"1\" {sheetAttributes}/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Type=\"{Rel}worksheet\" {sheetRelationship} Id=\"rS1\" /><Relationship Type=\"{Rel}sharedStrings\" Target=\"/xl/sharedStrings.xml\" Id=\"rSS\" />"
                + $"<Relationship Type=\"{Rel}styles\" Target=\"/xl/styles.xml\" Id=\"rST\" /></Relationships>");
            Part("xl/styles.xml", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><styleSheet {Ns}/>");
            using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false)))
            {
                sheet.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet {Ns}><sheetData>");
                sheet.Write(rows);
                for (var i = 0; i < times; i++)
                {
                    sheet.Write(repeated);
                }
                sheet.Write("</sheetData></worksheet>");
            }
            Part("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><sst {Ns}>{sharedStrings}</sst>");
        }
        return buffer.ToArray();
    }

    public static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
