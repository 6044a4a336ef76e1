using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Home;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class HomeController(HomeQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.BadRequestPage();
        }
        var reference = await queries.ReferenceAsync(cancellationToken);
        if (filter.Problem(reference) is { } problem)
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, problem);
        }
        return View(await queries.GetAsync(filter, reference, cancellationToken));
    }
}
