using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;

namespace Linyi.Dashboard.Web.Features.Shared;

public static class StatusLabel
{
    public static string Text(GoalStatus status) => status.Name().Local();

    /// <summary>A status under a chart title, where "no data" above a chart of data would mislead: there it says the goal's period has no result yet.</summary>
    public static string Caption(GoalStatus status) =>
        status == GoalStatus.NoData ? Words.Of("no result for its period yet") : Text(status);

    public static IReadOnlyList<GoalStatus> All => GoalRuleText.Statuses;
}
