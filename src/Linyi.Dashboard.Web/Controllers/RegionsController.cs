using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Regions;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class RegionsController(RegionQueries queries, ReferenceData reference) : Controller
{
    [HttpGet("/regions")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.IndexAsync(await reference.GetAsync(cancellationToken), cancellationToken));

    [HttpGet("/regions/coverage")]
    public async Task<IActionResult> Coverage(CancellationToken cancellationToken) =>
        View(await queries.CoverageAsync(await reference.GetAsync(cancellationToken), cancellationToken));

    [HttpGet("/regions/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken, int page = 1)
    {
        if (!ModelState.IsValid)
        {
            return this.BadRequestPage();
        }
        var model = await queries.GetAsync(slug, await reference.GetAsync(cancellationToken), cancellationToken, page);
        if (model is not null && model.Page != page)
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, $"page must be from 1 to {model.PageCount}. / 页码须在 1 到 {model.PageCount} 之间。");
        }
        return model is null ? NotFound() : View(model);
    }
}
