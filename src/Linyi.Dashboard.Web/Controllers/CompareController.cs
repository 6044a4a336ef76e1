using Linyi.Dashboard.Web.Features.Compare;
using Linyi.Dashboard.Web.Features.Filters;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class CompareController(CompareQueries queries, ReferenceData reference) : Controller
{
    [HttpGet("/compare")]
    public async Task<IActionResult> Index(string? indicator, DashboardFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || indicator is { Length: > DashboardFilter.MaxParameterLength })
        {
            return ModelState.IsValid ? this.ErrorPage(400, "indicator is too long.") : this.BadRequestPage();
        }
        var model = await queries.GetAsync(indicator, filter, await reference.GetAsync(cancellationToken), cancellationToken);
        return indicator is not null && model.Selected is null
            ? this.ErrorPage(StatusCodes.Status404NotFound, "No two districts or counties have results for that indicator and period; targets are never ranked.")
            : View(model);
    }
}
