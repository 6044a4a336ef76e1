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
        // The indicator, the growth indicator reporting on it, and the level indicator it reports on: one round trip.
        var data = await indicators.ForRegionAsync(HomeQueries.City,
            i => i.Code == code || i.GrowthOf!.Code == code || db.Indicators.Any(x => x.Code == code && x.GrowthOfId == i.Id), cancellationToken);
        var self = data.FirstOrDefault(d => d.Code == code);
        if (self is null)
        {
            return null;
        }
        var level = data.FirstOrDefault(d => d.Code == self.GrowthOfCode);
        var views = IndicatorQueries.Analyze(data);
        var view = views.First(v => v.Indicator.Code == code);
        var milestones = await indicators.MilestonesAsync(m => m.Category!.Slug == self.CategorySlug && m.Region!.Kind != Domain.RegionKind.Outside, cancellationToken);
        return new IndicatorPageViewModel(view,
            views.FirstOrDefault(v => v.Indicator.GrowthOfCode == code),
            level is null ? null : views.First(v => v.Indicator.Code == level.Code),
            milestones);
    }
}
