using System.Globalization;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Pdf;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Controllers;

public class PdfController(SummaryQueries summaries, ReferenceData reference, PdfRenderer renderer, PdfCache cache, ViewRenderer views,
    StatusNoticeWriter notices, NoticePdf noticePdf, IStringLocalizer<SharedResource> text) : Controller
{
    private const string PrintView = "~/Views/Print/Summary.cshtml";

    /// <summary>The print view itself, as Chromium sees it before printing.</summary>
    [HttpGet("/print/summary")]
    public async Task<IActionResult> Print(DashboardFilter filter, CancellationToken cancellationToken) =>
        View(PrintView, await summaries.GetAsync(filter, await reference.GetAsync(cancellationToken), cancellationToken));

    [HttpGet("/export/pdf")]
    [EnableRateLimiting(SecurityExtensions.PdfPolicy)]
    public async Task<IActionResult> Export(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var refs = await reference.GetAsync(cancellationToken);
        var name = $"linyi-summary_{filter.Slug(DashboardFilter.City)}_{Localized.FileLang}.pdf";
        var (version, _) = await summaries.DataVersionAsync(cancellationToken);
        var key = PdfCache.Key(filter.ToQuery(), CultureInfo.CurrentUICulture.Name, version);
        if (cache.Get(key) is { } cached)
        {
            return File(cached, "application/pdf", name);
        }
        if (renderer.UnavailableReason is { } reason)
        {
            return Unavailable(reason, retry: false);
        }
        var model = await summaries.GetAsync(filter, refs, cancellationToken) with { BodyOnly = true };
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        try
        {
            var pdf = await renderer.RenderAsync(await views.RenderAsync(ControllerContext, PrintView, model), Info(model), Footer(model), client, cancellationToken,
                reprint: PrintContents.Once(draft => views.RenderAsync(ControllerContext, PrintView, model with { Contents = PrintContents.WithPages(draft, model.Contents) })));
            cache.Set(key, pdf);
            return File(pdf, "application/pdf", name);
        }
        catch (PdfUnavailableException ex)
        {
            return Unavailable(ex.Message, ex.Busy);
        }
    }

    /// <summary>The one-page status notice of a view, as Chromium sees it before printing.</summary>
    [HttpGet("/print/notice")]
    public async Task<IActionResult> PrintNotice(DashboardFilter filter, CancellationToken cancellationToken) =>
        View(NoticePdf.View, Notice(await summaries.GetAsync(filter, await reference.GetAsync(cancellationToken), cancellationToken), NoticePdf.MaxRows));

    /// <summary>情况通报: the view's status on one A4 page, laid out as an official document.</summary>
    [HttpGet("/export/notice")]
    [EnableRateLimiting(SecurityExtensions.PdfPolicy)]
    public async Task<IActionResult> ExportNotice(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var refs = await reference.GetAsync(cancellationToken);
        var name = $"linyi-notice_{filter.Slug(DashboardFilter.City)}_{Localized.FileLang}.pdf";
        var (version, _) = await summaries.DataVersionAsync(cancellationToken);
        var key = PdfCache.Key("notice?" + filter.ToQuery(), CultureInfo.CurrentUICulture.Name, version);
        if (cache.Get(key) is { } cached)
        {
            return File(cached, "application/pdf", name);
        }
        if (renderer.UnavailableReason is { } reason)
        {
            return Unavailable(reason, retry: false);
        }
        var model = await summaries.GetAsync(filter, refs, cancellationToken);
        try
        {
            var pdf = await noticePdf.RenderAsync(ControllerContext, rows => Notice(model, rows), HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", cancellationToken);
            cache.Set(key, pdf);
            return File(pdf, "application/pdf", name);
        }
        catch (PdfUnavailableException ex)
        {
            return Unavailable(ex.Message, ex.Busy);
        }
    }

    private NoticeViewModel Notice(SummaryViewModel model, int rows)
    {
        var region = Localized.Pick(model.Region.NameZh, model.Region.NameEn);
        var subject = model.Category is { } c ? text["{0}, {1}", region, Localized.Pick(c.NameZh, c.NameEn)].Value : region;
        return notices.Write(text["Status of the development indicators of {0}", subject], subject,
            model.Views.Select(v => (v, (string?)null)).ToList(), model.Headlines.Select(h => new NoticeRow(h, null)).OrderBy(r => r.GoalView is null).ToList(), rows, model.SiteDataDate, model.GeneratedAt);
    }

    private static PdfDocumentInfo Info(SummaryViewModel model) => new(
        Title(model),
        Words.Of("Linyi Dashboard"),
        Filters(model),
        string.Join(", ", new[] { Words.Of("Linyi"), Localized.Pick(model.Region.NameZh, model.Region.NameEn) }
            .Concat((model.Category is { } only ? [only] : model.Categories.Select(c => c.Category)).Select(c => Localized.Pick(c.NameZh, c.NameEn)))
            .Append(Words.Of("development indicators")).Distinct()),
        Localized.Lang,
        model.GeneratedAt);

    /// <summary>"临沂发展指标摘要 · 莒南县 · 工业 · 2026-11-26": what the file holds, as its PDF title.</summary>
    private static string Title(SummaryViewModel model) =>
        string.Join(" · ", new[]
        {
            Words.Of("Linyi indicators summary"),
            Localized.Pick(model.Region.NameZh, model.Region.NameEn),
            model.Category is { } c ? Localized.Pick(c.NameZh, c.NameEn) : null,
            model.Filter.Period?.ToString(),
            PrintClock.Date(model.GeneratedAt),
        }.Where(part => part is not null));

    private IActionResult Unavailable(string message, bool retry)
    {
        if (retry)
        {
            Response.Headers.RetryAfter = "5";
        }
        return this.ErrorPage(StatusCodes.Status503ServiceUnavailable, message);
    }

    private static string Filters(SummaryViewModel model) =>
        string.Join(" · ", new[] { Localized.Pick(model.Region.NameZh, model.Region.NameEn), model.Category is null ? null : Localized.Pick(model.Category.NameZh, model.Category.NameEn),
            model.Filter.Period?.ToString(), model.Filter.Kind is { } k ? FilterQueries.KindLabel(k) : null }.Where(s => s is not null));

    /// <summary>The footer of every page besides its page number: the filters and the data date.</summary>
    private static string Footer(SummaryViewModel model) =>
        $"{Filters(model)} · {Words.Of("data as of")} {model.SiteDataDate}";
}
