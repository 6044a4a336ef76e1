using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Regions;

/// <summary>A region's figure, with its share of the city's figure for the same indicator, period and kind where both exist.</summary>
public sealed record RegionFigure(DataRow Row, decimal? CityValue, decimal? ShareOfCity);

public sealed record RegionViewModel(RegionInfo Region, RegionInfo? Parent, IReadOnlyList<RegionFigure> Figures, IReadOnlyList<MilestoneData> Milestones,
    IReadOnlyList<CategoryInfo> Categories);

public sealed record RegionIndexViewModel(IReadOnlyList<(RegionInfo Region, int Figures, int Milestones)> Regions);

public sealed class RegionQueries(DashboardDbContext db, DataQueries data, IndicatorQueries indicators)
{
    public async Task<RegionViewModel?> GetAsync(string slug, Reference refs, CancellationToken cancellationToken)
    {
        var region = refs.Region(slug);
        if (region is null)
        {
            return null;
        }
        var rows = await data.AllAsync(DashboardFilter.None with { Region = slug, IncludeOutside = true }, refs, cancellationToken);
        var figures = rows.Select(r => new RegionFigure(r, null, null)).ToList();
        if (region.Kind is RegionKind.District or RegionKind.County or RegionKind.Zone && rows.Count > 0)
        {
            figures = await WithCityShareAsync(rows, cancellationToken);
        }
        var milestones = await indicators.MilestonesAsync(m => m.Region!.Slug == slug, cancellationToken);
        return new RegionViewModel(region, refs.Region(region.ParentSlug), figures, milestones, refs.Categories);
    }

    /// <summary>Shares are given only for like with like: the same indicator, period and kind, in the same unit.</summary>
    private async Task<List<RegionFigure>> WithCityShareAsync(List<DataRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.IndicatorCode).Distinct().ToList();
        var city = await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Region!.Slug == DashboardFilter.City && codes.Contains(o.Indicator!.Code)
                && (o.Indicator.Measure == Measure.Level || o.Indicator.Measure == Measure.Count))
            .Select(o => new { o.Indicator!.Code, o.StartYear, o.EndYear, o.Kind, o.Value, Unit = o.UnitCode ?? o.Indicator.UnitCode })
            .ToListAsync(cancellationToken);
        return rows.Select(row =>
        {
            var match = city.FirstOrDefault(c => c.Code == row.IndicatorCode && c.StartYear == row.StartYear && c.EndYear == row.EndYear
                && c.Kind == row.Kind && c.Unit == row.Unit);
            return match is null || match.Value <= 0
                ? new RegionFigure(row, null, null)
                : new RegionFigure(row, match.Value, row.Value / match.Value);
        }).ToList();
    }

    public async Task<RegionIndexViewModel> IndexAsync(Reference refs, CancellationToken cancellationToken)
    {
        var figures = await db.Observations.AsNoTracking().OfRecord(db).GroupBy(o => o.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().GroupBy(m => m.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new RegionIndexViewModel(refs.Regions.Select(r => (r, figures.GetValueOrDefault(r.Id), milestones.GetValueOrDefault(r.Id))).ToList());
    }
}
