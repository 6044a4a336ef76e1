using System.Data;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Filters;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Features.Data;

/// <summary>
/// Every report of one data version, reduced to the ids and small numbers that the explorer's filters and sorts read, so
/// that a page is found in memory and only its own rows are read from the database (ADR 0018). Orders reproduce
/// <see cref="DataQueries"/>' SQL exactly: strings are compared through ranks that PostgreSQL itself sorted, under the
/// database's collation.
/// </summary>
public sealed class DataRowIndex
{
    internal readonly record struct Row(
        long Id, decimal Value, int IndicatorId, int CategoryId, int RegionId, int DocumentId,
        int IndicatorRank, int CodeRank, int RegionRank, int SlugRank, int KindRank,
        int StartYear, int EndYear, ObservationKind Kind, bool Outside, bool OfRecord);

    private readonly Row[] rows;
    private readonly Dictionary<string, int> regions;
    private readonly Dictionary<string, int> categories;
    private readonly Dictionary<string, int> indicators;
    private readonly Dictionary<string, int> documents;
    private readonly Lazy<int[]>[] orders;

    private DataRowIndex(Row[] rows, Dictionary<string, int> regions, Dictionary<string, int> categories, Dictionary<string, int> indicators, Dictionary<string, int> documents)
    {
        this.rows = rows;
        this.regions = regions;
        this.categories = categories;
        this.indicators = indicators;
        this.documents = documents;
        // Each sort is ordered once per version, when first asked for; a page then only walks it.
        orders = [.. Enum.GetValues<DataSort>().SelectMany(_ => Enum.GetValues<SortDirection>()).Select((_, i) =>
            new Lazy<int[]>(() => Order((DataSort)(i / 2), (SortDirection)(i % 2)), LazyThreadSafetyMode.ExecutionAndPublication))];
    }

    public int Count => rows.Length;

    /// <summary>One page of the rows that match, in the page's order (each id and whether it is the figure of record), and how many match in all.</summary>
    public (List<(long Id, bool OfRecord)> Rows, int Total) Page(DashboardFilter filter, DataSort sort, SortDirection direction, int skip, int take)
    {
        var ids = new List<(long, bool)>(Math.Min(take, 500));
        if (!TryMatch(filter, out var match))
        {
            return (ids, 0);
        }
        var total = 0;
        foreach (var position in orders[(int)sort * 2 + (int)direction].Value)
        {
            ref readonly var row = ref rows[position];
            if (match.Matches(in row))
            {
                if (total >= skip && (long)total - skip < take)
                {
                    ids.Add((row.Id, row.OfRecord));
                }
                total++;
            }
        }
        return (ids, total);
    }

