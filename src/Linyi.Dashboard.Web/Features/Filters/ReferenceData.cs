using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Linyi.Dashboard.Web.Features.Filters;

public sealed record RegionInfo(int Id, string Slug, string NameZh, string NameEn, RegionKind Kind, string? ParentSlug, string? AdminCode);

public sealed record CategoryInfo(int Id, string Slug, string NameZh, string NameEn, int SortOrder);

public sealed record IndicatorChoice(string Code, string NameZh, string NameEn, string CategorySlug = "");

public sealed record Reference(IReadOnlyList<RegionInfo> Regions, IReadOnlyList<CategoryInfo> Categories)
{
    public IReadOnlyList<IndicatorChoice> Indicators { get; init; } = [];

    public IReadOnlySet<string> IndicatorCodes { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> DocumentCodes { get; init; } = new HashSet<string>();

    public RegionInfo? Region(string? slug) => Regions.FirstOrDefault(r => r.Slug == slug);

    public CategoryInfo? Category(string? slug) => Categories.FirstOrDefault(c => c.Slug == slug);
}

/// <summary>
/// Regions, categories and the codes of indicators and documents: small, read on every page, changed only by an admin. Cached briefly and dropped on every edit,
/// so that a page needs no round trip for them.
/// </summary>
public sealed class ReferenceData(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string Key = "reference-data";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<Reference> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out Reference? cached) && cached is not null)
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var regions = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Kind == RegionKind.City ? 0 : r.Kind == RegionKind.District ? 1 : r.Kind == RegionKind.County ? 2 : r.Kind == RegionKind.Zone ? 3 : 4)
            .ThenBy(r => r.AdminCode).ThenBy(r => r.Slug)
            .Select(r => new RegionInfo(r.Id, r.Slug, r.NameZh, r.NameEn, r.Kind, r.Parent == null ? null : r.Parent.Slug, r.AdminCode))
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new CategoryInfo(c.Id, c.Slug, c.NameZh, c.NameEn, c.SortOrder))
            .ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new IndicatorChoice(i.Code, i.NameZh, i.NameEn, i.Category!.Slug)).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken);
        var reference = new Reference(regions, categories)
        {
            Indicators = indicators,
            IndicatorCodes = indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal),
            DocumentCodes = documents.ToHashSet(StringComparer.Ordinal),
        };
        cache.Set(Key, reference, Lifetime);
        return reference;
    }
}
