using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Exports;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class DataController(DataQueries data, FilterQueries filters, ReferenceData reference, TimeProvider clock) : Controller
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = 1_000_000;

    [HttpGet("/data")]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history", "sort", "dir", "page", "size")]
    public async Task<IActionResult> Index(DashboardFilter filter, DataSort sort, SortDirection dir, int page = 1, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || page is < 1 or > MaxPage || size is < 1 or > MaxPageSize)
        {
            return ModelState.IsValid ? this.ErrorPage(400, $"page must be from 1 to {MaxPage} and size from 1 to {MaxPageSize}.") : this.BadRequestPage();
        }
        var refs = await reference.GetAsync(cancellationToken);
        var panel = await filters.PanelAsync(filter, "/data", refs, allRegionsWhenUnset: true, cancellationToken);
        var rows = await data.PageAsync(filter, refs, sort, dir, page, size, cancellationToken);
        // The panel says what the table holds: its count is the table's (a year also matches the periods containing it).
        panel = panel with { MatchCount = rows.Total, AllRegions = true, Indicators = Suggestions(refs.Indicators, filter) };
        return View(new DataViewModel(panel, rows, sort, dir));
    }

    [HttpGet("/export/csv")]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history")]
    [EnableRateLimiting(SecurityExtensions.ExportPolicy)]
    public Task Csv(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "csv", "text/csv; charset=utf-8", (rows, english, _) => CsvExport.WriteAsync(Response.Body, rows, english, cancellationToken), cancellationToken);

    [HttpGet("/export/xlsx")]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history")]
    [EnableRateLimiting(SecurityExtensions.ExportPolicy)]
    public Task Xlsx(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (rows, english, about) => XlsxExport.WriteAsync(Response.Body, rows, english, about, cancellationToken), cancellationToken);

    /// <summary>Streams the rows into the response as they are read, so memory stays flat however many rows match.</summary>
    private async Task Export(DashboardFilter filter, string extension, string contentType,
        Func<IAsyncEnumerable<DataRow>, bool, IReadOnlyList<(string, string)>, Task> write, CancellationToken cancellationToken)
    {
        var refs = await reference.GetAsync(cancellationToken);
        IReadOnlyList<(string, string)> about =
        [
            ("filters", filter.IsEmpty ? "(none)" : filter.ToQuery()),
            ("generated_at_utc", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("figures", filter.History ? "every report (all vintages)" : "figures of record"),
            ("source", "Linyi Dashboard / 临沂发展指标看板"),
        ];
        var name = $"linyi-dashboard_{filter.Slug("all-regions")}.{extension}";
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name, FileName = Ascii(name) }.ToString();
        await write(data.StreamAsync(filter, refs), Infrastructure.Localized.IsEnglish, about);
    }

    /// <summary>
    /// Most suggestions the indicator field lists, so that the page does not grow with the data: the chosen ones and the
    /// chosen category's first. Any code can still be typed.
    /// </summary>
    public const int MaxSuggestions = 400;

    internal static IReadOnlyList<IndicatorChoice> Suggestions(IReadOnlyList<IndicatorChoice> all, DashboardFilter filter) =>
        all.Count <= MaxSuggestions ? all
            : all.Where(i => filter.Indicators.Contains(i.Code)).Concat(all.Where(i => i.CategorySlug == filter.Category)).Concat(all)
                .Distinct().Take(MaxSuggestions).ToList();

    private static string Ascii(string name) => new(name.Select(c => char.IsAscii(c) && c != '"' ? c : '_').ToArray());
}
