using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record ErrorViewModel(int StatusCode, string? RequestId);

[ApiExplorerSettings(IgnoreApi = true)]
public class ErrorController : Controller
{
    [Route("/error")]
    public IActionResult Unhandled()
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is not null && DatabaseFailure.IsUnavailable(exception)
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "10";
        }
        return Status(status);
    }

    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}
