using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Compare;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Features.Map;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linyi.Dashboard.Web.Features.Regions;

/// <summary>A region's figure, with its share of the city's figure for the same indicator, period and kind where both exist.</summary>
public sealed record RegionFigure(DataRow Row, decimal? CityValue, decimal? ShareOfCity);

/// <param name="Figures">The figures of this page's indicators.</param>
/// <param name="IndicatorCount">Indicators with figures for the region, on every page together.</param>
/// <param name="FirstIndicator">The number of this page's first indicator in the whole list, from 1.</param>
public sealed record RegionViewModel(RegionInfo Region, RegionInfo? Parent, IReadOnlyList<RegionFigure> Figures, IReadOnlyList<MilestoneData> Milestones,
    IReadOnlyList<CategoryInfo> Categories, IReadOnlyList<ChartData> Series, CountyMap? Map, IReadOnlyList<CountyGoal> Goals,
    int Page = 1, int PageCount = 1, int IndicatorCount = 0, int FirstIndicator = 1, int LastIndicator = 0)
{
    public string PageLink(int page) => $"/regions/{Region.Slug}" + (page == 1 ? "" : $"?page={page}");
}

/// <summary>A target that names the region, judged by <see cref="ProgressRules"/> against the region's own result once one is published.</summary>
public sealed record CountyGoal(DataRow Target, DataRow? Result, GoalStatus Status);

/// <param name="Regions">Each region with its results and targets of record (the map counts the same results) and its milestones.</param>
public sealed record RegionIndexViewModel(IReadOnlyList<(RegionInfo Region, int Results, int Targets, int Milestones)> Regions, CountyMap Map)
{
    /// <summary>The indicator-years the map can be shaded by: results that two or more districts or counties report.</summary>
    public IReadOnlyList<Comparable> Choices { get; init; } = [];

    /// <summary>The indicator-year the map is shaded by; null when it shows where the data is.</summary>
    public Comparable? Shaded { get; init; }
}

/// <summary>One cell of the coverage grid: the years for which a county has a result of record for an indicator.</summary>
public sealed record CoverageCell(string RegionSlug, string IndicatorCode, IReadOnlyList<int> Years);

public sealed record CoverageViewModel(IReadOnlyList<RegionInfo> Counties, IReadOnlyList<(string Code, string Name, string Unit, string? UnitEn)> Indicators,
    IReadOnlyList<CoverageCell> Cells, IReadOnlySet<(string Code, int Year)> Comparable)
{
    public CoverageCell? Cell(string region, string indicator) => Cells.FirstOrDefault(c => c.RegionSlug == region && c.IndicatorCode == indicator);
}

