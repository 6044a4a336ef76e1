using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Data;

public enum DataSort { Indicator, Region, Period, Kind, Value }

public enum SortDirection { Asc, Desc }

/// <summary>One figure of record as analysts see and download it: names, period, kind, value as stated, unit, vintage and source.</summary>
public sealed record DataRow(
    long Id,
    string IndicatorCode,
    string IndicatorNameZh,
    string IndicatorNameEn,
    string CategorySlug,
    string RegionSlug,
    string RegionNameZh,
    string RegionNameEn,
    int StartYear,
    int EndYear,
    ObservationKind Kind,
    Comparator Comparator,
    decimal Value,
    string Unit,
    int Precision,
    string DocumentCode,
    string DocumentTitleZh,
    string DocumentTitleEn,
    string Section,
    string? NoteZh,
    string? NoteEn,
    Vintage Vintage,
    DocumentKind DocumentKind,
    string? Publisher,
    string PublishedOn,
    string? Url,
    string IndicatorUnit,
    decimal UnitToBase,
    decimal IndicatorUnitToBase,
    bool Convertible,
    bool OfRecord)
{
    /// <summary>The value in the indicator's own unit (converted when the document used another unit of the same dimension); null when it cannot be.</summary>
    public decimal? NormalizedValue => !Convertible || IndicatorUnitToBase == 0 ? null
        : UnitToBase == IndicatorUnitToBase ? Value : Value * UnitToBase / IndicatorUnitToBase;

    public Period Period => new(StartYear, EndYear);

    public LocalText? Note => LocalText.Of(NoteZh, NoteEn);

    public CitationData Citation => new(DocumentCode, DocumentTitleZh, DocumentTitleEn, PublishedOn, Section, DocumentKind, Publisher, Url);
}

