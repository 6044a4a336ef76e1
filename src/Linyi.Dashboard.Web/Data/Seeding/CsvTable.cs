using System.Text;

namespace Linyi.Dashboard.Web.Data.Seeding;

/// <summary>One CSV record with the 1-based line on which it starts.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A strict RFC 4180 reader: UTF-8 only, a header row, every record as wide as the header.</summary>
public static class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<CsvRecord> Parse(string file, ReadOnlySpan<byte> bytes, IReadOnlyList<string> expectedHeader, ICollection<SeedError> errors)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new SeedError(file, 1, 1, "the file is not valid UTF-8 text"));
            return [];
        }
        if (text.IndexOf('\0') >= 0)
        {
            errors.Add(new SeedError(file, 1, 1, "the file contains a NUL character"));
            return [];
        }
        var records = ParseRecords(file, text, errors);
        if (records.Count == 0)
        {
            errors.Add(new SeedError(file, 1, 1, $"the file is empty; expected the header {string.Join(",", expectedHeader)}"));
            return [];
        }
        var header = records[0].Fields;
        for (var i = 0; i < Math.Max(header.Count, expectedHeader.Count); i++)
        {
            var actual = i < header.Count ? header[i].Trim() : "(missing)";
            var expected = i < expectedHeader.Count ? expectedHeader[i] : "(none)";
            if (actual != expected)
            {
                errors.Add(new SeedError(file, records[0].Line, i + 1, $"column {i + 1} is '{actual}', expected '{expected}' (header: {string.Join(",", expectedHeader)})"));
                return [];
            }
        }
        var body = new List<CsvRecord>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue;
            }
            if (record.Fields.Count != header.Count)
            {
                errors.Add(new SeedError(file, record.Line, Math.Min(record.Fields.Count, header.Count) + 1,
                    $"the record has {record.Fields.Count} fields, expected {header.Count}"));
                continue;
            }
            body.Add(record);
        }
        return body;
    }

    private static List<CsvRecord> ParseRecords(string file, string text, ICollection<SeedError> errors)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes)
        {
            errors.Add(new SeedError(file, quoteLine, fields.Count + 1, "a quoted field is never closed"));
            return [];
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }
        return records;
    }
}
