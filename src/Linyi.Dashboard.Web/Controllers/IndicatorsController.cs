using Linyi.Dashboard.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public class IndicatorsController(IndicatorPageQueries queries) : Controller
{
    [HttpGet("/indicators/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(code, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
