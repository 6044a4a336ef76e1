using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Infrastructure;

namespace Linyi.Dashboard.Web.Features.Categories;

public enum CategorySort { Order, Name, Status }

public sealed record CategoryViewModel(CategoryInfo Category, IReadOnlyList<CategoryInfo> All, RegionInfo Region, FilterPanel Filters,
    IReadOnlyList<IndicatorView> Indicators, CategorySort Sort);

public sealed class CategoryQueries(DashboardDbContext db, IndicatorQueries indicators, FilterQueries filters, VersionedCache cache)
{
    public async Task<CategoryViewModel?> GetAsync(string slug, DashboardFilter filter, CategorySort sort, Reference refs, CancellationToken cancellationToken)
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
            return IndicatorQueries.Analyze(data.Where(d => d.CategorySlug == slug).ToList(), data);
        });
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
        return new CategoryViewModel(category, refs.Categories, refs.Region(filter.RegionOrCity)!, panel, sorted.ToList(), sort);
    }
}
