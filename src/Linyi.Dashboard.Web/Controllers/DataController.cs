using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Exports;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class DataController(DataQueries data, FilterQueries filters, ReferenceData reference, TimeProvider clock) : Controller
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = 1_000_000;

    [HttpGet("/data")]
    public async Task<IActionResult> Index(DashboardFilter filter, DataSort sort, SortDirection dir, int page = 1, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || page is < 1 or > MaxPage || size is < 1 or > MaxPageSize)
        {
            return ModelState.IsValid ? this.ErrorPage(400, $"page must be from 1 to {MaxPage} and size from 1 to {MaxPageSize}.") : this.BadRequestPage();
        }
        var refs = await reference.GetAsync(cancellationToken);
        var panel = await filters.PanelAsync(filter, "/data", refs, allRegionsWhenUnset: true, cancellationToken);
        var rows = await data.PageAsync(filter, refs, sort, dir, page, size, cancellationToken);
        return View(new DataViewModel(panel, rows, sort, dir));
    }

    [HttpGet("/export/csv")]
    public Task<IActionResult> Csv(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "csv", (rows, english, _) => CsvExport.Write(rows, english), "text/csv; charset=utf-8", cancellationToken);

    [HttpGet("/export/xlsx")]
    public Task<IActionResult> Xlsx(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "xlsx", XlsxExport.Write, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", cancellationToken);

    private async Task<IActionResult> Export(DashboardFilter filter, string extension,
        Func<IReadOnlyList<DataRow>, bool, IReadOnlyList<(string, string)>, byte[]> write, string contentType, CancellationToken cancellationToken)
    {
        var rows = await data.AllAsync(filter, await reference.GetAsync(cancellationToken), cancellationToken);
        var now = clock.GetUtcNow();
        IReadOnlyList<(string, string)> about =
        [
            ("filters", filter.IsEmpty ? "(none)" : filter.ToQuery()),
            ("rows", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("generated_at_utc", now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("source", "Linyi Dashboard / 临沂发展指标看板"),
        ];
        var name = $"linyi-dashboard_{filter.Slug("all-regions")}.{extension}";
        return File(write(rows, Infrastructure.Localized.IsEnglish, about), contentType, name);
    }
}
