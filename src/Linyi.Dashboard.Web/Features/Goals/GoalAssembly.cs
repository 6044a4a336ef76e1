using System.Linq.Expressions;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Indicators;

namespace Linyi.Dashboard.Web.Features.Goals;

/// <summary>What a page shows of the judged indicators: figures of exactly one period and of one kind. It never changes a verdict.</summary>
public sealed record GoalScope(Period? Period, ObservationKind? Kind)
{
    public static readonly GoalScope All = new(null, null);

    public bool IsAll => Period is null && Kind is null;
}

/// <summary>
/// The one place goals are judged and made into cards, for the overview, the goals list, the PDF summary, briefings and
/// /api/goals. Every goal is judged from all the figures of record of its region (its results and the baseline before
/// it); a page's period or kind then narrows what is shown, so a filter can hide a goal but never judge it differently.
/// </summary>
public sealed class GoalAssembly(IndicatorQueries indicators)
{
    /// <summary>One round trip: the indicators <paramref name="which"/> selects, with every figure and its source, judged and narrowed to <paramref name="scope"/>.</summary>
    public async Task<List<IndicatorView>> JudgeAsync(string region, Expression<Func<Indicator, bool>> which, GoalScope scope, CancellationToken cancellationToken) =>
        Narrow(indicators.Analyze(await indicators.ForRegionAsync(region, which, cancellationToken)), scope);

    /// <summary>The same verdicts from the figures of record alone (no sources, notes or earlier reports): enough to count goals.</summary>
    public async Task<List<IndicatorView>> JudgeForCountsAsync(string region, Expression<Func<Indicator, bool>> which, GoalScope scope, CancellationToken cancellationToken) =>
        Narrow(indicators.Analyze(await indicators.JudgedForRegionAsync(region, which, cancellationToken)), scope);

    public static List<IndicatorView> Narrow(IEnumerable<IndicatorView> views, GoalScope scope) =>
        scope.IsAll ? views.ToList() : views.Select(v => Narrow(v, scope)).ToList();

    /// <summary>The view as a page with <paramref name="scope"/> shows it: its figures and goals of that period and kind, each goal judged as before.</summary>
    public static IndicatorView Narrow(IndicatorView view, GoalScope scope)
    {
        var all = view.Indicator.Observations;
        var shown = all.Where(o => GoalCardRules.ShownFor(o.Period, scope.Period) && (scope.Kind is null || o.Kind == scope.Kind)).ToList();
        var goals = view.Goals.Where(g => GoalCardRules.ShownFor(g.Period, scope.Period)
            && GoalCardRules.ShownForKind(scope.Kind, g.Target is not null, g.Stretch is not null)).ToList();
        var latest = shown.Where(o => o.Kind == ObservationKind.Actual && !o.Period.IsSpan).OrderBy(o => o.StartYear).LastOrDefault();
        return new IndicatorView(view.Indicator with { Observations = shown }, latest, goals);
    }

    /// <summary>
    /// The cards of <paramref name="codes"/>, in their order: each level with the growth rate of it among <paramref name="views"/>;
    /// codes not among the views are left out, and so are cards without any figure.
    /// </summary>
    public static List<GoalCard> Cards(IReadOnlyList<IndicatorView> views, IEnumerable<string> codes)
    {
        var byCode = views.ToDictionary(v => v.Indicator.Code, StringComparer.Ordinal);
        var growthOf = views.Where(v => v.Indicator.GrowthOfCode is not null).GroupBy(v => v.Indicator.GrowthOfCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return codes.Where(byCode.ContainsKey)
            .Select(code => new GoalCard(byCode[code], growthOf.GetValueOrDefault(code)))
            .Where(card => card.HasFigures)
            .ToList();
    }

    /// <summary>Every indicator of <paramref name="views"/> that heads a card: all but the growth rates whose level is among them.</summary>
    public static IEnumerable<string> CardCodes(IReadOnlyList<IndicatorView> views)
    {
        var codes = views.Select(v => v.Indicator.Code).ToHashSet(StringComparer.Ordinal);
        return views.Where(v => GoalCardRules.StandsAlone(v.Indicator.GrowthOfCode, codes)).Select(v => v.Indicator.Code);
    }

    /// <summary>Every goal of a region, judged, with the indicator it belongs to.</summary>
    public static IEnumerable<GoalRow> Rows(IEnumerable<IndicatorView> views) => views.SelectMany(v => v.Goals.Select(g => new GoalRow(v, g)));
}
