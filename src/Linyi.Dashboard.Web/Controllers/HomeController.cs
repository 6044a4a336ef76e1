using Linyi.Dashboard.Web.Features.Home;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class HomeController(HomeQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.GetAsync(cancellationToken));
}