    /// <summary>Reads one consistent snapshot: the ranks, the names filters use and every report.</summary>
    public static async Task<DataRowIndex> LoadAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var byCategory = await db.Indicators.AsNoTracking().OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.CategoryId }).ToListAsync(cancellationToken);
        var byCode = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).Select(i => i.Id).ToListAsync(cancellationToken);
        var byAdminCode = await db.Regions.AsNoTracking().OrderBy(r => r.AdminCode).ThenBy(r => r.Slug)
            .Select(r => new { r.Id, r.Slug, r.Kind }).ToListAsync(cancellationToken);
        var bySlug = await db.Regions.AsNoTracking().OrderBy(r => r.Slug).Select(r => r.Id).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Slug }).ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Code }).ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, cancellationToken);
        var ofRecord = (await db.ObservationsOfRecord.AsNoTracking().Select(r => r.ObservationId).ToListAsync(cancellationToken)).ToHashSet();
        var observations = await db.Observations.AsNoTracking()
            .Select(o => new { o.Id, o.IndicatorId, o.RegionId, o.StartYear, o.EndYear, o.Kind, o.Value, o.DocumentId })
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var indicatorRank = byCategory.Select((i, rank) => (i.Id, rank)).ToDictionary();
        var categoryOf = byCategory.ToDictionary(i => i.Id, i => i.CategoryId);
        var codeRank = byCode.Select((id, rank) => (id, rank)).ToDictionary();
        var regionRank = byAdminCode.Select((r, rank) => (r.Id, rank)).ToDictionary();
        var outside = byAdminCode.Where(r => r.Kind == RegionKind.Outside).Select(r => r.Id).ToHashSet();
        var slugRank = bySlug.Select((id, rank) => (id, rank)).ToDictionary();
        // Kinds are stored as their kebab text: lower-case words that differ in their first letter, so every collation orders them alike.
        var kindRank = Enum.GetValues<ObservationKind>().OrderBy(KebabEnum.ToText, StringComparer.Ordinal).Select((k, rank) => (k, rank)).ToDictionary();
        var rows = observations.Select(o => new Row(
            o.Id, o.Value, o.IndicatorId, categoryOf[o.IndicatorId], o.RegionId, o.DocumentId,
            indicatorRank[o.IndicatorId], codeRank[o.IndicatorId], regionRank[o.RegionId], slugRank[o.RegionId], kindRank[o.Kind],
            o.StartYear, o.EndYear, o.Kind, outside.Contains(o.RegionId), ofRecord.Contains(o.Id))).ToArray();
        return new DataRowIndex(rows,
            byAdminCode.ToDictionary(r => r.Slug, r => r.Id, StringComparer.Ordinal), categories,
            byCategory.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal), documents);
    }

    private int[] Order(DataSort sort, SortDirection direction)
    {
        var sign = direction == SortDirection.Desc ? -1 : 1;
        var all = rows;
        var order = new int[all.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            ref readonly var x = ref all[a];
            ref readonly var y = ref all[b];
            var first = sort switch
            {
                DataSort.Region => x.RegionRank.CompareTo(y.RegionRank),
                DataSort.Period => x.EndYear != y.EndYear ? x.EndYear.CompareTo(y.EndYear) : x.StartYear.CompareTo(y.StartYear),
                DataSort.Kind => x.KindRank.CompareTo(y.KindRank),
                DataSort.Value => x.Value.CompareTo(y.Value),
                _ => x.IndicatorRank.CompareTo(y.IndicatorRank),
            };
            return first != 0 ? sign * first : TieBreak(in x, in y);
        });
        return order;
    }

    /// <summary>The SQL's stable tie-break, always ascending: indicator code, region slug, end year, kind, id.</summary>
    private static int TieBreak(in Row x, in Row y) =>
        x.CodeRank != y.CodeRank ? x.CodeRank.CompareTo(y.CodeRank)
        : x.SlugRank != y.SlugRank ? x.SlugRank.CompareTo(y.SlugRank)
        : x.EndYear != y.EndYear ? x.EndYear.CompareTo(y.EndYear)
        : x.KindRank != y.KindRank ? x.KindRank.CompareTo(y.KindRank)
        : x.Id.CompareTo(y.Id);

    /// <summary>The filter in ids; false when a name it asks for does not exist, so nothing can match (as in SQL).</summary>
    private bool TryMatch(DashboardFilter filter, out Match match)
    {
        match = default;
        var region = -1;
        var category = -1;
        var document = -1;
        int[]? indicatorIds = null;
        if (filter.Region is { } slug && !regions.TryGetValue(slug, out region))
        {
            return false;
        }
        if (filter.Category is { } categorySlug && !categories.TryGetValue(categorySlug, out category))
        {
            return false;
        }
        if (filter.Document is { } code && !documents.TryGetValue(code, out document))
        {
            return false;
        }
        if (filter.Indicators.Count > 0)
        {
            indicatorIds = [.. filter.Indicators.Select(c => indicators.TryGetValue(c, out var id) ? id : -1).Where(id => id >= 0).Distinct()];
            if (indicatorIds.Length == 0)
            {
                return false;
            }
        }
        match = new Match(filter.History, region, filter.Region is null && !filter.IncludeOutside, category, filter.Period, indicatorIds, document, filter.Kind);
        return true;
    }

    /// <summary>The explorer's filter, with a single year also matching the multi-year periods that contain it.</summary>
    private readonly record struct Match(bool History, int Region, bool ExcludeOutside, int Category, Period? Period, int[]? Indicators, int Document, ObservationKind? Kind)
    {
        public bool Matches(in Row row) =>
            (History || row.OfRecord)
            && (Region < 0 || row.RegionId == Region)
            && (!ExcludeOutside || !row.Outside)
            && (Category < 0 || row.CategoryId == Category)
            && (Period is not { } period || (period.IsSpan
                ? row.StartYear == period.StartYear && row.EndYear == period.EndYear
                : row.StartYear <= period.StartYear && row.EndYear >= period.StartYear))
            && (Indicators is null || Array.IndexOf(Indicators, row.IndicatorId) >= 0)
            && (Document < 0 || row.DocumentId == Document)
            && (Kind is not { } kind || row.Kind == kind);
    }
}

/// <summary>
/// Holds the row index of the latest data version. Requests that arrive while it is being built wait for that one build,
/// which runs on its own database context, so a cancelled request neither cancels it nor leaves it half-made.
/// </summary>
public sealed class DataRowIndexCache(IServiceScopeFactory scopes)
{
    private readonly Lock gate = new();
    private long version = -1;
    private Task<DataRowIndex>? index;

    public Task<DataRowIndex> GetAsync(long current, CancellationToken cancellationToken)
    {
        Task<DataRowIndex> held;
        lock (gate)
        {
            if (index is null || version < current || index.IsFaulted || index.IsCanceled)
            {
                version = current;
                index = Task.Run(BuildAsync, CancellationToken.None);
            }
            held = index;
        }
        return held.WaitAsync(cancellationToken);
    }

    private async Task<DataRowIndex> BuildAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DataRowIndex.LoadAsync(scope.ServiceProvider.GetRequiredService<DashboardDbContext>(), CancellationToken.None);
    }
}
