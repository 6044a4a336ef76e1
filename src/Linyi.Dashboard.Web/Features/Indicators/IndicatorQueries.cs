using System.Linq.Expressions;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Indicators;

public sealed record MilestoneData(string RegionSlug, string RegionNameZh, string RegionNameEn, Period Period, MilestoneKind Kind,
    string TitleZh, string TitleEn, string? CategorySlug, CitationData Citation);

/// <summary>Reads indicators with the observations of one region: one round trip, projected, untracked.</summary>
public sealed class IndicatorQueries(DashboardDbContext db, TimeProvider clock)
{
    public async Task<List<IndicatorData>> ForRegionAsync(string regionSlug, Expression<Func<Indicator, bool>> filter, CancellationToken cancellationToken,
        Period? period = null, ObservationKind? kind = null)
    {
        int? start = period?.StartYear, end = period?.EndYear;
        var all = await db.Indicators.AsNoTracking()
            .Where(filter)
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new IndicatorData(
                i.Id, i.Code, i.NameZh, i.NameEn,
                i.Category!.Slug, i.Category.NameZh, i.Category.NameEn, i.Category.SortOrder,
                i.UnitCode, i.UnitEn ?? i.Unit!.NameEn, i.Unit!.ToBase,
                i.Measure, i.Direction, i.Precision, i.Chart, i.AxisMin, i.AxisMax,
                i.GrowthOf == null ? null : i.GrowthOf.Code, i.Basis,
                i.DescriptionZh, i.DescriptionEn,
                i.Observations
                    .Where(o => o.Region!.Slug == regionSlug
                        && (start == null || (o.StartYear == start && o.EndYear == end))
                        && (kind == null || o.Kind == kind))
                    .OrderBy(o => o.StartYear).ThenBy(o => o.EndYear).ThenBy(o => o.Kind)
                    .Select(o => new ObservationData(
                        o.Id, regionSlug, o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value,
                        o.UnitCode, o.Unit == null ? null : o.Unit.ToBase, o.Vintage,
                        new CitationData(o.Document!.Code, o.Document.TitleZh, o.Document.TitleEn, o.Document.PublishedOn, o.Section,
                            o.Document.Kind, o.Document.Publisher, o.Document.Url, o.Document.Reliability, o.Document.PublisherEn, o.Document.ReliabilityEn),
                        o.NoteZh, o.NoteEn, o.Shape))
                    .ToList()))
            .ToListAsync(cancellationToken);
        return all.Select(i => i with { Observations = ObservationData.OfRecord(i.Observations) }).ToList();
    }

    /// <summary>
    /// Indicators with only their figures of record of one region, without documents, notes or earlier reports: what it
    /// takes to judge every goal, at a fraction of <see cref="ForRegionAsync"/>'s cost on a large catalogue.
    /// </summary>
    public async Task<List<IndicatorData>> JudgedForRegionAsync(string regionSlug, Expression<Func<Indicator, bool>> filter, CancellationToken cancellationToken,
        Period? period = null, ObservationKind? kind = null)
    {
        int? start = period?.StartYear, end = period?.EndYear;
        var indicators = await db.Indicators.AsNoTracking()
            .Where(filter)
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new IndicatorData(
                i.Id, i.Code, i.NameZh, i.NameEn,
                i.Category!.Slug, i.Category.NameZh, i.Category.NameEn, i.Category.SortOrder,
                i.UnitCode, i.UnitEn ?? i.Unit!.NameEn, i.Unit!.ToBase,
                i.Measure, i.Direction, i.Precision, i.Chart, i.AxisMin, i.AxisMax,
                i.GrowthOf == null ? null : i.GrowthOf.Code, i.Basis, "", "", Array.Empty<ObservationData>()))
            .ToListAsync(cancellationToken);
        var figures = (await db.Observations.AsNoTracking().OfRecord(db)
            .Where(o => o.Region!.Slug == regionSlug
                && (start == null || (o.StartYear == start && o.EndYear == end))
                && (kind == null || o.Kind == kind))
            .Select(o => new
            {
                o.IndicatorId, o.Id, o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value, o.UnitCode,
                ToBase = o.Unit == null ? (decimal?)null : o.Unit.ToBase, o.Vintage, o.Shape,
            })
            .ToListAsync(cancellationToken))
            .ToLookup(o => o.IndicatorId, o => new ObservationData(o.Id, regionSlug, o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value,
                o.UnitCode, o.ToBase, o.Vintage, NoCitation, null, null, o.Shape));
        return indicators.Select(i => i with
        {
            Observations = figures[i.Id].OrderBy(o => o.StartYear).ThenBy(o => o.EndYear).ThenBy(o => o.Kind).ToList(),
        }).ToList();
    }

    private static readonly CitationData NoCitation = new("", "", "", "", "", default, null, null);

    /// <summary>Analyzes each indicator, pairing growth indicators with the level they grow.</summary>
    public List<IndicatorView> Analyze(IReadOnlyList<IndicatorData> indicators, IReadOnlyList<IndicatorData>? levels = null)
    {
        var byCode = (levels ?? indicators).ToDictionary(i => i.Code);
        var today = Today;
        return indicators.Select(i => IndicatorAnalysis.Analyze(i, today, i.GrowthOfCode is { } code ? byCode.GetValueOrDefault(code) : null)).ToList();
    }

    /// <summary>The date that decides each goal's phase, in the city's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public Task<List<MilestoneData>> MilestonesAsync(Expression<Func<Milestone, bool>> filter, CancellationToken cancellationToken) =>
        db.Milestones.AsNoTracking()
            .Where(filter)
            .OrderByDescending(m => m.EndYear).ThenBy(m => m.Region!.Id).ThenBy(m => m.Id)
            .Select(m => new MilestoneData(m.Region!.Slug, m.Region.NameZh, m.Region.NameEn, new Period(m.StartYear, m.EndYear), m.Kind,
                m.TitleZh, m.TitleEn, m.Category == null ? null : m.Category.Slug,
                new CitationData(m.Document!.Code, m.Document.TitleZh, m.Document.TitleEn, m.Document.PublishedOn, m.Section,
                    m.Document.Kind, m.Document.Publisher, m.Document.Url, m.Document.Reliability, m.Document.PublisherEn, m.Document.ReliabilityEn)))
            .ToListAsync(cancellationToken);
}
