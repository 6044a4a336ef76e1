using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using HtmlAgilityPack;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Linyi.Dashboard.Intake;

public enum IntakeFailure { Empty, TooLarge, NoTextLayer, Macros, NotText, UnknownEncoding, Unreadable, UnsupportedFormat }

/// <summary>
/// A file the intake cannot read. The reason is an English sentence with {0}-style places and their values: the command
/// line prints it as it stands; the web app takes <see cref="Template"/> as a key of its resource file, which holds the
/// Chinese, and says it in the reader's language.
/// </summary>
public sealed class IntakeException(IntakeFailure failure, string template, params object[] args)
    : Exception(string.Format(CultureInfo.InvariantCulture, template, args))
{
    public IntakeFailure Failure { get; } = failure;

    /// <summary>The reason in English with {0}-style places: the resource key.</summary>
    public string Template { get; } = template;

    public IReadOnlyList<object> Args { get; } = args;
}

public sealed record ReadDocument(string Text, string Format, string? Encoding);

/// <summary>Turns an uploaded report (.txt in UTF-8 or GBK, .docx, .html saved from a browser, .pdf with a text layer) into plain text.</summary>
public static class DocumentReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    static DocumentReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IntakeException TooLarge(long length) => new(IntakeFailure.TooLarge,
        "the file is {0} MB, over the {1} MB limit; upload the report's text only", length / 1024 / 1024, MaxBytes / 1024 / 1024);

    public static ReadDocument ReadFile(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new IntakeException(IntakeFailure.Unreadable, "no such file: {0}", path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IntakeException(IntakeFailure.Unreadable, "cannot read {0}: {1}", path, ex.Message);
        }
        if (info.Length > MaxBytes)
        {
            throw TooLarge(info.Length);
        }
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IntakeException(IntakeFailure.Unreadable, "cannot read {0}: {1}", path, ex.Message);
        }
        return Read(Path.GetFileName(path), content);
    }

    public static ReadDocument Read(string fileName, byte[] content)
    {
        if (content.LongLength > MaxBytes)
        {
            throw TooLarge(content.LongLength);
        }
        if (content.Length == 0)
        {
            throw Empty();
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        ReadDocument document;
        if (StartsWith(content, "%PDF"u8))
        {
            document = new ReadDocument(Pdf(content), "pdf", null);
        }
        else if (StartsWith(content, "PK\u0003\u0004"u8) || StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0]))
        {
            document = new ReadDocument(Docx(extension, content), "docx", null);
        }
        else
        {
            var (text, encoding) = DecodeText(content);
            var html = extension is ".html" or ".htm" or ".xhtml" || LooksLikeHtml(text);
            document = html ? new ReadDocument(Html(text), "html", encoding) : new ReadDocument(text, "txt", encoding);
        }
        if (document.Text.All(c => !char.IsLetterOrDigit(c)))
        {
            throw document.Format == "pdf" ? NoTextLayer() : Empty();
        }
        return document;
    }

    public static IntakeException Empty() => new(IntakeFailure.Empty, "the file is empty: there is no text to read");

    private static IntakeException NoTextLayer() => new(IntakeFailure.NoTextLayer,
        "this PDF has no text layer (it is scanned or made of images), so no text can be read; find a version with text, or paste the text");

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with a BOM; otherwise the encoding the detector finds (GBK/GB18030, Big5).</summary>
    public static (string Text, string Encoding) DecodeText(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return (Checked(new UTF8Encoding(false, true), content, 3), "utf-8");
        }
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return (Checked(Encoding.Unicode, content, 2), "utf-16");
        }
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return (Checked(Encoding.BigEndianUnicode, content, 2), "utf-16be");
        }
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw NotText();
        }
        try
        {
            return (Checked(new UTF8Encoding(false, true), content, 0), "utf-8");
        }
        catch (DecoderFallbackException)
        {
        }
        var detector = new Ude.CharsetDetector();
        detector.Feed(content, 0, Math.Min(content.Length, 1024 * 1024));
        detector.DataEnd();
        var name = detector.Charset?.ToUpperInvariant();
        var encoding = name switch
        {
            "GB18030" or "GB2312" or "GBK" or "HZ-GB-2312" => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "BIG5" => Encoding.GetEncoding("big5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            _ => null,
        };
        if (encoding is null || detector.Confidence < 0.5f)
        {
            throw name is null || name.StartsWith("WINDOWS-", StringComparison.Ordinal) || name.StartsWith("ISO-8859", StringComparison.Ordinal) ? NotText()
                : new IntakeException(IntakeFailure.UnknownEncoding,
                    "the file's encoding ({0}) is not one of Chinese text; save it as UTF-8 or GBK and upload it again", name);
        }
        try
        {
            return (Checked(encoding, content, 0), name == "BIG5" ? "big5" : "gbk");
        }
        catch (DecoderFallbackException)
        {
            throw NotText();
        }
    }

    private static IntakeException NotText() => new(IntakeFailure.NotText, "the file is not text, Word, a web page or a PDF, and cannot be read");

    private static string Checked(Encoding encoding, byte[] content, int offset)
    {
        var text = encoding.GetString(content, offset, content.Length - offset);
        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (control > text.Length / 100)
        {
            throw NotText();
        }
        return text;
    }

    private static string Docx(string extension, byte[] content)
    {
        if (extension is ".docm" or ".dotm" or ".doc" or ".xlsm" || !StartsWith(content, "PK\u0003\u0004"u8))
        {
            throw extension == ".doc" || !StartsWith(content, "PK\u0003\u0004"u8)
                ? new IntakeException(IntakeFailure.UnsupportedFormat, "an old Word (.doc) file cannot be read; save it as .docx and upload it again")
                : Macros();
        }
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
            {
                if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || e.FullName.Contains("vbaData", StringComparison.OrdinalIgnoreCase)))
                {
                    throw Macros();
                }
                if (zip.Entries.Sum(e => e.Length) > MaxBytes * 10)
                {
                    throw new IntakeException(IntakeFailure.TooLarge,
                        "this Word file is too large once unpacked to be read; keep only the report's text");
                }
            }
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            if (document.DocumentType != DocumentFormat.OpenXml.WordprocessingDocumentType.Document)
            {
                throw Macros();
            }
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                throw Empty();
            }
            return string.Join("\n\n", body.Descendants<W.Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0));
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new IntakeException(IntakeFailure.Unreadable, "this Word file cannot be opened: it is damaged or not a .docx");
        }
    }

    private static IntakeException Macros() => new(IntakeFailure.Macros,
        "the file contains macros (.docm or similar) and is not read, for safety; save it as a .docx without macros and upload it again");

    private static string Pdf(byte[] content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var pages = new List<string>();
            foreach (var page in pdf.GetPages())
            {
                pages.Add(ContentOrderTextExtractor.GetText(page));
            }
            return string.Join("\n\n", pages);
        }
        catch (Exception ex) when (ex is not IntakeException)
        {
            throw new IntakeException(IntakeFailure.Unreadable, "this PDF cannot be opened: it is damaged or encrypted");
        }
    }

    private static readonly string[] Blocks = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "blockquote", "pre"];

    /// <summary>The text of a saved web page: each block element a paragraph, scripts, styles and navigation left out.</summary>
    public static string Html(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        foreach (var node in document.DocumentNode.SelectNodes("//script|//style|//noscript|//nav|//header|//footer|//form|//iframe")?.ToList() ?? [])
        {
            node.Remove();
        }
        var blocks = document.DocumentNode.Descendants().Where(n => n.NodeType == HtmlNodeType.Element && Blocks.Contains(n.Name)
            && !n.Ancestors().Any(a => Blocks.Contains(a.Name))).ToList();
        IEnumerable<string> texts = blocks.Count > 0
            ? blocks.Select(n => Clean(n.InnerText))
            : Clean(document.DocumentNode.InnerText).Split('\n');
        return string.Join("\n\n", texts.Select(t => t.Trim()).Where(t => t.Length > 0));
    }

    private static string Clean(string text) =>
        System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(text), @"[ \t\u00a0\u3000]*\r?\n[ \t\u00a0\u3000\r\n]*", "\n").Replace("\n", "", StringComparison.Ordinal).Trim();
}
