using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Data.Seeding;

public sealed record SeedResult(int Added, int Updated, int Unchanged, int Removed = 0);

/// <summary>
/// Upserts a validated <see cref="SeedSet"/> by natural keys in one transaction. Rows that exist only in the database are
/// left alone when an editor made them; rows the seeds made and no longer have are retired. Loading twice writes nothing.
/// </summary>
public sealed class SeedLoader(DashboardDbContext db)
{
    public async Task<SeedResult> LoadAsync(SeedSet seeds, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await UpsertUnitsAsync(seeds, cancellationToken);
        var documents = await UpsertDocumentsAsync(seeds, cancellationToken);
        var categories = await UpsertCategoriesAsync(seeds, cancellationToken);
        var regions = await UpsertRegionsAsync(seeds, cancellationToken);
        var indicators = await UpsertIndicatorsAsync(seeds, categories, cancellationToken);
        var observations = await UpsertObservationsAsync(seeds, indicators, regions, documents, cancellationToken);
        var milestones = await UpsertMilestonesAsync(seeds, regions, categories, documents, cancellationToken);

        await RemoveRetiredAsync(seeds, observations, milestones, cancellationToken);

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        var result = new SeedResult(
            entries.Count(e => e.State == EntityState.Added),
            entries.Count(e => e.State == EntityState.Modified),
            entries.Count(e => e.State == EntityState.Unchanged),
            entries.Count(e => e.State == EntityState.Deleted));
        await db.SaveAuditedChangesAsync(new AuditScope("seed", ChangeSource.Seed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private async Task<Dictionary<string, Unit>> UpsertUnitsAsync(SeedSet seeds, CancellationToken cancellationToken)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var row in seeds.Units)
        {
            var unit = Upsert(units, row.Code, () => new Unit { Code = row.Code, NameEn = row.NameEn, Dimension = row.Dimension }, db.Units);
            unit.NameEn = row.NameEn;
            unit.Dimension = row.Dimension;
            unit.ToBase = row.ToBase;
        }
        return units;
    }

    private async Task<Dictionary<string, SourceDocument>> UpsertDocumentsAsync(SeedSet seeds, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var row in seeds.Documents)
        {
            var document = Upsert(documents, row.Code,
                () => new SourceDocument { Code = row.Code, TitleZh = row.TitleZh, TitleEn = row.TitleEn, PublishedOn = row.PublishedOn, SourceFile = row.SourceFile }, db.Documents);
            (document.TitleZh, document.TitleEn, document.Publisher) = (row.TitleZh, row.TitleEn, row.Publisher);
            (document.PublishedOn, document.Kind, document.SourceFile) = (row.PublishedOn, row.Kind, row.SourceFile);
            (document.Url, document.Reliability) = (row.Url, row.Reliability);
            (document.PublisherEn, document.ReliabilityEn) = (row.PublisherEn, row.ReliabilityEn);
        }
        return documents;
    }

