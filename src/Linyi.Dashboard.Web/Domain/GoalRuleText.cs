using System.Globalization;
using System.Text;

namespace Linyi.Dashboard.Web.Domain;

/// <summary>A sentence in both of the site's languages.</summary>
public sealed record Bilingual(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;
}

/// <summary>
/// The words for statuses and shapes and the rules of <see cref="GoalRules"/> as readers see them: the legend under every
/// card grid, /about/progress, docs/progress.md and the API's descriptions are all built from here.
/// </summary>
public static class GoalRuleText
{
    private static string Pct(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The statuses in the order readers meet them.</summary>
    public static readonly GoalStatus[] Statuses = Enum.GetValues<GoalStatus>();

    public static readonly GoalShape[] Shapes = Enum.GetValues<GoalShape>();

    public static Bilingual Name(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => Words.Both("Achieved"),
        GoalStatus.OnTrack => Words.Both("On track"),
        GoalStatus.NeedsAttention => Words.Both("Needs attention"),
        GoalStatus.Behind => Words.Both("Behind"),
        GoalStatus.Missed => Words.Both("Not achieved"),
        GoalStatus.AwaitingResult => Words.Both("Ended, result awaited"),
        GoalStatus.NotStarted => Words.Both("Not started"),
        _ => Words.Both("No data yet"),
    };

    public static string Zh(this GoalStatus status) => status.Name().Zh;

    public static string En(this GoalStatus status) => status.Name().En;

    public static string Symbol(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "✔",
        GoalStatus.OnTrack => "▲",
        GoalStatus.NeedsAttention => "!",
        GoalStatus.Behind => "▼",
        GoalStatus.Missed => "×",
        GoalStatus.AwaitingResult => "…",
        GoalStatus.NotStarted => "○",
        _ => "–",
    };

    public static string CssClass(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "status-achieved",
        GoalStatus.OnTrack => "status-on-track",
        GoalStatus.NeedsAttention => "status-attention",
        GoalStatus.Behind or GoalStatus.Missed => "status-behind",
        _ => "status-no-data",
    };

    /// <summary>When a goal gets each status.</summary>
    public static Bilingual Rule(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => Words.Both("A result of the goal's own period meets the target as worded (≥, ≤, or within {0}% of an 'about' target); a yearly goal must be met every year, a cumulative or average goal by the whole period's sum or average.", Pct(GoalRules.ApproxTolerance)),
        GoalStatus.OnTrack => Words.Both("Part-way: progress, measured as the goal's shape requires (see the table), is enough to finish on time."),
        GoalStatus.NeedsAttention => Words.Both("Part-way: slightly short of pace: a level's yearly growth at most {0} points short of the growth still needed; a share, rank or cumulative goal at {1}% or more of the pace its time calls for; one year or the average so far within {2}% of the target ({3} points for rates and shares); or no earlier exact result to measure the pace from.", Num(GoalRules.PaceMarginPoints), Pct(GoalRules.PaceAttentionShare), Pct(GoalRules.AttentionMargin), Num(GoalRules.AttentionMarginPoints)),
        GoalStatus.Behind => Words.Both("Part-way: progress falls further short than 'needs attention' allows."),
        GoalStatus.Missed => Words.Both("After the deadline: the closing result (for a yearly goal any year's result, for a cumulative or average goal the whole period) misses the target."),
        GoalStatus.AwaitingResult => Words.Both("The deadline has passed but the result that decides it is not published yet (or only as a bound such as 'above')."),
        GoalStatus.NotStarted => Words.Both("The goal's period has not begun; the latest earlier result is shown as its baseline."),
        _ => Words.Both("No result of the goal's period yet. The latest earlier result is shown as a baseline with the gap still to close."),
    };

    public static Bilingual Name(this GoalShape shape) => shape switch
    {
        GoalShape.Level => Words.Both("Level by the deadline"),
        GoalShape.Annual => Words.Both("Every year"),
        GoalShape.Cumulative => Words.Both("Cumulative"),
        GoalShape.Average => Words.Both("Yearly average"),
        GoalShape.Share => Words.Both("Share (points)"),
        GoalShape.Rank => Words.Both("Rank|goal shape"),
        GoalShape.Limit => Words.Both("Limit"),
        _ => Words.Both("Deliverable"),
    };

    /// <summary>The wording in a source that marks each shape.</summary>
    public static string Wording(this GoalShape shape) => ChineseSourceWords.ShapeWording(shape);

    /// <summary>How a goal of each shape is judged part-way.</summary>
    public static Bilingual Rule(this GoalShape shape) => shape switch
    {
        GoalShape.Level => Words.Both("By compound growth: the yearly growth still needed from the latest result to the deadline, against the yearly growth achieved from the previous exact result to the latest."),
        GoalShape.Annual => Words.Both("Every year's result must meet the target; a missed year makes it behind (needs attention when close), and not achieved at the deadline."),
        GoalShape.Cumulative => Words.Both("The sum of the years so far, against the part of the target the share of time gone calls for."),
        GoalShape.Average => Words.Both("The average of the years so far (compound for growth rates) against the target."),
        GoalShape.Share => Words.Both("By linear pace: the points a year still needed, against the points a year achieved."),
        GoalShape.Rank => Words.Both("By linear pace: the places a year still needed, against the places a year gained."),
        GoalShape.Limit => Words.Both("Every year of the period must stay within the limit."),
        _ => Words.Both("Achieved once done; no data until then; not achieved if still undone at the deadline."),
    };

    /// <summary>The rules that hold for every shape.</summary>
    public static readonly Bilingual[] Principles =
    [
        Words.Both("Targets worded 'reach', 'above' (≥) are met by reaching them; 'within', 'at most' (≤) by staying at or under them; 'about' (≈) within {0}%. For lower-is-better indicators the sense is reversed.", Pct(GoalRules.ApproxTolerance)),
        Words.Both("Only results of the goal's own period judge it: a 2023 result never judges a 2024 target. The latest earlier result is shown only as a baseline."),
        Words.Both("A bound such as 'above 800 billion' only says what a result is at least: it can show a target met, never a target missed, and is never an end point of a growth rate."),
        Words.Both("After the deadline (the end of the period's last year) a goal gets a final verdict only: achieved, not achieved, or result awaited; never a mid-course pace."),
        Words.Both("A {0} stretch target is a second mark on the same goal: the base target decides the status and the stretch is shown as reached or not; a goal set only as a stretch is judged by it.", ChineseSourceWords.Stretch),
        Words.Both("When several documents report the same result, the figure of record is used: final over preliminary, the statistics bureau over the work report over the news, then the newer.|rule"),
        Words.Both("A level implied by a growth target is shown only for a nominal (current-price) growth rate, and labelled derived; a real growth rate at comparable prices never implies a current-price level."),
    ];

    /// <summary>The principle every verdict rests on: a goal is judged only by a result of its own period.</summary>
    public static Bilingual OwnPeriod => Principles[1];

    /// <summary>The rules as Markdown, for docs/progress.md, which a test keeps equal to this text.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        foreach (var principle in Principles)
        {
            text.AppendLine($"- {principle.Zh}<br>{principle.En}");
        }
        text.AppendLine();
        text.AppendLine("| status | symbol | rule |");
        text.AppendLine("|---|---|---|");
        foreach (var status in Statuses)
        {
            text.AppendLine($"| {status.Zh()} {status.En()} | {status.Symbol()} | {status.Rule().Zh}<br>{status.Rule().En} |");
        }
        text.AppendLine();
        text.AppendLine("| shape | wording | judged part-way |");
        text.AppendLine("|---|---|---|");
        foreach (var shape in Shapes)
        {
            text.AppendLine($"| `{KebabName(shape)}` {shape.Name().Zh} {shape.Name().En} | {shape.Wording()} | {shape.Rule().Zh}<br>{shape.Rule().En} |");
        }
        return text.ToString();
    }

    public static string KebabName(GoalShape shape) => shape.ToString().ToLowerInvariant();
}
