using System.Text.Json;

namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// Chinese as the sources write it, kept in Domain/chinese-source-words.json (embedded): the words that mark a goal's
/// shape in a document, the term for a stretch target that English text quotes, and the units that name no thing.
/// These are data, shown as they stand on pages in both languages (marked lang="zh-CN"), not interface words.
/// </summary>
public static class ChineseSourceWords
{
    private const string Resource = "chinese-source-words.json";

    private static readonly JsonElement Root = Load();

    private static JsonElement Load()
    {
        using var stream = typeof(ChineseSourceWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in the web assembly");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    /// <summary>lìzhēng, "strive for": the mark of a stretch target.</summary>
    public static readonly string Stretch = Root.GetProperty("stretch").GetString()!;

    /// <summary>A section as a work report numbers it, the example in the editor's section field.</summary>
    public static readonly string SectionExample = Root.GetProperty("sectionExample").GetString()!;

    /// <summary>The language switch names Chinese in Chinese on every page.</summary>
    public static string ChineseLanguage => Words.Zh("Chinese|the language, in the language switch");

    private static readonly IReadOnlyDictionary<GoalShape, string> ShapeWordings =
        Root.GetProperty("shapeWordings").EnumerateObject().ToDictionary(p => Enum.Parse<GoalShape>(p.Name), p => p.Value.GetString()!);

    /// <summary>The wording in a source that marks each shape.</summary>
    public static string ShapeWording(GoalShape shape) => ShapeWordings[shape];

    /// <summary>The unit codes (units.csv) whose English name does not say what is counted; see SeedReader.GenericUnits.</summary>
    public static readonly IReadOnlySet<string> GenericUnits =
        Root.GetProperty("genericUnits").EnumerateArray().Select(u => u.GetString()!).ToHashSet(StringComparer.Ordinal);
}
