using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Categories;

public enum CategorySort { Order, Name, Status }

public sealed record CategoryLink(string Slug, string NameZh, string NameEn);

public sealed record CategoryViewModel(CategoryLink Category, IReadOnlyList<CategoryLink> All, IReadOnlyList<IndicatorView> Indicators, CategorySort Sort);

public sealed class CategoryQueries(DashboardDbContext db, IndicatorQueries indicators)
{
    public Task<List<CategoryLink>> AllAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new CategoryLink(c.Slug, c.NameZh, c.NameEn)).ToListAsync(cancellationToken);

    public async Task<CategoryViewModel?> GetAsync(string slug, CategorySort sort, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        var category = all.FirstOrDefault(c => c.Slug == slug);
        if (category is null)
        {
            return null;
        }
        // Growth indicators need their level indicator (for implied levels), which may sit in another category.
        var data = await indicators.ForRegionAsync(HomeQueries.City,
            i => i.Category!.Slug == slug || db.Indicators.Any(g => g.GrowthOfId == i.Id && g.Category!.Slug == slug), cancellationToken);
        var views = IndicatorQueries.Analyze(data.Where(d => d.CategorySlug == slug).ToList(), data);
        IEnumerable<IndicatorView> sorted = sort switch
        {
            CategorySort.Name => views.OrderBy(v => Localized.Pick(v.Indicator.NameZh, v.Indicator.NameEn), StringComparer.CurrentCulture),
            CategorySort.Status => views.OrderBy(v => v.Status).ThenBy(v => v.Indicator.Code, StringComparer.Ordinal),
            _ => views,
        };
        return new CategoryViewModel(category, all, sorted.ToList(), sort);
    }
}
