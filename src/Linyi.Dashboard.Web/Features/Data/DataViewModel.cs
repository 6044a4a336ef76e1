using Linyi.Dashboard.Web.Features.Filters;

namespace Linyi.Dashboard.Web.Features.Data;

public sealed record DataViewModel(FilterPanel Filters, DataPage Page, DataSort Sort, SortDirection Direction)
{
    public string Query(DataSort? sort = null, SortDirection? direction = null, int? page = null)
    {
        var query = Filters.Filter.ToQuery();
        var extra = new List<string>();
        var s = sort ?? Sort;
        var d = direction ?? Direction;
        if (s != DataSort.Indicator || d != SortDirection.Asc)
        {
            extra.Add($"sort={s}");
            extra.Add($"dir={d}");
        }
        if ((page ?? Page.Page) > 1)
        {
            extra.Add($"page={page ?? Page.Page}");
        }
        if (Page.PageSize != Controllers.DataController.DefaultPageSize)
        {
            extra.Add($"size={Page.PageSize}");
        }
        return extra.Count == 0 ? query : query + (query.Length == 0 ? "?" : "&") + string.Join('&', extra);
    }
}
