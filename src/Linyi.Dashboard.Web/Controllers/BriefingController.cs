using System.Globalization;
using Linyi.Dashboard.Web.Accounts;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Briefing;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Goals;
using Linyi.Dashboard.Web.Features.Pdf;
using Linyi.Dashboard.Web.Features.Shared;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Linyi.Dashboard.Web.Controllers;

/// <summary>The briefing composer (简报): the selection lives in the query string, so every address is a permalink.</summary>
public class BriefingController(BriefingQueries briefings, SummaryQueries summaries, ReferenceData reference, PdfRenderer renderer, PdfCache cache, ViewRenderer views,
    StatusNoticeWriter notices, NoticePdf noticePdf, IStringLocalizer<SharedResource> text)
    : Controller
{
    private const string PrintView = "~/Views/Print/Briefing.cshtml";

    [HttpGet("/briefing")]
    [KnownQuery("item", "region", "title", "note")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = await briefings.GetAsync(Request.Query, await reference.GetAsync(cancellationToken), cancellationToken);
        if (model.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("~/Views/Briefing/Index.cshtml", model);
    }

    [HttpGet("/print/briefing")]
    [KnownQuery("item", "region", "title", "note")]
    public async Task<IActionResult> Print(CancellationToken cancellationToken)
    {
        var model = await briefings.GetAsync(Request.Query, await reference.GetAsync(cancellationToken), cancellationToken);
        return Invalid(model) ?? View(PrintView, model);
    }

    [HttpGet("/briefing/pdf")]
    [KnownQuery("item", "region", "title", "note")]
    [EnableRateLimiting(SecurityExtensions.PdfPolicy)]
    public async Task<IActionResult> Pdf(CancellationToken cancellationToken)
    {
        var model = await briefings.GetAsync(Request.Query, await reference.GetAsync(cancellationToken), cancellationToken);
        if (Invalid(model) is { } invalid)
        {
            return invalid;
        }
        var name = model.FileName(Localized.FileLang);
        var (version, _) = await summaries.DataVersionAsync(cancellationToken);
        var key = PdfCache.Key("briefing?" + model.Selection.ToQuery(), CultureInfo.CurrentUICulture.Name, version);
        if (cache.Get(key) is { } cached)
        {
            return File(cached, "application/pdf", name);
        }
        if (renderer.UnavailableReason is { } reason)
        {
            return this.ErrorPage(StatusCodes.Status503ServiceUnavailable, reason);
        }
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var info = new PdfDocumentInfo(
            $"{model.Title} · {PrintClock.Date(model.GeneratedAt)}",
            Words.Of("Linyi Dashboard"),
            string.Join(" · ", model.Regions.Select(r => Localized.Pick(r.NameZh, r.NameEn)).Concat(model.Sections.Select(s => s.Heading))),
            string.Join(", ", new[] { Words.Of("Linyi"), Words.Of("briefing") }.Concat(model.Regions.Select(r => Localized.Pick(r.NameZh, r.NameEn)))),
            Localized.Lang,
            model.GeneratedAt);
        var footer = $"{model.Title} · {Words.Of("data as of")} {model.SiteDataDate}";
        try
        {
            var pdf = await renderer.RenderAsync(await Body(model), info, footer, client, cancellationToken,
                reprint: PrintContents.Once(draft => Body(model with { Contents = PrintContents.WithPages(draft, model.Contents) })));
            cache.Set(key, pdf);
            return File(pdf, "application/pdf", name);
        }
        catch (PdfUnavailableException ex)
        {
            if (ex.Busy)
            {
                Response.Headers.RetryAfter = "5";
            }
            return this.ErrorPage(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }
    }

    [HttpGet("/print/briefing/notice")]
    [KnownQuery("item", "region", "title", "note")]
    public async Task<IActionResult> PrintNotice(CancellationToken cancellationToken)
    {
        var model = await briefings.GetAsync(Request.Query, await reference.GetAsync(cancellationToken), cancellationToken);
        return Invalid(model) ?? View(NoticePdf.View, Notice(model, NoticePdf.MaxRows));
    }

    /// <summary>情况通报 of the briefing's indicators and regions, on one A4 page.</summary>
    [HttpGet("/briefing/notice")]
    [KnownQuery("item", "region", "title", "note")]
    [EnableRateLimiting(SecurityExtensions.PdfPolicy)]
    public async Task<IActionResult> NoticeDocument(CancellationToken cancellationToken)
    {
        var model = await briefings.GetAsync(Request.Query, await reference.GetAsync(cancellationToken), cancellationToken);
        if (Invalid(model) is { } invalid)
        {
            return invalid;
        }
        var name = model.FileName(Localized.FileLang).Replace("linyi-", "linyi-notice_", StringComparison.Ordinal);
        var (version, _) = await summaries.DataVersionAsync(cancellationToken);
        var key = PdfCache.Key("briefing-notice?" + model.Selection.ToQuery(), CultureInfo.CurrentUICulture.Name, version);
        if (cache.Get(key) is { } cached)
        {
            return File(cached, "application/pdf", name);
        }
        if (renderer.UnavailableReason is { } reason)
        {
            return this.ErrorPage(StatusCodes.Status503ServiceUnavailable, reason);
        }
        try
        {
            var pdf = await noticePdf.RenderAsync(ControllerContext, rows => Notice(model, rows), HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", cancellationToken);
            cache.Set(key, pdf);
            return File(pdf, "application/pdf", name);
        }
        catch (PdfUnavailableException ex)
        {
            if (ex.Busy)
            {
                Response.Headers.RetryAfter = "5";
            }
            return this.ErrorPage(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }
    }

    private NoticeViewModel Notice(BriefingViewModel model, int rows)
    {
        var charts = model.Sections.SelectMany(s => s.Charts).ToList();
        var regions = string.Join(Format.Enumeration, model.Regions.Select(r => Localized.Pick(r.NameZh, r.NameEn)));
        var subject = model.Selection.Title is null && model.Single is null ? regions : text["{0}, {1}", regions, model.Title].Value;
        return notices.Write(text["Status notice: {0}", subject], subject,
            charts.Select(c => (c.View, c.RegionName)).ToList(),
            charts.Select(c => new NoticeRow(new GoalCard(c.View, null), c.RegionName)).ToList(), rows, model.SiteDataDate, model.GeneratedAt);
    }

    private Task<string> Body(BriefingViewModel model) => views.RenderAsync(ControllerContext, PrintView, model with { BodyOnly = true });

    private IActionResult? Invalid(BriefingViewModel model) =>
        model.Errors.Count > 0 ? this.ErrorPage(StatusCodes.Status400BadRequest, new Sentences(model.Errors).AsSentence())
        : model.Selection.IsEmpty ? this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("Choose at least one indicator or category for the briefing."))
        : null;
}
