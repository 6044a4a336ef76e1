using Linyi.Dashboard.Web.Features.Indicators;
using Linyi.Dashboard.Web.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Linyi.Dashboard.Web.Controllers;

[OutputCache(PolicyName = DataVersionCachePolicy.Name)]
public class IndicatorsController(IndicatorPageQueries queries) : Controller
{
    [HttpGet("/indicators/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(code, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
