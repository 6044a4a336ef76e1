using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Features.Home;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class HomeController(HomeQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(DashboardFilter filter, CancellationToken cancellationToken) =>
        View(await queries.GetAsync(filter, await queries.ReferenceAsync(cancellationToken), cancellationToken));
}
