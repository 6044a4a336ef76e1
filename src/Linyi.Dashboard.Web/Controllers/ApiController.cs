using System.ComponentModel;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Sources;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record ApiRegion(string Slug, string NameZh, string NameEn, string Kind, string? Parent, string? AdminCode);

public sealed record ApiCategory(string Slug, string NameZh, string NameEn, int SortOrder);

public sealed record ApiIndicator(string Code, string Category, string NameZh, string NameEn, string Unit, string Measure, string Direction,
    int Precision, string Chart, string? GrowthOf, string DescriptionZh, string DescriptionEn);

public sealed record ApiObservation(string Indicator, string Region, string Period, string Kind, string Comparator, decimal Value, string Unit,
    decimal? ValueInIndicatorUnit, string IndicatorUnit, string Vintage, bool OfRecord, string Document, string PublishedOn, string? Url, string Section, string? NoteZh, string? NoteEn);

/// <param name="Next">Pass as <c>after</c> for the next page; null when this page is not full.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, long? Next = null);

/// <summary>
/// The read-only JSON API. The filters are read by the same parser as the pages (<see cref="DashboardFilter.TryParse"/>);
/// the parameters declared here describe them in the OpenAPI document. Errors are ProblemDetails.
/// </summary>
[ApiController]
[Route("api")]
[EnableCors(OpenApiSetup.CorsPolicy)]
[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
public class ApiController(DashboardDbContext db, DataQueries data, ReferenceData reference, ApiGoalQueries goals, SourceQueries sources) : ControllerBase
{
    private const string Region = "A region code from /api/regions, such as `linyi` (the city) or `junan`.";
    private const string Category = "A category code from /api/categories, such as `economy`.";
    private const string Year = "A year (`2024`), which also matches multi-year periods that contain it, or a span (`2022-2026`), matched exactly.";
    private const string Kind = "`actual` (a result), `target` (a base target) or `stretch` (a stretch target, *lìzhēng* in the reports).";
    private const string Indicator = "One or more indicator codes from /api/indicators, repeated (`indicator=gdp&indicator=cpi`) or separated by commas.";
    private const string Document = "A document code from /api/documents: only the figures it reports.";
    private const string History = "`true` for every report of each figure (all vintages), with `ofRecord` saying which one is used; `false` (the default) for the figures of record only.";
    private const string Outside = "`true` to include places outside Linyi (such as the partner county Yiyuan) when no region is given.";

    [HttpGet("regions", Name = "listRegions")]
    [KnownQuery]
    [EndpointSummary("List regions")]
    [EndpointDescription("The city, its districts and counties, the development zones and the places outside Linyi that figures are reported for.")]
    [ProducesResponseType<ApiRegion[]>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<ApiRegion>> Regions(CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Regions.Select(r => new ApiRegion(r.Slug, r.NameZh, r.NameEn, KebabEnum.ToText(r.Kind), r.ParentSlug, r.AdminCode));

    [HttpGet("categories", Name = "listCategories")]
    [KnownQuery]
    [EndpointSummary("List categories")]
    [EndpointDescription("The categories that indicators are grouped in, in the order the pages show them.")]
    [ProducesResponseType<ApiCategory[]>(StatusCodes.Status200OK)]
    public async Task<IEnumerable<ApiCategory>> Categories(CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Categories.Select(c => new ApiCategory(c.Slug, c.NameZh, c.NameEn, c.SortOrder));

    [HttpGet("indicators", Name = "listIndicators")]
    [KnownQuery("category")]
    [EndpointSummary("List indicators")]
    [EndpointDescription("Every indicator with its unit, measure, direction (higher or lower is better) and description.")]
    [ProducesResponseType<ApiIndicator[]>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Indicators([FromQuery, Description(Category)] string? category = null, CancellationToken cancellationToken = default)
    {
        if (await FilterAsync(cancellationToken) is not { } filter)
        {
            return Rejected!;
        }
        var slug = filter.Category;
        var rows = await db.Indicators.AsNoTracking()
            .Where(i => slug == null || i.Category!.Slug == slug)
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Code, Category = i.Category!.Slug, i.NameZh, i.NameEn, i.UnitCode, i.Measure, i.Direction, i.Precision, i.Chart, GrowthOf = i.GrowthOf == null ? null : i.GrowthOf.Code, i.DescriptionZh, i.DescriptionEn })
            .ToListAsync(cancellationToken);
        return Ok(rows.Select(i => new ApiIndicator(i.Code, i.Category, i.NameZh, i.NameEn, i.UnitCode, KebabEnum.ToText(i.Measure), KebabEnum.ToText(i.Direction),
            i.Precision, KebabEnum.ToText(i.Chart), i.GrowthOf, i.DescriptionZh, i.DescriptionEn)));
    }

    [HttpGet("observations", Name = "listObservations")]
    [KnownQuery("region", "category", "year", "kind", "outside", "indicator", "document", "history", "page", "size", "after")]
    [EndpointSummary("List figures")]
    [EndpointDescription("The figures of record (or, with `history=true`, every report of each figure) matching the filters, with value as stated, unit, the value in the indicator's unit, vintage and source. Paged, ordered by category and indicator: by `page`, or by key with `after` (the `next` of the previous page), which stays fast however deep.")]
    [ProducesResponseType<ApiPage<ApiObservation>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Observations(
        [FromQuery, Description(Region)] string? region = null,
        [FromQuery, Description(Category)] string? category = null,
        [FromQuery, Description(Year)] string? year = null,
        [FromQuery, Description(Kind)] string? kind = null,
        [FromQuery, Description(Indicator)] string[]? indicator = null,
        [FromQuery, Description(Document)] string? document = null,
        [FromQuery, Description(History)] bool history = false,
        [FromQuery, Description(Outside)] bool outside = false,
        [FromQuery, Description("The page, from 1.")] int page = 1,
        [FromQuery, Description("Figures per page, from 1 to 500.")] int size = 100,
        [FromQuery, Description("The `next` of the previous page: the figures after it, in the same order (then `page` must be 1).")] long? after = null,
        CancellationToken cancellationToken = default)
    {
        if (page is < 1 or > DataController.MaxPage || size is < 1 or > DataController.MaxPageSize || (after is not null && page != 1))
        {
            return Problem(Words.Of("page must be from 1 to {0} (1 with after) and size from 1 to {1}.", DataController.MaxPage, DataController.MaxPageSize),
                statusCode: StatusCodes.Status400BadRequest, title: "Bad paging");
        }
        if (await FilterAsync(cancellationToken) is not { } filter)
        {
            return Rejected!;
        }
        var result = await data.PageAsync(filter, DataSort.Indicator, SortDirection.Asc, page, size, cancellationToken, after);
        var items = result.Rows.Select(r => new ApiObservation(r.IndicatorCode, r.RegionSlug, r.Period.ToString(), KebabEnum.ToText(r.Kind),
            r.Comparator.ToAscii(), Exact(r.Value), r.Unit, r.NormalizedValue is { } n ? Exact(n) : null, r.IndicatorUnit, KebabEnum.ToText(r.Vintage), r.OfRecord,
            r.DocumentCode, r.PublishedOn, r.Url, r.Section, r.NoteZh, r.NoteEn)).ToList();
        return Ok(new ApiPage<ApiObservation>(items, result.Total, result.Page, result.PageSize, result.Rows.Count == size ? result.Rows[^1].Id : null));
    }

    [HttpGet("goals", Name = "listGoals")]
    [KnownQuery("region", "category", "year", "indicator")]
    [EndpointSummary("List goals with their status")]
    [EndpointDescription("Every goal: the base and stretch (*lìzhēng*) targets, the result it is judged by (value, year, vintage, source), its shape and phase, the status and the gap, decided by the same rules as the pages (see /about/progress and /api/rules). Without `region`, the goals of every region.")]
    [ProducesResponseType<ApiGoal[]>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Goals(
        [FromQuery, Description(Region)] string? region = null,
        [FromQuery, Description(Category)] string? category = null,
        [FromQuery, Description(Year)] string? year = null,
        [FromQuery, Description(Indicator)] string[]? indicator = null,
        CancellationToken cancellationToken = default)
    {
        if (await FilterAsync(cancellationToken) is not { } filter)
        {
            return Rejected!;
        }
        return Ok(await goals.ListAsync(filter, await reference.GetAsync(cancellationToken), cancellationToken));
    }

    [HttpGet("rules", Name = "getRules")]
    [KnownQuery]
    [EndpointSummary("The rules that decide each goal's status")]
    [EndpointDescription("Every status and goal shape with its rule in Chinese and English: the same definitions the pages, the legend and /about/progress show.")]
    [ProducesResponseType<ApiRules>(StatusCodes.Status200OK)]
    public IActionResult Rules() => Ok(ApiRules.Current);

    [HttpGet("documents", Name = "listDocuments")]
    [KnownQuery]
    [EndpointSummary("List source documents")]
    [EndpointDescription("Every document the figures come from: kind, publisher, date, address, a note on its reliability, and how many figures it reports and how many of them are of record.")]
    [ProducesResponseType<Features.Api.ApiDocument[]>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken) =>
        Ok((await sources.ListAsync(cancellationToken)).Select(d => new Features.Api.ApiDocument(d.Code, d.TitleZh, d.TitleEn, KebabEnum.ToText(d.Kind), d.Publisher,
            d.PublishedOn, d.Url, d.Reliability, d.Figures, d.FiguresOfRecord, d.Milestones)));

    private IActionResult? Rejected { get; set; }

    /// <summary>The filter from the query, checked against the codes that exist; null (with <see cref="Rejected"/> set) when it is bad.</summary>
    private async Task<DashboardFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        if (!DashboardFilter.TryParse(Request.Query, out var filter, out var error))
        {
            Rejected = Problem(error!.Local, statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
            return null;
        }
        if (filter.Problem(await reference.GetAsync(cancellationToken)) is { } problem)
        {
            Rejected = Problem(problem.Local, statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
            return null;
        }
        return filter;
    }

    private static decimal Exact(decimal value) => value.Trimmed();
}
