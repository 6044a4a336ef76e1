using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    string? PublisherEn,
    string PublishedOn,
    string? Url,
    string IndicatorUnit,
    decimal UnitToBase,
    decimal IndicatorUnitToBase,
    bool Convertible,
    bool OfRecord,
    string? IndicatorUnitEn)
{
    /// <summary>The English name of this row's unit, in the indicator's own words where it has them.</summary>
    public string? UnitEn => Shared.UnitNames.For(IndicatorUnit, IndicatorUnitEn, Unit);

    /// <summary>The value in the indicator's own unit (converted when the document used another unit of the same dimension); null when it cannot be.</summary>
    public decimal? NormalizedValue => !Convertible || IndicatorUnitToBase == 0 ? null
        : UnitToBase == IndicatorUnitToBase ? Value : Value * UnitToBase / IndicatorUnitToBase;

    public Period Period => new(StartYear, EndYear);

    public LocalText? Note => LocalText.Of(NoteZh, NoteEn);

    public CitationData Citation => new(DocumentCode, DocumentTitleZh, DocumentTitleEn, PublishedOn, Section, DocumentKind, Publisher, Url, PublisherEn: PublisherEn);
}

public sealed record DataPage(IReadOnlyList<DataRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <remarks>
/// The explorer and the API page in PostgreSQL: <c>explorer_rows</c> (kept by triggers, one index per sort) gives a page's
/// ids and the count, then one read projects those rows. The API can also page by key (<c>after</c>, the last row's id).
/// </remarks>
public sealed class DataQueries(DashboardDbContext db)
{
    public const int MaxExportRows = 200_000;

    /// <param name="yearWithin">A single year also matches the multi-year periods that contain it (the explorer, API and downloads).</param>
    public IQueryable<Observation> Filtered(DashboardFilter filter, bool yearWithin = false)
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

    /// <summary>Each sort's keys, then the tie-break, as the indexes of <c>explorer_rows</c> hold them.</summary>
    private static string SortKeys(DataSort sort) => sort switch
    {
        DataSort.Region => "region_admin_code, region_slug, indicator_code, end_year, kind, observation_id",
        DataSort.Period => "end_year, start_year, indicator_code, region_slug, kind, observation_id",
        DataSort.Kind => "kind, indicator_code, region_slug, end_year, observation_id",
        DataSort.Value => "value, indicator_code, region_slug, end_year, kind, observation_id",
        _ => "category_sort, indicator_code, region_slug, end_year, kind, observation_id",
    };

    /// <param name="after">Keyset paging (the API): the rows after this report's id in the indicator order; <paramref name="page"/> is then 1.</param>
    public async Task<DataPage> PageAsync(DashboardFilter filter, DataSort sort, SortDirection direction, int page, int pageSize,
        CancellationToken cancellationToken, long? after = null)
    {
        var (where, parameters) = Where(filter);
        var keys = SortKeys(sort);
        var order = direction == SortDirection.Desc ? string.Join(", ", keys.Split(", ").Select(k => k + " DESC")) : keys;
        var skip = (long)(page - 1) * pageSize;
        var next = after is null ? "" : $" AND ({keys}) > (SELECT {keys} FROM explorer_rows WHERE observation_id = {Add(parameters, after.Value)})";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command($"SELECT count(*) FROM explorer_rows WHERE {where}", parameters),
                    Command($"SELECT observation_id, of_record FROM explorer_rows WHERE {where}{next} ORDER BY {order} LIMIT {pageSize} OFFSET {skip}", parameters),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = (int)reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            var slice = new List<(long Id, bool OfRecord)>(pageSize);
            while (await reader.ReadAsync(cancellationToken))
            {
                slice.Add((reader.GetInt64(0), reader.GetBoolean(1)));
            }
            await reader.DisposeAsync();
            if (slice.Count == 0)
            {
                return new DataPage([], total, page, pageSize);
            }
            var ids = slice.Select(s => s.Id).ToList();
            var rows = (await Project(db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id)), history: false).ToListAsync(cancellationToken))
                .ToDictionary(r => r.Id);
            // A report deleted between the two reads is left out.
            return new DataPage([.. slice.Where(s => rows.ContainsKey(s.Id)).Select(s => rows[s.Id] with { OfRecord = s.OfRecord })], total, page, pageSize);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The filter's semantics in SQL, as <see cref="Filtered"/> has them for a year within a period.</summary>
    private static (string Where, List<NpgsqlParameter> Parameters) Where(DashboardFilter filter)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = new List<string>();
        if (!filter.History)
        {
            where.Add("of_record");
        }
        if (filter.Region is { } region)
        {
            where.Add($"region_slug = {Add(parameters, region)}");
        }
        else if (!filter.IncludeOutside)
        {
            where.Add("NOT region_outside");
        }
        if (filter.Category is { } category)
        {
            where.Add($"category_slug = {Add(parameters, category)}");
        }
        if (filter.Period is { IsSpan: false } year)
        {
            var y = Add(parameters, year.StartYear);
            where.Add($"start_year <= {y} AND end_year >= {y}");
        }
        else if (filter.Period is { } period)
        {
            where.Add($"start_year = {Add(parameters, period.StartYear)} AND end_year = {Add(parameters, period.EndYear)}");
        }
        if (filter.Indicators.Count > 0)
        {
            where.Add($"indicator_code = ANY({Add(parameters, filter.Indicators.ToArray())})");
        }
        if (filter.Document is { } document)
        {
            where.Add($"document_code = {Add(parameters, document)}");
        }
        if (filter.Kind is { } kind)
        {
            where.Add($"kind = {Add(parameters, KebabEnum.ToText(kind))}");
        }
        return (where.Count == 0 ? "true" : string.Join(" AND ", where), parameters);
    }

    private static string Add<T>(List<NpgsqlParameter> parameters, T value)
    {
        parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlBatchCommand Command(string sql, List<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }
        return command;
    }

    public Task<List<DataRow>> AllAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Project(Sort(Filtered(filter), DataSort.Indicator, SortDirection.Asc), filter.History).Take(MaxExportRows).ToListAsync(cancellationToken);

    /// <summary>The rows of a download, read one at a time as they are written, so a large export never sits in memory.</summary>
    public IAsyncEnumerable<DataRow> StreamAsync(DashboardFilter filter) =>
        Project(Sort(Filtered(filter, yearWithin: true), DataSort.Indicator, SortDirection.Asc), filter.History).Take(MaxExportRows).AsAsyncEnumerable();

    public Task<int> CountAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Filtered(filter, yearWithin: true).Take(MaxExportRows).CountAsync(cancellationToken);

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
            o.Vintage, o.Document.Kind, o.Document.Publisher, o.Document.PublisherEn, o.Document.PublishedOn, o.Document.Url,
            o.Indicator.UnitCode, o.Unit == null ? o.Indicator.Unit!.ToBase : o.Unit.ToBase, o.Indicator.Unit!.ToBase,
            o.Unit == null || o.Unit.Dimension == o.Indicator.Unit.Dimension,
            !history || db.ObservationsOfRecord.Any(r => r.ObservationId == o.Id),
            o.Indicator.UnitEn));
}