public sealed class RegionQueries(DashboardDbContext db, DataQueries data, IndicatorQueries indicators, CompareQueries compare,
    IOptions<OverviewOptions> overview, VersionedCache cache)
{
    /// <summary>
    /// Indicators per page of a region: the city's page of the real data fits on a few pages, and a page stays the same
    /// size however many indicators the data gains. Forty, as on a category page: at sixty, a county's page on 100× the
    /// data cost more than twice its page on the real data to render.
    /// </summary>
    public const int PageSize = 40;

    /// <summary>
    /// Figures per page, counted by whole indicators: an indicator with ten years of results weighs ten times one with a
    /// single figure, so that a page stays the same size however many years the data gains. An indicator with more figures
    /// than this has a page of its own.
    /// </summary>
    public const int MaxFiguresPerPage = 80;

    /// <returns>Null when the region does not exist; a model whose <see cref="RegionViewModel.Page"/> differs from
    /// <paramref name="page"/> when that page does not exist.</returns>
    public async Task<RegionViewModel?> GetAsync(string slug, Reference refs, CancellationToken cancellationToken, int page = 1)
    {
        var region = refs.Region(slug);
        if (region is null)
        {
            return null;
        }
        var filter = DashboardFilter.None with { Region = slug, IncludeOutside = true };
        // The page's indicators first, in the order of the table (category, then code); then the figures of those alone.
        // The list grows with the data and changes only with it: kept per data version, so that a page costs what it shows.
        var pages = await cache.GetOrCreateAsync($"region-pages|{slug}", async () =>
            Paginate((await data.Filtered(filter).GroupBy(o => new { o.Indicator!.Code, o.Indicator.Category!.SortOrder })
                    .Select(g => new { g.Key.Code, g.Key.SortOrder, Figures = g.Count() }).ToListAsync(cancellationToken))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Code, c.Figures)).ToList()), cancellationToken);
        var indicatorCount = pages.Sum(p => p.Count);
        var pageCount = Math.Max(1, pages.Count);
        if (page < 1 || page > pageCount)
        {
            return new RegionViewModel(region, null, [], [], [], [], null, [], 0, pageCount, indicatorCount);
        }
        var firstIndicator = 1 + pages.Take(page - 1).Sum(p => p.Count);
        var rows = pages.Count <= 1 ? await data.AllAsync(filter, cancellationToken)
            : await data.AllAsync(filter with { Indicators = pages[page - 1] }, cancellationToken);
        var figures = rows.Select(r => new RegionFigure(r, null, null)).ToList();
        if (region.Kind is RegionKind.District or RegionKind.County or RegionKind.Zone && rows.Count > 0)
        {
            figures = await WithCityShareAsync(rows, cancellationToken);
        }
        var milestones = await indicators.MilestonesAsync(m => m.Region!.Slug == slug, cancellationToken);
        var map = CountyMap.OnMap(region)
            ? CountyMap.Locator("map-region", Localized.Pick(region.NameZh, region.NameEn), refs, await FigureCountsAsync(cancellationToken), region.Slug)
            : null;
        return new RegionViewModel(region, refs.Region(region.ParentSlug), figures, milestones, refs.Categories,
            await SeriesAsync(rows, cancellationToken), map, await GoalsAsync(rows, cancellationToken), page, pageCount, indicatorCount,
            firstIndicator, firstIndicator + (pages.Count == 0 ? 0 : pages[page - 1].Count) - 1);
    }

    /// <summary>Splits the indicators, in order, into pages of at most <see cref="PageSize"/> indicators and <see cref="MaxFiguresPerPage"/> figures.</summary>
    public static List<List<string>> Paginate(IReadOnlyList<(string Code, int Figures)> indicators)
    {
        var pages = new List<List<string>>();
        List<string>? current = null;
        var figures = 0;
        foreach (var (code, count) in indicators)
        {
            // A page always holds its first indicator, however many figures that has.
            if (current is null || current.Count == PageSize || figures + count > MaxFiguresPerPage)
            {
                current = [];
                pages.Add(current);
                figures = 0;
            }
            current.Add(code);
            figures += count;
        }
        return pages;
    }

    private async Task<List<CountyGoal>> GoalsAsync(List<DataRow> rows, CancellationToken cancellationToken)
    {
        var targets = rows.Where(r => r.Kind != ObservationKind.Actual).ToList();
        if (targets.Count == 0)
        {
            return [];
        }
        var codes = targets.Select(t => t.IndicatorCode).Distinct().ToList();
        var rules = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.Measure, i.Direction }).ToDictionaryAsync(i => i.Code, cancellationToken);
        var ids = targets.Select(t => t.Id).ToList();
        var shapes = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Shape }).ToDictionaryAsync(o => o.Id, o => o.Shape, cancellationToken);
        var today = indicators.Today;
        return targets.Select(target =>
        {
            // The latest result in the target's period, in the target's unit: a county figure judges a county goal.
            var results = rows.Where(r => r.Kind == ObservationKind.Actual && r.IndicatorCode == target.IndicatorCode && r.Unit == target.Unit
                    && r.StartYear == r.EndYear && r.EndYear >= target.StartYear && r.EndYear <= target.EndYear)
                .OrderBy(r => r.EndYear).ToList();
            var rule = rules[target.IndicatorCode];
            var shape = shapes.GetValueOrDefault(target.Id) ?? IndicatorAnalysis.DefaultShape(rule.Measure, target.Comparator);
            var goal = new Goal(shape, rule.Measure, rule.Direction, target.Comparator, target.Value, target.Period,
                results.Select(r => new YearResult(r.EndYear, r.Value, r.Comparator)).ToList());
            var progress = GoalRules.Evaluate(goal, today);
            var result = progress.Judged is { } judged ? results.LastOrDefault(r => r.EndYear == judged.Year) : null;
            return new CountyGoal(target, result, progress.Status);
        }).ToList();
    }

    /// <summary>A chart through time for each indicator with results for two or more single years, drawn as on the indicator pages.</summary>
    private async Task<List<ChartData>> SeriesAsync(List<DataRow> rows, CancellationToken cancellationToken)
    {
        var results = rows.Where(r => r.Kind == ObservationKind.Actual && r.StartYear == r.EndYear)
            .GroupBy(r => (r.IndicatorCode, r.Unit)).Where(g => g.Count() >= 2).ToList();
        if (results.Count == 0)
        {
            return [];
        }
        var codes = results.Select(g => g.Key.IndicatorCode).ToList();
        var presentation = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.Chart, i.Measure, i.AxisMin, i.AxisMax }).ToDictionaryAsync(i => i.Code, cancellationToken);
        return results.Select(g =>
        {
            var series = g.OrderBy(r => r.StartYear).ToList();
            var first = series[0];
            var shown = presentation[first.IndicatorCode];
            return ChartData.Results(Localized.Pick(first.IndicatorNameZh, first.IndicatorNameEn), first.Unit,
                series.Max(r => Math.Max(r.Precision, Format.Decimals(r.Value))), shown.Measure, shown.Chart, shown.AxisMin, shown.AxisMax,
                series.Select(r => (r.StartYear, r.Value, r.Comparator, r.Vintage == Vintage.Preliminary)).ToList(), first.UnitEn);
        }).ToList();
    }

    private Task<Dictionary<int, int>> FigureCountsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("region-figure-counts", () => db.Observations.AsNoTracking().OfRecord(db).Where(o => o.Kind == ObservationKind.Actual)
            .GroupBy(o => o.RegionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken), cancellationToken);

    /// <summary>
    /// Which results of record exist for each district and county: the overview's headline indicators and every indicator
    /// with a county result, by year.
    /// </summary>
    public async Task<CoverageViewModel> CoverageAsync(Reference refs, CancellationToken cancellationToken)
    {
        var counties = refs.Regions.Where(CountyMap.OnMap).ToList();
        var ids = counties.Select(c => c.Id).ToList();
        var found = await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Kind == ObservationKind.Actual && ids.Contains(o.RegionId) && o.StartYear == o.EndYear)
            .Select(o => new { Region = o.Region!.Slug, o.Indicator!.Code, o.StartYear })
            .ToListAsync(cancellationToken);
        var headlines = overview.Value.Headlines;
        var codes = headlines.Concat(found.Select(f => f.Code)).Distinct().ToList();
        var indicatorRows = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.NameZh, i.NameEn, i.UnitCode, i.UnitEn, i.Category!.SortOrder })
            .ToListAsync(cancellationToken);
        var columns = indicatorRows.OrderBy(i => headlines.IndexOf(i.Code) is var n and >= 0 ? n : int.MaxValue)
            .ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => (i.Code, Localized.Pick(i.NameZh, i.NameEn), i.UnitCode, i.UnitEn)).ToList();
        var cells = found.GroupBy(f => (f.Region, f.Code))
            .Select(g => new CoverageCell(g.Key.Region, g.Key.Code, g.Select(f => f.StartYear).Distinct().Order().ToList())).ToList();
        var comparable = (await compare.ChoicesAsync(cancellationToken)).Where(c => !c.Period.IsSpan)
            .Select(c => (c.IndicatorCode, c.Period.EndYear)).ToHashSet();
        return new CoverageViewModel(counties, columns, cells, comparable);
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
        var targets = await db.Observations.AsNoTracking().OfRecord(db).Where(o => o.Kind != ObservationKind.Actual).GroupBy(o => o.RegionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().GroupBy(m => m.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var results = await FigureCountsAsync(cancellationToken);
        return new RegionIndexViewModel(refs.Regions.Select(r => (r, results.GetValueOrDefault(r.Id), targets.GetValueOrDefault(r.Id), milestones.GetValueOrDefault(r.Id))).ToList(),
            CountyMap.Locator("map-regions", Words.Of("Where the data is|map"), refs, results, null))
        {
            Choices = await compare.ChoicesAsync(cancellationToken),
        };
    }
}
