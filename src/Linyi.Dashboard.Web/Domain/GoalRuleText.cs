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
        GoalStatus.Achieved => new("已完成", "Achieved"),
        GoalStatus.OnTrack => new("进展顺利", "On track"),
        GoalStatus.NeedsAttention => new("需关注", "Needs attention"),
        GoalStatus.Behind => new("滞后", "Behind"),
        GoalStatus.Missed => new("未完成", "Not achieved"),
        GoalStatus.AwaitingResult => new("期满待结果", "Ended, result awaited"),
        GoalStatus.NotStarted => new("未开始", "Not started"),
        _ => new("暂无数据", "No data yet"),
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
        GoalStatus.Achieved => new(
            "目标期内的结果达到目标（按原文的≥、≤，或“左右”目标的±" + Pct(GoalRules.ApproxTolerance) + "%以内）；逐年目标须每年达到，累计、年均目标按全期合计或平均。",
            "A result of the goal's own period meets the target as worded (≥, ≤, or within " + Pct(GoalRules.ApproxTolerance) + "% of an 'about' target); a yearly goal must be met every year, a cumulative or average goal by the whole period's sum or average."),
        GoalStatus.OnTrack => new(
            "期中：按目标形态计算的进度足以按期完成（见下表）。",
            "Part-way: progress, measured as the goal's shape requires (see the table), is enough to finish on time."),
        GoalStatus.NeedsAttention => new(
            "期中：进度略有不足——总量年均增速差距不超过" + Num(GoalRules.PaceMarginPoints) + "个百分点，比重、位次、累计进度达到应有进度的" + Pct(GoalRules.PaceAttentionShare) + "%以上，或某一年、年均值差距不超过目标的" + Pct(GoalRules.AttentionMargin) + "%（增速、比重为" + Num(GoalRules.AttentionMarginPoints) + "个百分点）；或缺少此前的准确结果，无法计算进度。",
            "Part-way: slightly short of pace: a level's yearly growth at most " + Num(GoalRules.PaceMarginPoints) + " points short of the growth still needed; a share, rank or cumulative goal at " + Pct(GoalRules.PaceAttentionShare) + "% or more of the pace its time calls for; one year or the average so far within " + Pct(GoalRules.AttentionMargin) + "% of the target (" + Num(GoalRules.AttentionMarginPoints) + " points for rates and shares); or no earlier exact result to measure the pace from."),
        GoalStatus.Behind => new(
            "期中：进度不足以按期完成，差距超过“需关注”的范围。",
            "Part-way: progress falls further short than 'needs attention' allows."),
        GoalStatus.Missed => new(
            "期满：期末结果（逐年目标为任一年的结果，累计、年均目标为全期）未达到目标。",
            "After the deadline: the closing result (for a yearly goal any year's result, for a cumulative or average goal the whole period) misses the target."),
        GoalStatus.AwaitingResult => new(
            "期满，但判定所需的结果尚未公布（或只公布了“突破”“以上”之类的下限）。",
            "The deadline has passed but the result that decides it is not published yet (or only as a bound such as 'above')."),
        GoalStatus.NotStarted => new(
            "目标期尚未开始；此前的最新结果作为基数显示。",
            "The goal's period has not begun; the latest earlier result is shown as its baseline."),
        _ => new(
            "目标期内尚无结果。此前的最新结果作为基数显示，并给出仍需缩小的差距。",
            "No result of the goal's period yet. The latest earlier result is shown as a baseline with the gap still to close."),
    };

    public static Bilingual Name(this GoalShape shape) => shape switch
    {
        GoalShape.Level => new("到期达到", "Level by the deadline"),
        GoalShape.Annual => new("每年达到", "Every year"),
        GoalShape.Cumulative => new("累计", "Cumulative"),
        GoalShape.Average => new("年均", "Yearly average"),
        GoalShape.Share => new("比重（百分点）", "Share (points)"),
        GoalShape.Rank => new("位次", "Rank"),
        GoalShape.Limit => new("控制在限值以内", "Limit"),
        _ => new("一次性任务", "Deliverable"),
    };

    /// <summary>The wording in a source that marks each shape.</summary>
    public static string Wording(this GoalShape shape) => shape switch
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

    /// <summary>How a goal of each shape is judged part-way.</summary>
    public static Bilingual Rule(this GoalShape shape) => shape switch
    {
        GoalShape.Level => new(
            "按复合增速：从最新结果到期限每年仍需的增速，与此前准确结果到最新结果每年实现的增速相比。",
            "By compound growth: the yearly growth still needed from the latest result to the deadline, against the yearly growth achieved from the previous exact result to the latest."),
        GoalShape.Annual => new(
            "目标期内每一年的结果都须达到目标；任何一年未达到即为滞后（差距很小时为需关注），期满为未完成。",
            "Every year's result must meet the target; a missed year makes it behind (needs attention when close), and not achieved at the deadline."),
        GoalShape.Cumulative => new(
            "已有年份的合计，与按已过时间占比应完成的部分相比。",
            "The sum of the years so far, against the part of the target the share of time gone calls for."),
        GoalShape.Average => new(
            "已有年份的平均值（增速按复合平均）与目标相比。",
            "The average of the years so far (compound for growth rates) against the target."),
        GoalShape.Share => new(
            "按线性进度：每年仍需提高的百分点，与此前每年实际提高的百分点相比。",
            "By linear pace: the points a year still needed, against the points a year achieved."),
        GoalShape.Rank => new(
            "按线性进度：每年仍需前进的位次，与此前每年实际前进的位次相比。",
            "By linear pace: the places a year still needed, against the places a year gained."),
        GoalShape.Limit => new(
            "目标期内每一年都须控制在限值以内。",
            "Every year of the period must stay within the limit."),
        _ => new(
            "完成即为已完成；完成前为暂无数据，期满仍未完成为未完成。",
            "Achieved once done; no data until then; not achieved if still undone at the deadline."),
    };

    /// <summary>The rules that hold for every shape.</summary>
    public static readonly Bilingual[] Principles =
    [
        new("“达到”“突破”“以上”（≥）的目标以达到为完成；“以内”“不超过”（≤）的目标以不超过为完成；“左右”（≈）的目标在±" + Pct(GoalRules.ApproxTolerance) + "%以内为完成。越低越好的指标方向相反。",
            "Targets worded 'reach', 'above' (≥) are met by reaching them; 'within', 'at most' (≤) by staying at or under them; 'about' (≈) within " + Pct(GoalRules.ApproxTolerance) + "%. For lower-is-better indicators the sense is reversed."),
        new("只有目标期内的结果评判目标：2023年的结果不评判2024年的目标。此前的最新结果只作为基数显示。",
            "Only results of the goal's own period judge it: a 2023 result never judges a 2024 target. The latest earlier result is shown only as a baseline."),
        new("“突破8000亿元”之类的下限只说明结果至少是多少：达到目标时可判为完成，否则不作评判，也从不作为计算增速的端点。",
            "A bound such as 'above 800 billion' only says what a result is at least: it can show a target met, never a target missed, and is never an end point of a growth rate."),
        new("期满（目标期最后一年结束）后只给最终结论：已完成、未完成，或期满待结果；不再显示期中进度。",
            "After the deadline (the end of the period's last year) a goal gets a final verdict only: achieved, not achieved, or result awaited; never a mid-course pace."),
        new("力争目标是同一目标的第二个标准：基准目标决定状态，力争目标单独显示是否达到；只有力争值的目标按力争值评判。",
            "A 力争 stretch target is a second mark on the same goal: the base target decides the status and the stretch is shown as reached or not; a goal set only as a stretch is judged by it."),
        new("同一结果有多份文件报告时，采用记录值：正式数优先于初步数，统计部门优先于政府工作报告，再优先于新闻，然后是较新的发布。",
            "When several documents report the same result, the figure of record is used: final over preliminary, the statistics bureau over the work report over the news, then the newer."),
        new("由增速目标推算的总量只在增速为现价（名义）增速时显示，并标为推算；可比价增速不用于推算现价总量。",
            "A level implied by a growth target is shown only for a nominal (current-price) growth rate, and labelled derived; a real growth rate at comparable prices never implies a current-price level."),
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
