using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class AboutController(Features.ApiGuide.ApiGuideQueries api) : Controller
{
    [HttpGet("/about/progress")]
    public IActionResult Progress() => View();

    [HttpGet("/about/api")]
    [Features.Api.KnownQuery]
    public IActionResult Api() => View(api.Endpoints());
}
