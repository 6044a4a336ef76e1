using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linyi.Dashboard.Tests.Infrastructure;

namespace Linyi.Dashboard.Tests.Unit;

/// <summary>
/// One mechanism for interface words (ADR 0024): every sentence a reader sees is a key of
/// Resources/SharedResource.zh-CN.resx (the English) with its Chinese value; no Chinese is written in code. The Chinese
/// the code reads source documents by is data, kept in files beside it (Intake/Vocabulary, Web/Domain/*.json).
/// </summary>
public partial class TranslationTests
{
    private static readonly string Web = Path.Combine(Path.GetDirectoryName(TestDatabase.SeedsDirectory)!, "src", "Linyi.Dashboard.Web");

    /// <summary>The report intake, whose messages the web app translates with the same resource file.</summary>
    private static readonly string Intake = Path.Combine(Path.GetDirectoryName(TestDatabase.SeedsDirectory)!, "src", "Linyi.Dashboard.Intake");

    private static IReadOnlyDictionary<string, string> Translations()
    {
        var data = XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.zh-CN.resx")).Root!.Elements("data").ToList();
        // The resource compiler treats names that differ only in case as one.
        return data.ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Files(string folder, string pattern, string? project = null) =>
        Directory.GetFiles(Path.Combine(project ?? Web, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Web, file).Replace(Path.DirectorySeparatorChar, '/');

    [Fact]
    public void EveryInterfaceStringInTheViewsHasAChineseTranslation()
    {
        var translated = Translations();
        var used = Files("Views", "*.cshtml")
            .SelectMany(file => ViewKeyPattern().Matches(File.ReadAllText(file)).Select(m => (File: Relative(file), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !translated.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void EverySentenceTheCodeSaysHasAChineseTranslation()
    {
        var translated = Translations();
        var code = Files("", "*.cs").Concat(Files("Views", "*.cshtml")).Select(file => (File: Relative(file), Text: File.ReadAllText(file))).ToList();
        var used = code.SelectMany(f => CodeKeyPattern().Matches(f.Text).Select(m => (f.File, Key: Regex.Unescape(m.Groups[1].Value)))).ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !translated.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
        // A key built at run time cannot be translated: the Chinese would silently fall back to English.
        Assert.Empty(code.Where(f => InterpolatedKeyPattern().IsMatch(f.Text)).Select(f => f.File));
    }

    [Fact]
    public void EveryReasonTheIntakeCannotReadAFileHasAChineseTranslation()
    {
        var translated = Translations();
        var used = Files("", "*.cs", Intake)
            .SelectMany(file => IntakeFailurePattern().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !translated.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void NoChineseIsWrittenOutsideTheResourceFiles()
    {
        var found = new List<string>();
        foreach (var file in Files("", "*.cs").Concat(Files("Views", "*.cshtml")).Concat(Files(Path.Combine("wwwroot", "js"), "*.js")).Concat(Files("", "*.cs", Intake)))
        {
            var relative = file.StartsWith(Intake, StringComparison.Ordinal) ? "Intake/" + Path.GetRelativePath(Intake, file).Replace(Path.DirectorySeparatorChar, '/') : Relative(file);
            var lines = WithoutComments(File.ReadAllText(file), Path.GetExtension(file)).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Han().IsMatch(lines[i]))
                {
                    found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(found.Count == 0, "Chinese outside Resources/SharedResource.zh-CN.resx (add a resource entry, or keep words of the sources in a data file):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheResourceFileHasEachKeyOnceAndEveryValueUsesOnlyItsKeysPlaces()
    {
        var data = XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.zh-CN.resx")).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")).ToList();

        Assert.Empty(data.GroupBy(d => d.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(data.Where(d => d.Value.Length == 0).Select(d => d.Key));
        Assert.Empty(data.Where(d => !Places(d.Value).IsSubsetOf(Places(d.Key))).Select(d => $"{d.Key} → {d.Value}"));
    }

    private static HashSet<string> Places(string text) => Place().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The text with its comments blanked, line numbers kept: // and /* */ in C# and JavaScript, @* *@ and &lt;!-- --&gt; in Razor.</summary>
    private static string WithoutComments(string text, string extension)
    {
        var chars = text.ToCharArray();
        void Blank(int from, int to)
        {
            for (var k = from; k < to && k < chars.Length; k++)
            {
                if (chars[k] != '\n')
                {
                    chars[k] = ' ';
                }
            }
        }
        var i = 0;
        char? quote = null;
        while (i < chars.Length)
        {
            var c = chars[i];
            var next = i + 1 < chars.Length ? chars[i + 1] : '\0';
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }
                if (c == q || c == '\n')
                {
                    quote = null;
                }
                i++;
                continue;
            }
            if (extension == ".cshtml" && c == '@' && next == '*')
            {
                var end = text.IndexOf("*@", i + 2, StringComparison.Ordinal);
                Blank(i, end < 0 ? chars.Length : end + 2);
                i = end < 0 ? chars.Length : end + 2;
                continue;
            }
            if (extension == ".cshtml" && c == '<' && text.AsSpan(i).StartsWith("<!--"))
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                Blank(i, end < 0 ? chars.Length : end + 3);
                i = end < 0 ? chars.Length : end + 3;
                continue;
            }
            if (extension != ".cshtml" && c == '/' && next == '/')
            {
                var end = text.IndexOf('\n', i);
                Blank(i, end < 0 ? chars.Length : end);
                i = end < 0 ? chars.Length : end;
                continue;
            }
            if (extension != ".cshtml" && c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Blank(i, end < 0 ? chars.Length : end + 2);
                i = end < 0 ? chars.Length : end + 2;
                continue;
            }
            if (c is '"' or '\'' or '`' && extension != ".cshtml")
            {
                quote = c;
            }
            i++;
        }
        return new string(chars);
    }

    [GeneratedRegex("""T\["([^"]+)"[\],]""")]
    private static partial Regex ViewKeyPattern();

    [GeneratedRegex("""(?:Words\.(?:Of|Both|Zh|En)|new Sentence)\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex CodeKeyPattern();

    /// <summary>The English template of an IntakeException: <c>new IntakeException(IntakeFailure.X, "...", ...)</c> or <c>new(IntakeFailure.X, "...")</c>.</summary>
    [GeneratedRegex("""\(IntakeFailure\.\w+,\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex IntakeFailurePattern();

    [GeneratedRegex("""(?:Words\.(?:Of|Both|Zh|En)|new Sentence)\(\$""")]
    private static partial Regex InterpolatedKeyPattern();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Place();

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")]
    private static partial Regex Han();
}
