using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Api;

public sealed record ApiTarget(string Comparator, decimal Value, string Unit, decimal? ValueAsStated, string? UnitAsStated);

public sealed record ApiResult(decimal Value, string Unit, int Year, string Vintage, string Document, string PublishedOn, string? Url, bool IsBaseline);

public sealed record ApiGap(bool Reached, decimal? Ratio, decimal? GapPoints, decimal? Remaining, decimal? RequiredRate, decimal? AchievedRate,
    decimal? RequiredPace = null, decimal? AchievedPace = null, decimal? SoFar = null, IReadOnlyList<int>? MissedYears = null, IReadOnlyList<int>? MissingYears = null);

/// <param name="Shape">How the goal is worded and so judged: level, annual, cumulative, average, share, rank, limit or deliverable (see /api/rules).</param>
/// <param name="Phase">not-started, in-progress or ended, from today's date against the goal's period.</param>
public sealed record ApiGoal(string Indicator, string Region, string Period, ApiTarget? Target, ApiTarget? Stretch, ApiResult? Result,
    string Status, ApiGap? Gap, string Document, string? Url, string Shape = "level", string Phase = "in-progress");

public sealed record ApiText(string Zh, string En);

public sealed record ApiStatusRule(string Status, string Symbol, ApiText Name, ApiText Rule);

public sealed record ApiShapeRule(string Shape, ApiText Name, string Wording, ApiText Rule);

/// <summary>The rules as the pages state them, from the same definitions (<see cref="GoalRuleText"/>).</summary>
public sealed record ApiRules(IReadOnlyList<ApiText> Principles, IReadOnlyList<ApiStatusRule> Statuses, IReadOnlyList<ApiShapeRule> Shapes)
{
    public static ApiRules Current { get; } = new(
        GoalRuleText.Principles.Select(Text).ToList(),
        GoalRuleText.Statuses.Select(s => new ApiStatusRule(KebabEnum.ToText(s), s.Symbol(), Text(s.Name()), Text(s.Rule()))).ToList(),
        GoalRuleText.Shapes.Select(s => new ApiShapeRule(GoalRuleText.KebabName(s), Text(s.Name()), s.Wording(), Text(s.Rule()))).ToList());

    private static ApiText Text(Bilingual text) => new(text.Zh, text.En);
}

public sealed record ApiDocument(string Code, string TitleZh, string TitleEn, string Kind, string? Publisher, string PublishedOn, string? Url,
    string? Reliability, int Figures, int FiguresOfRecord, int Milestones);

/// <summary>
/// Goals as the pages judge them: from the one assembly (<see cref="GoalAssembly"/>), so the API can never disagree with a page.
/// </summary>
public sealed class ApiGoalQueries(DashboardDbContext db, GoalAssembly assembly)
{
    public async Task<List<ApiGoal>> ListAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken)
    {
        var category = filter.Category;
        var codes = filter.Indicators.ToList();
        var regions = filter.Region is { } one
            ? [one]
            : await db.Observations.AsNoTracking().Where(o => o.Kind != ObservationKind.Actual).Select(o => o.Region!.Slug).Distinct().ToListAsync(cancellationToken);
        var goals = new List<ApiGoal>();
        foreach (var region in refs.Regions.Select(r => r.Slug).Where(regions.Contains))
        {
            // Every indicator is read, so that a growth goal is analysed with its level as the pages do; the filter applies after.
            foreach (var view in await assembly.JudgeAsync(region, _ => true, GoalScope.All, cancellationToken))
            {
                var indicator = view.Indicator;
                if ((category is not null && indicator.CategorySlug != category) || (codes.Count > 0 && !codes.Contains(indicator.Code)))
                {
                    continue;
                }
                foreach (var goal in view.Goals.Where(g => GoalCardRules.RunsIn(g.Period, filter.Period)))
                {
                    goals.Add(ToApi(indicator, region, goal));
                }
            }
        }
        return goals;
    }

    private static ApiGoal ToApi(IndicatorData indicator, string region, GoalView goal)
    {
        var progress = goal.MainProgress;
        var setBy = indicator.Observations.First(o => o.Kind != ObservationKind.Actual && o.Period == goal.Period).Citation;
        return new ApiGoal(indicator.Code, region, goal.Period.ToString(), Target(indicator, goal.Target), Target(indicator, goal.Stretch),
            // The result of the goal's own period; before there is one, the baseline (flagged as such).
            (goal.Actual ?? goal.Baseline) is { } actual
                ? new ApiResult(Exact(IndicatorAnalysis.ToFigure(indicator, actual).Value), indicator.UnitCode, actual.StartYear, KebabEnum.ToText(actual.Vintage),
                    actual.Citation.DocumentCode, actual.Citation.PublishedOn, actual.Citation.Url, goal.Actual is null)
                : null,
            KebabEnum.ToText(goal.Status),
            progress is null ? null : new ApiGap(progress.Reached, Round(progress.Ratio), Round(progress.GapPoints), Round(progress.Remaining), Round(progress.RequiredRate), Round(progress.AchievedRate),
                progress.Pace is { Kind: PaceKind.Linear } linear ? Round(linear.Required) : null, progress.Pace is { Kind: PaceKind.Linear } done ? Round(done.Achieved) : null,
                Round(progress.SoFar), progress.MissedYears, progress.MissingYears),
            setBy.DocumentCode, setBy.Url, GoalRuleText.KebabName(goal.Shape), progress is null ? "in-progress" : KebabEnum.ToText(progress.Phase));
    }

    private static ApiTarget? Target(IndicatorData indicator, Figure? figure) => figure is null ? null
        : new ApiTarget(figure.Comparator.ToAscii(), Exact(figure.Value), indicator.UnitCode,
            figure.Converted ? Exact(figure.OriginalValue) : null, figure.Converted ? figure.OriginalUnit : null);

    private static decimal Exact(decimal value) => value.Trimmed();

    private static decimal? Round(decimal? value) => value is { } v ? Exact(Math.Round(v, 4)) : null;
}
