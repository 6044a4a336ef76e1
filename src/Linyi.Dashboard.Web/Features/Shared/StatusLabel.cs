using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Shared;

public static class StatusLabel
{
    public static string Text(GoalStatus status) => Localized.IsEnglish ? status.En() : status.Zh();

    public static IReadOnlyList<GoalStatus> All => GoalRuleText.Statuses;
}
