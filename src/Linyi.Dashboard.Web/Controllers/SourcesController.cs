using Linyi.Dashboard.Web.Features.Sources;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class SourcesController(SourceQueries sources) : Controller
{
    [HttpGet("/sources")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await sources.ListAsync(cancellationToken));
}
