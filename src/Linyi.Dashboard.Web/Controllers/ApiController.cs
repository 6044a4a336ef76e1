using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Data;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record ApiRegion(string Slug, string NameZh, string NameEn, string Kind, string? Parent, string? AdminCode);

public sealed record ApiCategory(string Slug, string NameZh, string NameEn, int SortOrder);

public sealed record ApiIndicator(string Code, string Category, string NameZh, string NameEn, string Unit, string Measure, string Direction,
    int Precision, string Chart, string? GrowthOf, string DescriptionZh, string DescriptionEn);

public sealed record ApiObservation(string Indicator, string Region, string Period, string Kind, string Comparator, decimal Value, string Unit,
    string Vintage, string Document, string PublishedOn, string? Url, string Section, string? Note);

public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>The read-only JSON API. Same filters as the pages; errors are ProblemDetails.</summary>
[ApiController]
[Route("api")]
[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class ApiController(DashboardDbContext db, DataQueries data, ReferenceData reference) : ControllerBase
{
    [HttpGet("regions")]
    public async Task<IEnumerable<ApiRegion>> Regions(CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Regions.Select(r => new ApiRegion(r.Slug, r.NameZh, r.NameEn, KebabEnum.ToText(r.Kind), r.ParentSlug, r.AdminCode));

    [HttpGet("categories")]
    public async Task<IEnumerable<ApiCategory>> Categories(CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Categories.Select(c => new ApiCategory(c.Slug, c.NameZh, c.NameEn, c.SortOrder));

    [HttpGet("indicators")]
    [ProducesResponseType<ApiIndicator[]>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Indicators([FromQuery] DashboardFilter filter, CancellationToken cancellationToken)
    {
        var category = filter.Category;
        var rows = await db.Indicators.AsNoTracking()
            .Where(i => category == null || i.Category!.Slug == category)
            .OrderBy(i => i.Category!.SortOrder).ThenBy(i => i.Code)
            .Select(i => new { i.Code, Category = i.Category!.Slug, i.NameZh, i.NameEn, i.UnitCode, i.Measure, i.Direction, i.Precision, i.Chart, GrowthOf = i.GrowthOf == null ? null : i.GrowthOf.Code, i.DescriptionZh, i.DescriptionEn })
            .ToListAsync(cancellationToken);
        return Ok(rows.Select(i => new ApiIndicator(i.Code, i.Category, i.NameZh, i.NameEn, i.UnitCode, KebabEnum.ToText(i.Measure), KebabEnum.ToText(i.Direction),
            i.Precision, KebabEnum.ToText(i.Chart), i.GrowthOf, i.DescriptionZh, i.DescriptionEn)));
    }

    /// <summary>Observations matching region, category, year (2023 or 2022-2026) and kind (actual, target, stretch), paged.</summary>
    [HttpGet("observations")]
    [ProducesResponseType<ApiPage<ApiObservation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Observations([FromQuery] DashboardFilter filter, int page = 1, int size = 100, CancellationToken cancellationToken = default)
    {
        if (page is < 1 or > DataController.MaxPage || size is < 1 or > DataController.MaxPageSize)
        {
            return Problem($"page must be from 1 to {DataController.MaxPage} and size from 1 to {DataController.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad paging");
        }
        var result = await data.PageAsync(filter, await reference.GetAsync(cancellationToken), DataSort.Indicator, SortDirection.Asc, page, size, cancellationToken);
        var items = result.Rows.Select(r => new ApiObservation(r.IndicatorCode, r.RegionSlug, r.Period.ToString(), KebabEnum.ToText(r.Kind),
            r.Comparator.ToAscii(), r.Value / 1.0000000000000000000000000000m, r.Unit, KebabEnum.ToText(r.Vintage), r.DocumentCode, r.PublishedOn, r.Url,
            r.Section, r.Note)).ToList();
        return Ok(new ApiPage<ApiObservation>(items, result.Total, result.Page, result.PageSize));
    }
}
