using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class GoalsController(GoalQueries goals) : Controller
{
    [HttpGet("/goals")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        GoalStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!KebabEnum.TryParse<GoalStatus>(status, out var parsed))
            {
                return BadRequest();
            }
            filter = parsed;
        }
        return View(await goals.ListAsync(filter, cancellationToken));
    }
}
