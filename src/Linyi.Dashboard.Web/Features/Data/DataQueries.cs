using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
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
    string? Note,
    Vintage Vintage,
    DocumentKind DocumentKind,
    string? Publisher,
    string PublishedOn,
    string? Url)
{
    public Period Period => new(StartYear, EndYear);

    public CitationData Citation => new(DocumentCode, DocumentTitleZh, DocumentTitleEn, PublishedOn, Section, DocumentKind, Publisher, Url);
}

public sealed record DataPage(IReadOnlyList<DataRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class DataQueries(DashboardDbContext db)
{
    public const int MaxExportRows = 200_000;

    public IQueryable<Observation> Filtered(DashboardFilter filter, Reference refs)
    {
        var query = db.Observations.AsNoTracking().OfRecord(db);
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
        if (filter.Period is { } period)
        {
            query = query.Where(o => o.StartYear == period.StartYear && o.EndYear == period.EndYear);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        return query;
    }

    public async Task<DataPage> PageAsync(DashboardFilter filter, Reference refs, DataSort sort, SortDirection direction, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filtered(filter, refs);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(Sort(query, sort, direction)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new DataPage(rows, total, page, pageSize);
    }

    public Task<List<DataRow>> AllAsync(DashboardFilter filter, Reference refs, CancellationToken cancellationToken) =>
        Project(Sort(Filtered(filter, refs), DataSort.Indicator, SortDirection.Asc)).Take(MaxExportRows).ToListAsync(cancellationToken);

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

    private static IQueryable<DataRow> Project(IQueryable<Observation> query) =>
        query.Select(o => new DataRow(
            o.Id, o.Indicator!.Code, o.Indicator.NameZh, o.Indicator.NameEn, o.Indicator.Category!.Slug,
            o.Region!.Slug, o.Region.NameZh, o.Region.NameEn,
            o.StartYear, o.EndYear, o.Kind, o.Comparator, o.Value, o.UnitCode ?? o.Indicator.UnitCode, o.Indicator.Precision,
            o.Document!.Code, o.Document.TitleZh, o.Document.TitleEn, o.Section, o.Note,
            o.Vintage, o.Document.Kind, o.Document.Publisher, o.Document.PublishedOn, o.Document.Url));
}
