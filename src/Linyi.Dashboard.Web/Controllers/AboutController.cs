using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class AboutController : Controller
{
    [HttpGet("/about/progress")]
    public IActionResult Progress() => View();
}
