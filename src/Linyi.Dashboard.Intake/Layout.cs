using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Intake;

/// <param name="Number">1-based among all paragraphs of the document.</param>
/// <param name="Section">The heading the paragraph stands under, as seeds cite it (section one, 2023's review; section two's first part); <see cref="Layout.Lead"/> before any heading.</param>
/// <param name="SectionNumber">1-based within its section (the ¶ of a citation).</param>
public sealed record Paragraph(int Number, string Section, int SectionNumber, string Text, bool IsHeading)
{
    public string Citation => $"{Section} ¶{SectionNumber}";
}

public sealed record DocumentLayout(IReadOnlyList<Paragraph> Paragraphs, int? PublishedYear, int? PublishedMonth = null);

/// <summary>Splits a report's text into paragraphs (blank lines, or HTML paragraphs in a text file) and follows its section headings.</summary>
public static partial class Layout
{
    /// <summary>The section of the paragraphs before any heading, as seeds cite it.</summary>
    public static readonly string Lead = ReportWords.Word("leadSection");

    /// <summary>A numbered section heading (yi, er, ... followed by an enumeration comma).</summary>
    private static readonly Regex TopHeading = ReportWords.Pattern("topHeading");

    /// <summary>A numbered subsection in full-width or ASCII brackets.</summary>
    private static readonly Regex SubHeading = ReportWords.Pattern("subHeading");

    /// <summary>A date written year, month, day with the Chinese marks.</summary>
    private static readonly Regex FullDate = ReportWords.Pattern("fullDate");

    [GeneratedRegex(@"</?p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlParagraph();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t\u3000]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^date:\s*(\d{4})", RegexOptions.Multiline)]
    private static partial Regex FrontMatterDate();

    public static IReadOnlyList<string> Blocks(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.StartsWith("---\n", StringComparison.Ordinal) && text.IndexOf("\n---", 4, StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 4)..];
        }
        var blocks = new List<string>();
        foreach (var block in BlankLine().Split(text))
        {
            var parts = HtmlParagraph().IsMatch(block) ? HtmlParagraph().Split(block) : [block];
            foreach (var part in parts)
            {
                var clean = Tag().Replace(part, "");
                clean = System.Net.WebUtility.HtmlDecode(clean);
                clean = string.Join("", clean.Split('\n').Select(l => l.Trim()));
                clean = clean.Trim(' ', '\t', '\u3000', '\u00a0');
                if (clean.Length > 0)
                {
                    blocks.Add(clean);
                }
            }
        }
        return blocks;
    }

    public static DocumentLayout Read(string text)
    {
        var blocks = Blocks(text);
        var paragraphs = new List<Paragraph>();
        var top = "";
        var section = Lead;
        var counter = 0;
        foreach (var block in blocks)
        {
            if (TopHeading.IsMatch(block) && block.Length <= 40 && !block.EndsWith('。'))
            {
                top = section = block;
                counter = 0;
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, section, 0, block, true));
                continue;
            }
            if (SubHeading.Match(block) is { Success: true } sub && top.Length > 0)
            {
                section = top + sub.Value.Replace('(', '（').Replace(')', '）');
                counter = 1;
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, section, counter, block, false));
                continue;
            }
            if (IsNewsHeading(block))
            {
                top = "";
                section = block;
                counter = 0;
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, section, 0, block, true));
                continue;
            }
            counter++;
            paragraphs.Add(new Paragraph(paragraphs.Count + 1, section, counter, block, false));
        }
        var (year, month) = PublishedDate(text);
        return new DocumentLayout(paragraphs, year, month);
    }

    /// <summary>A short line without sentence punctuation, as news features head their parts.</summary>
    private static bool IsNewsHeading(string block) =>
        block.Length is >= 4 and <= 30 && block.IndexOfAny(['。', '，', '：', ':', '；', '！', '？', '?', '|', '｜', '[', '(', '（', '□', '@']) < 0
        && !block.Any(char.IsDigit) && block.Count(c => c >= 0x4E00 && c <= 0x9FFF) >= 4;

    [GeneratedRegex(@"(.)\1")]
    private static partial Regex Doubled();

    [GeneratedRegex(@"^date:\s*(\d{4})-(\d{2})", RegexOptions.Multiline)]
    private static partial Regex FrontMatterMonth();

    /// <summary>The date a report gives near its top (front matter, or year, month and day in Chinese, also with PDF-doubled characters).</summary>
    private static (int? Year, int? Month) PublishedDate(string text)
    {
        static int Number(Group g) => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (FrontMatterMonth().Match(text) is { Success: true } front)
        {
            return (Number(front.Groups[1]), Number(front.Groups[2]));
        }
        if (FrontMatterDate().Match(text) is { Success: true } frontYear)
        {
            return (Number(frontYear.Groups[1]), null);
        }
        var head = text.Length > 2000 ? text[..2000] : text;
        var date = FullDate.Match(head);
        if (!date.Success)
        {
            date = FullDate.Match(Doubled().Replace(head, "$1"));
        }
        return date.Success ? (Number(date.Groups[1]), Number(date.Groups[2])) : (null, null);
    }
}
