using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Admin;

public sealed record Choice(string Value, string Label);

public sealed record EditChoices(
    IReadOnlyList<Choice> Indicators,
    IReadOnlyList<Choice> Regions,
    IReadOnlyList<Choice> Documents,
    IReadOnlyList<Choice> Units,
    IReadOnlyList<Choice> Categories);

/// <summary>The codes that edits and imports may refer to, read from the database.</summary>
public sealed class AdminReference(DashboardDbContext db)
{
    public async Task<KnownCodes> KnownAsync(CancellationToken cancellationToken)
    {
        var unitRows = await db.Units.AsNoTracking().Select(u => new { u.Code, u.Dimension, u.NameEn }).ToListAsync(cancellationToken);
        var units = unitRows.ToDictionary(u => u.Code, u => u.Dimension);
        var documents = await db.Documents.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Select(c => c.Slug).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Slug).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.UnitCode, cancellationToken);
        return new KnownCodes(units, documents.ToHashSet(), categories.ToHashSet(), regions.ToHashSet(), indicators.Keys.ToHashSet(), indicators,
            unitRows.ToDictionary(u => u.Code, u => u.NameEn));
    }

    public async Task<EditChoices> ChoicesAsync(CancellationToken cancellationToken) => new(
        await db.Indicators.AsNoTracking().OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new Choice(i.Code, i.Code + " · " + i.NameZh + "（" + i.UnitCode + "）")).ToListAsync(cancellationToken),
        await db.Regions.AsNoTracking().OrderBy(r => r.AdminCode == null).ThenBy(r => r.AdminCode).ThenBy(r => r.Slug)
            .Select(r => new Choice(r.Slug, r.NameZh + " · " + r.Slug)).ToListAsync(cancellationToken),
        await db.Documents.AsNoTracking().OrderBy(d => d.PublishedOn)
            .Select(d => new Choice(d.Code, d.TitleZh + "（" + d.PublishedOn + "）")).ToListAsync(cancellationToken),
        await db.Units.AsNoTracking().OrderBy(u => u.Dimension).ThenBy(u => u.ToBase)
            .Select(u => new Choice(u.Code, u.Code + " · " + u.NameEn)).ToListAsync(cancellationToken),
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder)
            .Select(c => new Choice(c.Slug, c.NameZh)).ToListAsync(cancellationToken));
}
