using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Intake;

/// <param name="Number">1-based among all paragraphs of the document.</param>
/// <param name="Section">The heading the paragraph stands under, as seeds cite it (一、2023年工作回顾; 二、2024年政府重点工作（一）); 导语 before any heading.</param>
/// <param name="SectionNumber">1-based within its section (the ¶ of a citation).</param>
public sealed record Paragraph(int Number, string Section, int SectionNumber, string Text, bool IsHeading)
{
    public string Citation => $"{Section} ¶{SectionNumber}";
}

public sealed record DocumentLayout(IReadOnlyList<Paragraph> Paragraphs, int? PublishedYear);

/// <summary>Splits a report's text into paragraphs (blank lines, or HTML paragraphs in a text file) and follows its section headings.</summary>
public static partial class Layout
{
    public const string Lead = "导语";

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十]+)[）)]")]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"</?p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlParagraph();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t\u3000]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^date:\s*(\d{4})", RegexOptions.Multiline)]
    private static partial Regex FrontMatterDate();

    [GeneratedRegex(@"(20\d{2}|19\d{2})年\s?(\d{1,2})月\s?(\d{1,2})日")]
    private static partial Regex FullDate();

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
            if (TopHeading().IsMatch(block) && block.Length <= 40 && !block.EndsWith('。'))
            {
                top = section = block;
                counter = 0;
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, section, 0, block, true));
                continue;
            }
            if (SubHeading().Match(block) is { Success: true } sub && top.Length > 0)
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
        return new DocumentLayout(paragraphs, PublishedYear(text));
    }

    /// <summary>A short line without sentence punctuation, as news features head their parts.</summary>
    private static bool IsNewsHeading(string block) =>
        block.Length is >= 4 and <= 30 && block.IndexOfAny(['。', '，', '：', ':', '；', '！', '？', '?', '|', '｜', '[', '(', '（', '□', '@']) < 0
        && !block.Any(char.IsDigit) && block.Count(c => c >= 0x4E00 && c <= 0x9FFF) >= 4;

    private static int? PublishedYear(string text)
    {
        if (FrontMatterDate().Match(text) is { Success: true } front)
        {
            return int.Parse(front.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var head = text.Length > 2000 ? text[..2000] : text;
        return FullDate().Match(head) is { Success: true } date ? int.Parse(date.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
