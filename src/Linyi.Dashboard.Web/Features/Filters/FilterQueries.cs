using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Filters;

public sealed record FilterOption(string Value, string Label, int Count, bool Selected, string? Group);

/// <summary>The filter form: each option shows how many figures it would give with the other choices kept.</summary>
public sealed record FilterPanel(
    DashboardFilter Filter,
    string Action,
    IReadOnlyList<FilterOption> Regions,
    IReadOnlyList<FilterOption> Categories,
    IReadOnlyList<FilterOption> Years,
    IReadOnlyList<FilterOption> Kinds,
    int MatchCount)
{
    /// <summary>The data explorer's extras: "all regions" as the unset region, and an indicator picker.</summary>
    public bool AllRegions { get; init; }

    public IReadOnlyList<IndicatorChoice> Indicators { get; init; } = [];

    /// <summary>What was typed in the indicator box that names no indicator.</summary>
    public IndicatorNameProblem? IndicatorProblem { get; init; }
}

public sealed class FilterQueries(DashboardDbContext db, VersionedCache cache)
{
    private sealed record Cell(int RegionId, int CategoryId, int StartYear, int EndYear, ObservationKind Kind, int Count);

    /// <summary>Builds the panel from one grouped count over the figures of record.</summary>
    /// <param name="allRegionsWhenUnset">The data explorer lists every region when none is chosen; the dashboards show the city.</param>
    public async Task<FilterPanel> PanelAsync(DashboardFilter filter, string action, Reference refs, bool allRegionsWhenUnset, CancellationToken cancellationToken)
    {
        var cells = await cache.GetOrCreateAsync("filter-cells", () => db.ObservationsOfRecord.AsNoTracking()
            .Join(db.Indicators, r => r.IndicatorId, i => i.Id, (r, i) => new { r.RegionId, i.CategoryId, r.StartYear, r.EndYear, r.Kind })
            .GroupBy(o => new { o.RegionId, o.CategoryId, o.StartYear, o.EndYear, o.Kind })
            .Select(g => new Cell(g.Key.RegionId, g.Key.CategoryId, g.Key.StartYear, g.Key.EndYear, g.Key.Kind, g.Count()))
            .ToListAsync(cancellationToken), cancellationToken);
        var region = filter.Region is null && allRegionsWhenUnset ? null : refs.Region(filter.RegionOrCity);
        var category = refs.Category(filter.Category);
        var outside = refs.Regions.Where(r => r.Kind == RegionKind.Outside).Select(r => r.Id).ToHashSet();
        bool RegionOk(Cell c) => region is null ? filter.IncludeOutside || !outside.Contains(c.RegionId) : c.RegionId == region.Id;
        bool CategoryOk(Cell c) => category is null || c.CategoryId == category.Id;
        bool PeriodOk(Cell c) => filter.Period is not { } p || (c.StartYear == p.StartYear && c.EndYear == p.EndYear);
        bool KindOk(Cell c) => filter.Kind is not { } k || c.Kind == k;
        int Count(Func<Cell, bool> keep) => cells.Where(keep).Sum(c => c.Count);

        var regions = refs.Regions
            .Where(r => r.Kind != RegionKind.Outside || filter.IncludeOutside)
            .Select(r => new FilterOption(r.Slug, Localized.Pick(r.NameZh, r.NameEn),
                Count(c => c.RegionId == r.Id && CategoryOk(c) && PeriodOk(c) && KindOk(c)), r.Slug == region?.Slug, KindGroup(r.Kind)))
            .ToList();
        var categories = refs.Categories
            .Select(cat => new FilterOption(cat.Slug, Localized.Pick(cat.NameZh, cat.NameEn),
                Count(c => c.CategoryId == cat.Id && RegionOk(c) && PeriodOk(c) && KindOk(c)), cat.Slug == filter.Category, null))
            .ToList();
        var years = cells.Select(c => new Period(c.StartYear, c.EndYear)).Distinct()
            .OrderBy(p => p.EndYear).ThenBy(p => p.StartYear)
            .Select(p => new FilterOption(p.ToString(), p.ToString(),
                Count(c => c.StartYear == p.StartYear && c.EndYear == p.EndYear && RegionOk(c) && CategoryOk(c) && KindOk(c)), filter.Period == p, null))
            .ToList();
        var kinds = Enum.GetValues<ObservationKind>()
            .Select(k => new FilterOption(KebabEnum.ToText(k), KindLabel(k), Count(c => c.Kind == k && RegionOk(c) && CategoryOk(c) && PeriodOk(c)), filter.Kind == k, null))
            .ToList();
        return new FilterPanel(filter, action, regions, categories, years, kinds, Count(c => RegionOk(c) && CategoryOk(c) && PeriodOk(c) && KindOk(c)));
    }

    public static string KindLabel(ObservationKind kind) => kind switch
    {
        ObservationKind.Actual => Words.Of("Actual"),
        ObservationKind.Target => Words.Of("Target"),
        _ => Words.Of("Stretch target"),
    };

    public static string KindGroup(RegionKind kind) => kind switch
    {
        RegionKind.City => Words.Of("City"),
        RegionKind.District => Words.Of("Districts"),
        RegionKind.County => Words.Of("Counties"),
        RegionKind.Zone => Words.Of("Functional zones (overlap districts and counties)"),
        _ => Words.Of("Outside Linyi"),
    };

    /// <summary>What one region is (a county, not "Counties"), for its own page.</summary>
    public static string KindOne(RegionKind kind) => kind switch
    {
        RegionKind.City => Words.Of("Prefecture-level city"),
        RegionKind.District => Words.Of("District"),
        RegionKind.County => Words.Of("County"),
        RegionKind.Zone => Words.Of("Functional zone (overlaps districts and counties)"),
        _ => Words.Of("Outside Linyi"),
    };
}
