using Linyi.Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Home;

public sealed record CategorySummary(string Slug, string NameZh, string NameEn, int IndicatorCount);

public sealed record HomeViewModel(IReadOnlyList<CategorySummary> Categories);

public sealed class HomeQueries(DashboardDbContext db)
{
    public async Task<HomeViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategorySummary(c.Slug, c.NameZh, c.NameEn, c.Indicators.Count))
            .ToListAsync(cancellationToken);
        return new HomeViewModel(categories);
    }
}
