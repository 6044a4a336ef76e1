using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Exports;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public partial class DataController(DataQueries data, FilterQueries filters, ReferenceData reference, TimeProvider clock, ExportGate gate, ILogger<DataController> logger) : Controller
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = 1_000_000;

    [HttpGet("/data")]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history", "sort", "dir", "page", "size")]
    [ResolveIndicatorNames]
    public async Task<IActionResult> Index(DashboardFilter filter, DataSort sort, SortDirection dir, int page = 1, int size = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || page is < 1 or > MaxPage || size is < 1 or > MaxPageSize)
        {
            return ModelState.IsValid ? this.ErrorPage(400, $"page must be from 1 to {MaxPage} and size from 1 to {MaxPageSize}.") : this.BadRequestPage();
        }
        var refs = await reference.GetAsync(cancellationToken);
        var panel = await filters.PanelAsync(filter, "/data", refs, allRegionsWhenUnset: true, cancellationToken);
        var rows = await data.PageAsync(filter, sort, dir, page, size, cancellationToken);
        // The panel says what the table holds: its count is the table's (a year also matches the periods containing it).
        panel = panel with { MatchCount = rows.Total, AllRegions = true, Indicators = ExplorerSuggestions.Of(refs.Indicators, filter), IndicatorProblem = HttpContext.IndicatorNameProblem() };
        return View(new DataViewModel(panel, rows, sort, dir));
    }

    [HttpGet("/export/csv")]
    [OutputCache(PolicyName = ExportCachePolicy.Name)]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history")]
    public Task Csv(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "csv", "text/csv; charset=utf-8", (output, rows, english, _) => CsvExport.WriteAsync(output, rows, english, cancellationToken), cancellationToken);

    [HttpGet("/export/xlsx")]
    [OutputCache(PolicyName = ExportCachePolicy.Name)]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history")]
    public Task Xlsx(DashboardFilter filter, CancellationToken cancellationToken) =>
        Export(filter, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (output, rows, english, about) => XlsxExport.WriteAsync(output, rows, english, about, cancellationToken), cancellationToken);

    /// <summary>Files kept in memory up to this size while they are built; larger ones go on to a temporary file.</summary>
    private const int BufferInMemory = 256 * 1024;

    /// <summary>
    /// Builds the file from the rows as they are read (memory stays flat however many match) while holding a turn
    /// (<see cref="ExportGate"/>), gives the turn back, then sends the file within the deadline. A HEAD request gets the
    /// headers without the query.
    /// </summary>
    private async Task Export(DashboardFilter filter, string extension, string contentType,
        Func<Stream, IAsyncEnumerable<DataRow>, bool, IReadOnlyList<(string, string)>, Task> write, CancellationToken cancellationToken)
    {
        using var own = gate.ForClient(HttpContext);
        if (!own.IsAcquired)
        {
            Refuse(StatusCodes.Status429TooManyRequests, ExportGate.RetrySeconds);
            return;
        }
        var refs = await reference.GetAsync(cancellationToken);
        IReadOnlyList<(string, string)> about =
        [
            ("filters", filter.IsEmpty ? "(none)" : filter.ToQuery()),
            ("generated_at_utc", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("figures", filter.History ? "every report (all vintages)" : "figures of record"),
            ("source", $"{Words.En("Linyi Dashboard")} / {Words.Zh("Linyi Dashboard")}"),
        ];
        var name = $"linyi-dashboard_{filter.Slug("all-regions")}.{extension}";
        if (HttpMethods.IsHead(Request.Method))
        {
            // Not stored: a later GET must not be answered with this empty body.
            HttpContext.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage = false;
            Response.ContentType = contentType;
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name, FileName = Ascii(name) }.ToString();
            return;
        }
        await using var file = new FileBufferingWriteStream(BufferInMemory);
        using (var turn = await gate.ToBuildAsync(cancellationToken))
        {
            if (!turn.IsAcquired)
            {
                // A full queue is the server being busy for everyone, not this client asking too often.
                Refuse(StatusCodes.Status503ServiceUnavailable, ExportGate.RetrySeconds);
                return;
            }
            await write(file, data.StreamAsync(filter), Localization.Localized.IsEnglish, about);
        }
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name, FileName = Ascii(name) }.ToString();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(gate.SendDeadline);
        try
        {
            await file.DrainBufferAsync(Response.Body, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Either the client left or it did not take the file in time; neither is a server error.
            if (!cancellationToken.IsCancellationRequested)
            {
                LogSendDeadline(logger, Request.Path, (int)gate.SendDeadline.TotalSeconds);
            }
            HttpContext.Abort();
        }
    }

    private void Refuse(int status, int retrySeconds)
    {
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage = false;
        Response.StatusCode = status;
        Response.Headers.RetryAfter = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Download {Path} not taken within {Seconds} s; connection closed")]
    private static partial void LogSendDeadline(ILogger logger, string path, int seconds);

    private static string Ascii(string name) => new(name.Select(c => char.IsAscii(c) && c != '"' ? c : '_').ToArray());
}
