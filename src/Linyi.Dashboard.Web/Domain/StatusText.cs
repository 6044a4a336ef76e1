namespace Linyi.Dashboard.Web.Domain;

/// <summary>Status words and symbols, so that status never depends on colour alone.</summary>
public static class StatusText
{
    public static string Zh(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "已完成",
        GoalStatus.OnTrack => "进展顺利",
        GoalStatus.NeedsAttention => "需关注",
        GoalStatus.Behind => "滞后",
        _ => "暂无数据",
    };

    public static string En(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "Achieved",
        GoalStatus.OnTrack => "On track",
        GoalStatus.NeedsAttention => "Needs attention",
        GoalStatus.Behind => "Behind",
        _ => "No data yet",
    };

    public static string Symbol(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "✔",
        GoalStatus.OnTrack => "▲",
        GoalStatus.NeedsAttention => "!",
        GoalStatus.Behind => "▼",
        _ => "–",
    };

    public static string CssClass(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "status-achieved",
        GoalStatus.OnTrack => "status-on-track",
        GoalStatus.NeedsAttention => "status-attention",
        GoalStatus.Behind => "status-behind",
        _ => "status-no-data",
    };
}