public sealed record DataPage(IReadOnlyList<DataRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <remarks>
/// While the data version is known, a page is found in the version's <see cref="DataRowIndex"/> and only its rows are read;
/// otherwise (the notification channel is down) PostgreSQL filters, counts and sorts. Both give the same rows in the same order.
/// </remarks>
public sealed class DataQueries(DashboardDbContext db, DataVersionState versions, DataRowIndexCache indexes)
{
    public const int MaxExportRows = 200_000;

    /// <param name="yearWithin">A single year also matches the multi-year periods that contain it (the explorer, API and downloads).</param>
    public IQueryable<Observation> Filtered(DashboardFilter filter, Reference refs, bool yearWithin = false)
    {
        var query = filter.History ? db.Observations.AsNoTracking() : db.Observations.AsNoTracking().OfRecord(db);
        if (filter.Region is { } region)
        {
            query = query.Where(o => o.Region!.Slug == region);
        }
        else if (!filter.IncludeOutside)
        {
            query = query.Where(o => o.Region!.Kind != RegionKind.Outside);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(o => o.Indicator!.Category!.Slug == category);
        }
        if (filter.Period is { IsSpan: false } year && yearWithin)
        {
            query = query.Where(o => o.StartYear <= year.StartYear && o.EndYear >= year.StartYear);
        }
        else if (filter.Period is { } period)
        {
            query = query.Where(o => o.StartYear == period.StartYear && o.EndYear == period.EndYear);
        }
        if (filter.Indicators.Count > 0)
        {
            var codes = filter.Indicators.ToList();
            query = query.Where(o => codes.Contains(o.Indicator!.Code));
        }
        if (filter.Document is { } document)
        {
            query = query.Where(o => o.Document!.Code == document);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        return query;
    }

    public async Task<DataPage> PageAsync(DashboardFilter filter, Reference refs, DataSort sort, SortDirection direction, int page, int pageSize, CancellationToken cancellationToken)
    {
        var skip = (long)(page - 1) * pageSize > int.MaxValue ? int.MaxValue : (page - 1) * pageSize;
        if (versions.Current is not { } version)
        {
            var query = Filtered(filter, refs, yearWithin: true);
            var count = await query.CountAsync(cancellationToken);
            var sorted = await Project(Sort(query, sort, direction), filter.History).Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
            return new DataPage(sorted, count, page, pageSize);
        }
        var index = await indexes.GetAsync(version, cancellationToken);
        var (slice, total) = index.Page(filter, sort, direction, skip, pageSize);
        if (slice.Count == 0)
        {
            return new DataPage([], total, page, pageSize);
        }
        var ids = slice.Select(s => s.Id).ToList();
        // The index knows which reports are of record, so the read needs no semi-join (which PostgreSQL may answer by hashing the whole table).
        var rows = (await Project(db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id)), history: false).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        // A report deleted since the index was read is left out; the next version's index no longer has it.
        return new DataPage([.. slice.Where(s => rows.ContainsKey(s.Id)).Select(s => rows[s.Id] with { OfRecord = s.OfRecord })], total, page, pageSize);
    }

    public Task<List<DataRow>> AllAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken) =>
        Project(Sort(Filtered(filter, refs), DataSort.Indicator, SortDirection.Asc), filter.History).Take(MaxExportRows).ToListAsync(cancellationToken);

    /// <summary>The rows of a download, read one at a time as they are written, so a large export never sits in memory.</summary>
    public IAsyncEnumerable<DataRow> StreamAsync(DashboardFilter filter, Reference refs) =>
        Project(Sort(Filtered(filter, refs, yearWithin: true), DataSort.Indicator, SortDirection.Asc), filter.History).Take(MaxExportRows).AsAsyncEnumerable();

    public Task<int> CountAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken) =>
        Filtered(filter, refs, yearWithin: true).Take(MaxExportRows).CountAsync(cancellationToken);

    private static IQueryable<Observation> Sort(IQueryable<Observation> query, DataSort sort, SortDirection direction)
    {
        var desc = direction == SortDirection.Desc;
        IOrderedQueryable<Observation> ordered = sort switch
        {
            DataSort.Region => desc ? query.OrderByDescending(o => o.Region!.AdminCode).ThenByDescending(o => o.Region!.Slug) : query.OrderBy(o => o.Region!.AdminCode).ThenBy(o => o.Region!.Slug),
            DataSort.Period => desc ? query.OrderByDescending(o => o.EndYear).ThenByDescending(o => o.StartYear) : query.OrderBy(o => o.EndYear).ThenBy(o => o.StartYear),
            DataSort.Kind => desc ? query.OrderByDescending(o => o.Kind) : query.OrderBy(o => o.Kind),
            DataSort.Value => desc ? query.OrderByDescending(o => o.Value) : query.OrderBy(o => o.Value),
            _ => desc ? query.OrderByDescending(o => o.Indicator!.Category!.SortOrder).ThenByDescending(o => o.Indicator!.Code) : query.OrderBy(o => o.Indicator!.Category!.SortOrder).ThenBy(o => o.Indicator!.Code),
        };
        // A stable tie-break so that pages never overlap or skip rows.
        return ordered.ThenBy(o => o.Indicator!.Code).ThenBy(o => o.Region!.Slug).ThenBy(o => o.EndYear).ThenBy(o => o.Kind).ThenBy(o => o.Id);
    }

    private IQueryable<DataRow> Project(IQueryable<Observation> query, bool history) =>
        query.Select(o => new DataRow(
            o.Id, o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.Indicator.Category!.Slug,
            o.Region!.Slug, o.Region.NameZh, o.Region.NameEn,
            o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value, o.UnitCode ?? o.Indicator.UnitCode, o.Indicator.Precision,
            o.Document!.Code, o.Document.TitleZh, o.Document.TitleEn, o.Section, o.NoteZh, o.NoteEn,
            o.Vintage, o.Document.Kind, o.Document.Publisher, o.Document.PublishedOn, o.Document.Url,
            o.Indicator.UnitCode, o.Unit == null ? o.Indicator.Unit!.ToBase : o.Unit.ToBase, o.Indicator.Unit!.ToBase,
            o.Unit == null || o.Unit.Dimension == o.Indicator.Unit.Dimension,
            !history || db.ObservationsOfRecord.Any(r => r.ObservationId == o.Id)));
}
