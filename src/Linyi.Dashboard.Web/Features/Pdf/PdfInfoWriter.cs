using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Web.Features.Pdf;

/// <summary>
/// Chromium writes only the Title into a PDF's document information; Author, Subject and Keywords are added here as a
/// standard incremental update (a new Info object, an xref section and a trailer pointing back to the original), so
/// that nothing Chromium wrote — tags, outline, fonts — is rewritten or parsed.
/// </summary>
public static partial class PdfInfoWriter
{
    public static byte[] Apply(byte[] pdf, PdfDocumentInfo info, DateTimeOffset created)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(pdf.Length, 2048));
        var trailer = TrailerPattern().Matches(tail) is { Count: > 0 } found ? found[^1] : throw new InvalidDataException("The PDF has no trailer.");
        var startXref = StartXrefPattern().Matches(tail) is { Count: > 0 } starts ? starts[^1].Groups[1].Value : throw new InvalidDataException("The PDF has no startxref.");
        var dictionary = trailer.Groups[1].Value;
        var size = int.Parse(Entry(dictionary, "Size") ?? throw new InvalidDataException("The PDF trailer has no Size."), CultureInfo.InvariantCulture);
        var root = Entry(dictionary, "Root", reference: true) ?? throw new InvalidDataException("The PDF trailer has no Root.");
        var infoNumber = Entry(dictionary, "Info", reference: true) is { } existing ? int.Parse(existing, CultureInfo.InvariantCulture) : size++;

        var date = "D:" + created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        var body = new StringBuilder();
        body.Append('\n').Append(infoNumber.ToString(CultureInfo.InvariantCulture)).Append(" 0 obj\n<<");
        body.Append("/Title ").Append(Text(info.Title));
        body.Append("\n/Author ").Append(Text(info.Author));
        body.Append("\n/Subject ").Append(Text(info.Subject));
        body.Append("\n/Keywords ").Append(Text(info.Keywords));
        body.Append("\n/Creator ").Append(Text(info.Author));
        body.Append("\n/Producer (Skia/PDF, Chromium)");
        body.Append("\n/CreationDate (").Append(date).Append(")\n/ModDate (").Append(date).Append(")>>\nendobj\n");

        var objectOffset = pdf.Length + 1;
        var xrefOffset = pdf.Length + Encoding.Latin1.GetByteCount(body.ToString());
        body.Append("xref\n0 1\n0000000000 65535 f \n")
            .Append(infoNumber.ToString(CultureInfo.InvariantCulture)).Append(" 1\n")
            .Append(objectOffset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n")
            .Append("trailer\n<</Size ").Append(size.ToString(CultureInfo.InvariantCulture))
            .Append("\n/Root ").Append(root).Append(" 0 R\n/Info ").Append(infoNumber.ToString(CultureInfo.InvariantCulture))
            .Append(" 0 R\n/Prev ").Append(startXref).Append(">>\nstartxref\n")
            .Append(xrefOffset.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");

        var update = Encoding.Latin1.GetBytes(body.ToString());
        var result = new byte[pdf.Length + update.Length];
        pdf.CopyTo(result, 0);
        update.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>A text string as UTF-16BE with its byte-order mark, in hex: any script, no escaping rules.</summary>
    private static string Text(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    private static string? Entry(string dictionary, string key, bool reference = false)
    {
        var match = Regex.Match(dictionary, "/" + key + (reference ? @"\s+(\d+)\s+0\s+R" : @"\s+(\d+)"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"trailer\s*<<(.*?)>>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StartXrefPattern();
}
