using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;

namespace Linyi.Dashboard.Web.Features.Categories;

public enum CategorySort { Order, Name, Status }

/// <param name="Indicators">This page's indicators.</param>
/// <param name="Total">Indicators on every page together.</param>
public sealed record CategoryViewModel(CategoryInfo Category, IReadOnlyList<CategoryInfo> All, RegionInfo Region, FilterPanel Filters,
    IReadOnlyList<IndicatorView> Indicators, CategorySort Sort, int Page = 1, int PageCount = 1, int Total = 0)
{
    /// <summary>The address of another page of the same selection and order.</summary>
    public string PageLink(int page)
    {
        var query = Filters.Filter.With("category", null);
        var extra = (Sort == CategorySort.Order ? "" : $"sort={Sort}&") + (page == 1 ? "" : $"page={page}");
        extra = extra.TrimEnd('&');
        return $"/categories/{Category.Slug}{query}" + (extra.Length == 0 ? "" : (query.Length == 0 ? "?" : "&") + extra);
    }
}

public sealed class CategoryQueries(DashboardDbContext db, IndicatorQueries indicators, FilterQueries filters, VersionedCache cache)
{
    /// <summary>
    /// Cards per page: every category of the real data but the two largest fits on one page, and a page stays about the
    /// same size however many indicators a category gains.
    /// </summary>
    public const int PageSize = 40;

    public async Task<CategoryViewModel?> GetAsync(string slug, DashboardFilter filter, CategorySort sort, Reference refs, CancellationToken cancellationToken, int page = 1)
    {
        var category = refs.Category(slug);
        if (category is null)
        {
            return null;
        }
        filter = filter with { Category = slug };
        var panel = await filters.PanelAsync(filter, $"/categories/{slug}", refs, allRegionsWhenUnset: false, cancellationToken);
        // Growth indicators need their level indicator (for implied levels), which may sit in another category.
        var views = await cache.GetOrCreateAsync($"category|{slug}|{filter.RegionOrCity}|{filter.Period}|{filter.Kind}", async () =>
        {
            var data = await indicators.ForRegionAsync(filter.RegionOrCity,
                i => i.Category!.Slug == slug || db.Indicators.Any(g => g.GrowthOfId == i.Id && g.Category!.Slug == slug), cancellationToken,
                filter.Period, filter.Kind);
            return indicators.Analyze(data.Where(d => d.CategorySlug == slug).ToList(), data);
        }, cancellationToken);
        IEnumerable<IndicatorView> sorted = sort switch
        {
            CategorySort.Name => views.OrderBy(v => Localized.Pick(v.Indicator.NameZh, v.Indicator.NameEn), StringComparer.CurrentCulture),
            CategorySort.Status => views.OrderBy(v => v.Status).ThenBy(v => v.Indicator.Code, StringComparer.Ordinal),
            _ => views,
        };
        if (filter.Region is not null || filter.Period is not null || filter.Kind is not null)
        {
            sorted = sorted.Where(v => v.Indicator.Observations.Count > 0);
        }
        var all = sorted.ToList();
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var shown = all.Skip((Math.Clamp(page, 1, pageCount) - 1) * PageSize).Take(PageSize).ToList();
        return new CategoryViewModel(category, refs.Categories, refs.Region(filter.RegionOrCity)!, panel, shown, sort, Math.Clamp(page, 1, pageCount), pageCount, all.Count);
    }
}
