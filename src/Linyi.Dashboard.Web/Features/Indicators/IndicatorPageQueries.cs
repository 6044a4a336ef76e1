using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Features.Home;

namespace Linyi.Dashboard.Web.Features.Indicators;

public sealed record IndicatorPageViewModel(IndicatorView View, IndicatorView? Growth, IndicatorView? Level, IReadOnlyList<MilestoneData> Milestones)
{
    public IReadOnlyList<CitationData> Citations =>
        View.Indicator.Observations.Select(o => o.Citation).Distinct().OrderBy(c => c.DocumentCode, StringComparer.Ordinal).ThenBy(c => c.Section, StringComparer.Ordinal).ToList();
}

public sealed class IndicatorPageQueries(DashboardDbContext db, IndicatorQueries indicators)
{
    public async Task<IndicatorPageViewModel?> GetAsync(string code, CancellationToken cancellationToken)
    {
        // The indicator, the growth indicator reporting on it, and the level indicator it reports on: one round trip. Each
        // condition is on an indexed column of the indicator itself (the others through one-row subqueries), so that
        // PostgreSQL knows it reads three indicators at most and fetches their figures by index, however many there are.
        var data = await indicators.ForRegionAsync(HomeQueries.City,
            i => i.Code == code
                || i.GrowthOfId == db.Indicators.Where(x => x.Code == code).Select(x => (int?)x.Id).FirstOrDefault()
                || i.Id == db.Indicators.Where(x => x.Code == code).Select(x => x.GrowthOfId).FirstOrDefault(), cancellationToken);
        var self = data.FirstOrDefault(d => d.Code == code);
        if (self is null)
        {
            return null;
        }
        var level = data.FirstOrDefault(d => d.Code == self.GrowthOfCode);
        var views = indicators.Analyze(data);
        var view = views.First(v => v.Indicator.Code == code);
        var names = new[] { self.NameZh, level?.NameZh }.OfType<string>().ToList();
        var milestones = (await indicators.MilestonesAsync(m => m.Category!.Slug == self.CategorySlug && m.Region!.Kind != Domain.RegionKind.Outside, cancellationToken))
            .Where(m => names.Any(name => SharesTerm(name, m.TitleZh)))
            .ToList();
        return new IndicatorPageViewModel(view,
            views.FirstOrDefault(v => v.Indicator.GrowthOfCode == code),
            level is null ? null : views.First(v => v.Indicator.Code == level.Code),
            milestones);
    }

    /// <summary>Whether a milestone speaks of the indicator: its title shares a run of four characters with the indicator's name.</summary>
    public static bool SharesTerm(string name, string title, int length = 4)
    {
        var core = name.Split('（', '(')[0];
        for (var i = 0; i + length <= core.Length; i++)
        {
            if (title.Contains(core.AsSpan(i, length), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
