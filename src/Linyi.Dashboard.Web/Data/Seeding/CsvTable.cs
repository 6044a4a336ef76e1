using System.Text;
using CsvHelper;

namespace Linyi.Dashboard.Web.Data.Seeding;

/// <summary>One CSV record with the 1-based line on which it starts.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A strict reader over CsvHelper's RFC 4180 tokenizer: UTF-8 only, no NUL, the exact header, every record as wide as
/// the header, no malformed quoting. Every problem is reported with its file, line and column.
/// </summary>
public static class CsvTable
{
    public const string NotUtf8 = "the file is not valid UTF-8 text: GBK and UTF-16 files cannot be read; save it as \"CSV UTF-8 (comma delimited)\" (in Excel: Save As) and upload that";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    public static IReadOnlyList<CsvRecord> Parse(string file, ReadOnlyMemory<byte> bytes, IReadOnlyList<string> expectedHeader, ICollection<SeedError> errors)
    {
        var preamble = Encoding.UTF8.Preamble;
        var body = bytes.Span.StartsWith(preamble) ? bytes[preamble.Length..] : bytes;
        if (bytes.Span.StartsWith(Encoding.Unicode.Preamble) || bytes.Span.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            errors.Add(new SeedError(file, 1, 1, new Sentence(NotUtf8)));
            return [];
        }
        try
        {
            if (StrictUtf8.GetString(body.Span).Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new SeedError(file, 1, 1, new Sentence("the file contains a NUL character")));
                return [];
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new SeedError(file, 1, 1, new Sentence(NotUtf8)));
            return [];
        }

        // Malformed quoting is recovered by the tokenizer and reported here, so that the record can be named by line and column.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        using var reader = CsvReader.Create(body, Options with { OnMalformedRecord = m => malformed.TryAdd(m.LineNumber, m.Reason) });
        var records = new List<CsvRecord>();
        IReadOnlyList<string>? header = null;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i) ?? "";
            }
            if (malformed.TryGetValue(reader.LineNumber, out var reason))
            {
                errors.Add(reason == CsvMalformedReason.UnterminatedQuote
                    ? new SeedError(file, line, fields.Length, new Sentence("a quoted field is never closed"))
                    : new SeedError(file, line, BadlyQuotedField(reader) + 1, new Sentence("a quote is misplaced: quote the whole field and double the quotes inside it")));
                return [];
            }
            if (header is null)
            {
                header = fields;
                if (HeaderProblem(file, line, header, expectedHeader) is { } problem)
                {
                    errors.Add(problem);
                    return [];
                }
                continue;
            }
            if (fields.Length != header.Count)
            {
                errors.Add(new SeedError(file, line, Math.Min(fields.Length, header.Count) + 1, new Sentence("the record has {0} fields, expected {1}", fields.Length, header.Count)));
                continue;
            }
            records.Add(new CsvRecord(line, fields));
        }
        if (header is null)
        {
            errors.Add(new SeedError(file, 1, 1, new Sentence("the file is empty; expected the header {0}", string.Join(",", expectedHeader))));
        }
        return records;
    }

    private static SeedError? HeaderProblem(string file, int line, IReadOnlyList<string> header, IReadOnlyList<string> expectedHeader)
    {
        for (var i = 0; i < Math.Max(header.Count, expectedHeader.Count); i++)
        {
            var actual = i < header.Count ? header[i].Trim() : "(missing)";
            var expected = i < expectedHeader.Count ? expectedHeader[i] : "(none)";
            if (actual != expected)
            {
                return new SeedError(file, line, i + 1, new Sentence("column {0} is '{1}', expected '{2}' (header: {3})", i + 1, actual, expected, string.Join(",", expectedHeader)));
            }
        }
        return null;
    }

    /// <summary>The first field whose raw text has a quote anywhere but around the whole field.</summary>
    private static int BadlyQuotedField(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var raw = reader.GetRawSpan(i);
            var quoted = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"';
            if (raw.IndexOf((byte)'"') >= 0 && !quoted)
            {
                return i;
            }
        }
        return 0;
    }
}
