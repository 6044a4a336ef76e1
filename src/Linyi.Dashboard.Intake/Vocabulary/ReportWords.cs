using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linyi.Dashboard.Intake;

/// <summary>
/// The Chinese of government reports, kept in Vocabulary/report-words.json (embedded): words and patterns the
/// intake reads reports by, each under a name. Read once; a name the file lacks fails at first use.
/// </summary>
internal static class ReportWords
{
    private const string Resource = "Linyi.Dashboard.Intake.Vocabulary.report-words.json";

    private static readonly JsonElement Root = Load();

    private static JsonElement Load()
    {
        using var stream = typeof(ReportWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in the intake assembly");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    private static JsonElement Entry(string name) =>
        Root.TryGetProperty(name, out var entry) ? entry : throw new KeyNotFoundException($"{Resource} has no entry \"{name}\"");

    public static string Word(string name) => Entry(name).GetString()!;

    public static char Character(string name) => Word(name) is [var c] ? c : throw new FormatException($"{Resource}: \"{name}\" is not one character");

    public static string[] List(string name) => [.. Entry(name).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>An entry of two-string pairs, in the file's order.</summary>
    public static (string Word, string Meaning)[] Pairs(string name) =>
        [.. Entry(name).EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString()!))];

    /// <summary>An entry mapping a name to a word or to a pair of words, in the file's order.</summary>
    public static IReadOnlyDictionary<string, string> Map(string name) =>
        Entry(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, (string, string)> PairMap(string name) =>
        Entry(name).EnumerateObject().ToDictionary(p => p.Name, p => (p.Value[0].GetString()!, p.Value[1].GetString()!), StringComparer.Ordinal);

    public static Regex Pattern(string name, RegexOptions options = RegexOptions.None) => new(Word(name), options | RegexOptions.Compiled);
}
