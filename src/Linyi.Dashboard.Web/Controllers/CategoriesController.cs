using Linyi.Dashboard.Web.Features.Categories;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class CategoriesController(CategoryQueries queries) : Controller
{
    [HttpGet("/categories")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.AllAsync(cancellationToken));

    [HttpGet("/categories/{slug}")]
    public async Task<IActionResult> Show(string slug, CategorySort sort, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var model = await queries.GetAsync(slug, sort, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
