namespace Linyi.Dashboard.Web.Domain;

/// <summary>
/// Chinese as the sources write it: the words that mark a goal's shape in a document, and the term for a stretch
/// target that English text quotes. These are data, shown as they stand on pages in both languages (marked
/// lang="zh-CN"), not interface words; the scanning test in TranslationTests lists this file as an exception.
/// </summary>
public static class ChineseSourceWords
{
    /// <summary>力争: "strive for", the mark of a stretch target.</summary>
    public const string Stretch = "力争";

    /// <summary>沂源, the partner county outside Linyi, as the API's documentation names it.</summary>
    public const string Yiyuan = "沂源";

    /// <summary>A section as a work report numbers it, the example in the editor's section field.</summary>
    public const string SectionExample = "一、2023年工作回顾 ¶2";

    /// <summary>The language switch names Chinese in Chinese on every page.</summary>
    public const string ChineseLanguage = "中文";

    /// <summary>The wording in a source that marks each shape.</summary>
    public static string ShapeWording(GoalShape shape) => shape switch
    {
        GoalShape.Level => "达到、突破、力争达到",
        GoalShape.Annual => "每年、年度增长",
        GoalShape.Cumulative => "累计",
        GoalShape.Average => "年均",
        GoalShape.Share => "占比、比重、…率",
        GoalShape.Rank => "居…第N位、进入前N",
        GoalShape.Limit => "控制在…以内、不超过",
        _ => "建成、完成、出清",
    };

    /// <summary>The unit codes (units.csv) whose English name does not say what is counted; see SeedReader.GenericUnits.</summary>
    public static readonly IReadOnlySet<string> GenericUnits = new HashSet<string>(StringComparer.Ordinal)
    {
        "个", "万个", "项", "件", "万件", "亿件", "户", "万户", "家", "万家", "台", "场", "场次", "万场次", "次", "处", "所", "条", "部",
    };
}