    private async Task<Dictionary<string, Category>> UpsertCategoriesAsync(SeedSet seeds, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var row in seeds.Categories)
        {
            var category = Upsert(categories, row.Slug, () => new Category { Slug = row.Slug, NameZh = row.NameZh, NameEn = row.NameEn }, db.Categories);
            (category.NameZh, category.NameEn, category.SortOrder) = (row.NameZh, row.NameEn, row.SortOrder);
        }
        return categories;
    }

    private async Task<Dictionary<string, Region>> UpsertRegionsAsync(SeedSet seeds, CancellationToken cancellationToken)
    {
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
        return regions;
    }

    private async Task<Dictionary<string, Indicator>> UpsertIndicatorsAsync(SeedSet seeds, Dictionary<string, Category> categories, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var row in seeds.Indicators)
        {
            var indicator = Upsert(indicators, row.Code, () => new Indicator { Code = row.Code, NameZh = row.NameZh, NameEn = row.NameEn, UnitCode = row.Unit }, db.Indicators);
            (indicator.NameZh, indicator.NameEn, indicator.UnitCode) = (row.NameZh, row.NameEn, row.Unit);
            (indicator.Measure, indicator.Direction, indicator.Precision, indicator.Chart) = (row.Measure, row.Direction, row.Precision, row.Chart);
            (indicator.DescriptionZh, indicator.DescriptionEn) = (row.DescriptionZh, row.DescriptionEn);
            (indicator.AxisMin, indicator.AxisMax, indicator.Basis) = (row.AxisMin, row.AxisMax, row.Basis);
            indicator.UnitEn = row.UnitEn;
            indicator.Category = categories[row.Category];
        }
        foreach (var row in seeds.Indicators)
        {
            indicators[row.Code].GrowthOf = row.GrowthOf is null ? null : indicators[row.GrowthOf];
        }
        return indicators;
    }

    private async Task<Dictionary<string, Observation>> UpsertObservationsAsync(SeedSet seeds, Dictionary<string, Indicator> indicators, Dictionary<string, Region> regions, Dictionary<string, SourceDocument> documents, CancellationToken cancellationToken)
    {
        var observations = await db.Observations
            .Select(o => new { Observation = o, o.Indicator!.Code, Region = o.Region!.Slug, Document = o.Document!.Code })
            .ToDictionaryAsync(o => new ObservationKey(o.Code, o.Region, new Period(o.Observation.StartYear, o.Observation.EndYear), o.Observation.Kind).WithDocument(o.Document),
                o => o.Observation, cancellationToken);
        foreach (var row in seeds.Observations)
        {
            var observation = Upsert(observations, row.VintageKey,
                () => new Observation { Section = row.Section, StartYear = row.Period.StartYear, EndYear = row.Period.EndYear, Kind = row.Kind }, db.Observations);
            (observation.Comparator, observation.Value, observation.UnitCode, observation.Vintage) = (row.Comparator, row.Value, row.Unit, row.Vintage);
            (observation.Section, observation.NoteZh, observation.NoteEn, observation.Shape) = (row.Section, row.NoteZh, row.NoteEn, row.Shape);
            observation.Indicator = indicators[row.Indicator];
            observation.Region = regions[row.Region];
            observation.Document = documents[row.Document];
        }
        return observations;
    }

    private async Task<Dictionary<(string Region, Period Period, string TitleZh), Milestone>> UpsertMilestonesAsync(SeedSet seeds, Dictionary<string, Region> regions, Dictionary<string, Category> categories, Dictionary<string, SourceDocument> documents, CancellationToken cancellationToken)
    {
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
        return milestones;
    }

    /// <summary>
    /// A row the seed files created for one of their documents, that the files no longer have and that no person has edited
    /// since (its last audit entry came from the seeds, or it has none), is retired: the seed files were corrected. Rows an
    /// editor created or changed are kept.
    /// </summary>
    private async Task RemoveRetiredAsync<TMilestoneKey>(SeedSet seeds,
        Dictionary<string, Observation> observations, Dictionary<TMilestoneKey, Milestone> milestones, CancellationToken cancellationToken)
        where TMilestoneKey : notnull
    {
        var seedDocuments = seeds.Documents.Select(d => d.Code).ToHashSet();
        var lastSource = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.Entity == "observation" || a.Entity == "milestone")
                .Select(a => new { a.Id, a.Entity, a.EntityKey, a.Source })
                .ToListAsync(cancellationToken))
            .GroupBy(a => (a.Entity, a.EntityKey))
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.Source);
        bool UntouchedByPeople(string entity, string key) => lastSource.GetValueOrDefault((entity, key), ChangeSource.Seed) == ChangeSource.Seed;

        var seedObservations = seeds.Observations.Select(o => o.VintageKey).ToHashSet();
        foreach (var (key, observation) in observations.Where(o => db.Entry(o.Value).State is EntityState.Unchanged or EntityState.Modified))
        {
            // Audit entries written before vintages name the figure without its document.
            if (!seedObservations.Contains(key) && seedDocuments.Contains(observation.Document!.Code)
                && UntouchedByPeople("observation", key) && UntouchedByPeople("observation", ObservationKey.FigurePart(key)))
            {
                db.Observations.Remove(observation);
            }
        }
        var seedMilestones = seeds.Milestones.Select(m => $"{m.Region}/{m.Period}/{m.TitleZh}").ToHashSet();
        foreach (var milestone in milestones.Values.Where(m => db.Entry(m).State == EntityState.Unchanged || db.Entry(m).State == EntityState.Modified))
        {
            var key = $"{milestone.Region!.Slug}/{milestone.Period}/{milestone.TitleZh}";
            if (!seedMilestones.Contains(key) && seedDocuments.Contains(milestone.Document!.Code) && UntouchedByPeople("milestone", key))
            {
                db.Milestones.Remove(milestone);
            }
        }
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
