using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Localization;
using Linyi.Dashboard.Web.Serving;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Sources;

public sealed record SourceItem(string Code, string TitleZh, string TitleEn, DocumentKind Kind, string? Publisher, string PublishedOn,
    string? Url, string? Reliability, int Figures, int FiguresOfRecord, int Milestones, string? PublisherEn = null, string? ReliabilityEn = null)
{
    /// <summary>The publisher in the reader's language; in Chinese when the English is missing.</summary>
    public string? PublisherShown => Localized.PickOptional(Publisher, PublisherEn);

    /// <summary>The reliability note in the reader's language; in Chinese when the English is missing.</summary>
    public string? ReliabilityShown => Localized.PickOptional(Reliability, ReliabilityEn);
}

public sealed class SourceQueries(DashboardDbContext db, VersionedCache cache)
{
    /// <summary>"Data as of": the newest publication date among the documents behind the figures of record; empty when there are none.</summary>
    public Task<string> DataAsOfAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("data-as-of", async () =>
            await db.Documents.AsNoTracking()
                .Where(d => db.Observations.OfRecord(db).Any(o => o.DocumentId == d.Id))
                .OrderByDescending(d => d.PublishedOn).Select(d => d.PublishedOn).FirstOrDefaultAsync(cancellationToken)
            ?? "", cancellationToken);

    public Task<List<SourceItem>> ListAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("sources", () => db.Documents.AsNoTracking()
            .OrderByDescending(d => d.PublishedOn).ThenBy(d => d.Code)
            .Select(d => new SourceItem(d.Code, d.TitleZh, d.TitleEn, d.Kind, d.Publisher, d.PublishedOn, d.Url, d.Reliability,
                db.Observations.Count(o => o.DocumentId == d.Id),
                db.Observations.OfRecord(db).Count(o => o.DocumentId == d.Id),
                db.Milestones.Count(m => m.DocumentId == d.Id), d.PublisherEn, d.ReliabilityEn))
            .ToListAsync(cancellationToken), cancellationToken);
}
