using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Data.Seeding;

public sealed record SeedResult(int Added, int Updated, int Unchanged);

/// <summary>
/// Upserts a validated <see cref="SeedSet"/> by natural keys in one transaction. Rows that exist only in the
/// database (an editor's later additions) are left alone; loading the same set twice writes nothing.
/// </summary>
public sealed class SeedLoader(DashboardDbContext db)
{
    public async Task<SeedResult> LoadAsync(SeedSet seeds, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var row in seeds.Units)
        {
            var unit = Upsert(units, row.Code, () => new Unit { Code = row.Code, NameEn = row.NameEn, Dimension = row.Dimension }, db.Units);
            unit.NameEn = row.NameEn;
            unit.Dimension = row.Dimension;
            unit.ToBase = row.ToBase;
        }

        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var row in seeds.Documents)
        {
            var document = Upsert(documents, row.Code,
                () => new SourceDocument { Code = row.Code, TitleZh = row.TitleZh, TitleEn = row.TitleEn, PublishedOn = row.PublishedOn, SourceFile = row.SourceFile }, db.Documents);
            (document.TitleZh, document.TitleEn, document.Publisher) = (row.TitleZh, row.TitleEn, row.Publisher);
            (document.PublishedOn, document.Kind, document.SourceFile) = (row.PublishedOn, row.Kind, row.SourceFile);
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var row in seeds.Categories)
        {
            var category = Upsert(categories, row.Slug, () => new Category { Slug = row.Slug, NameZh = row.NameZh, NameEn = row.NameEn }, db.Categories);
            (category.NameZh, category.NameEn, category.SortOrder) = (row.NameZh, row.NameEn, row.SortOrder);
        }

        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, cancellationToken);
        foreach (var row in seeds.Regions)
        {
            var region = Upsert(regions, row.Slug, () => new Region { Slug = row.Slug, NameZh = row.NameZh, NameEn = row.NameEn }, db.Regions);
            (region.NameZh, region.NameEn, region.Kind, region.AdminCode) = (row.NameZh, row.NameEn, row.Kind, row.AdminCode);
        }
        foreach (var row in seeds.Regions)
        {
            regions[row.Slug].Parent = row.Parent is null ? null : regions[row.Parent];
        }

        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var row in seeds.Indicators)
        {
            var indicator = Upsert(indicators, row.Code, () => new Indicator { Code = row.Code, NameZh = row.NameZh, NameEn = row.NameEn, UnitCode = row.Unit }, db.Indicators);
            (indicator.NameZh, indicator.NameEn, indicator.UnitCode) = (row.NameZh, row.NameEn, row.Unit);
            (indicator.Measure, indicator.Direction, indicator.Precision, indicator.Chart) = (row.Measure, row.Direction, row.Precision, row.Chart);
            (indicator.DescriptionZh, indicator.DescriptionEn) = (row.DescriptionZh, row.DescriptionEn);
            indicator.Category = categories[row.Category];
        }
        foreach (var row in seeds.Indicators)
        {
            indicators[row.Code].GrowthOf = row.GrowthOf is null ? null : indicators[row.GrowthOf];
        }

        var observations = await db.Observations
            .Select(o => new { Observation = o, o.Indicator!.Code, Region = o.Region!.Slug })
            .ToDictionaryAsync(o => (o.Code, o.Region, new Period(o.Observation.StartYear, o.Observation.EndYear), o.Observation.Kind), o => o.Observation, cancellationToken);
        foreach (var row in seeds.Observations)
        {
            var observation = Upsert(observations, (row.Indicator, row.Region, row.Period, row.Kind),
                () => new Observation { Section = row.Section, StartYear = row.Period.StartYear, EndYear = row.Period.EndYear, Kind = row.Kind }, db.Observations);
            (observation.Comparator, observation.Value, observation.UnitCode) = (row.Comparator, row.Value, row.Unit);
            (observation.Section, observation.Note) = (row.Section, row.Note);
            observation.Indicator = indicators[row.Indicator];
            observation.Region = regions[row.Region];
            observation.Document = documents[row.Document];
        }

        var milestones = await db.Milestones
            .Select(m => new { Milestone = m, Region = m.Region!.Slug })
            .ToDictionaryAsync(m => (m.Region, new Period(m.Milestone.StartYear, m.Milestone.EndYear), m.Milestone.TitleZh), m => m.Milestone, cancellationToken);
        foreach (var row in seeds.Milestones)
        {
            var milestone = Upsert(milestones, (row.Region, row.Period, row.TitleZh),
                () => new Milestone { TitleZh = row.TitleZh, TitleEn = row.TitleEn, Section = row.Section, StartYear = row.Period.StartYear, EndYear = row.Period.EndYear }, db.Milestones);
            (milestone.TitleEn, milestone.Kind, milestone.Section) = (row.TitleEn, row.Kind, row.Section);
            milestone.Region = regions[row.Region];
            milestone.Category = row.Category is null ? null : categories[row.Category];
            milestone.Document = documents[row.Document];
        }

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        var result = new SeedResult(
            entries.Count(e => e.State == EntityState.Added),
            entries.Count(e => e.State == EntityState.Modified),
            entries.Count(e => e.State == EntityState.Unchanged));
        await db.SaveAuditedChangesAsync(new AuditScope("seed", ChangeSource.Seed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private static TEntity Upsert<TKey, TEntity>(Dictionary<TKey, TEntity> existing, TKey key, Func<TEntity> create, DbSet<TEntity> set)
        where TKey : notnull where TEntity : class
    {
        if (!existing.TryGetValue(key, out var entity))
        {
            entity = create();
            existing[key] = entity;
            set.Add(entity);
        }
        return entity;
    }
}
