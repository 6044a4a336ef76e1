using Linyi.Dashboard.Web.Features.Categories;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class CategoriesController(CategoryQueries queries, ReferenceData reference) : Controller
{
    [HttpGet("/categories")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View((await reference.GetAsync(cancellationToken)).Categories);

    [HttpGet("/categories/{slug}")]
    public async Task<IActionResult> Show(string slug, DashboardFilter filter, CategorySort sort, CancellationToken cancellationToken, int page = 1)
    {
        if (!ModelState.IsValid)
        {
            return this.BadRequestPage();
        }
        var model = await queries.GetAsync(slug, filter, sort, await reference.GetAsync(cancellationToken), cancellationToken, page);
        if (model is not null && (page < 1 || page > model.PageCount))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("page must be from 1 to {0}.", model.PageCount));
        }
        return model is null ? NotFound() : View(model);
    }
}
