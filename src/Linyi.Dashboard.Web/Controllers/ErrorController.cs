using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

/// <summary>The error page; its message is said in the reader's language, with its English kept for the record.</summary>
public sealed record ErrorViewModel(int StatusCode, string? RequestId, Sentence? Message = null);

public static class ErrorResults
{
    /// <summary>The friendly error page with a specific message, e.g. which query parameter was wrong.</summary>
    public static IActionResult ErrorPage(this Controller controller, int status, string message) => controller.ErrorPage(status, new Sentence(message));

    public static IActionResult ErrorPage(this Controller controller, int status, Sentence message)
    {
        controller.Response.StatusCode = status;
        return controller.View("Error", new ErrorViewModel(status, controller.HttpContext.TraceIdentifier, message));
    }

    /// <summary>A reason for the status a middleware answers with, shown by the error page it is re-executed to.</summary>
    public static void SetMessage(HttpContext context, Sentence message) => context.Items[typeof(ErrorViewModel)] = message;

    public static IActionResult BadRequestPage(this Controller controller) =>
        controller.ErrorPage(StatusCodes.Status400BadRequest,
            string.Join(" ", controller.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => m.Length > 0).DefaultIfEmpty("The request is not valid.")));
}

[ApiExplorerSettings(IgnoreApi = true)]
// A failed POST, PUT or DELETE is re-executed here with its method; the page must render without a token of its own.
[IgnoreAntiforgeryToken]
public class ErrorController : Controller
{
    /// <summary>The statuses the app answers with; any other code asked for here is a page that does not exist.</summary>
    public static readonly IReadOnlySet<int> Statuses = new HashSet<int> { 400, 403, 404, 405, 409, 413, 429, 500, 503 };

    [Route("/error")]
    public IActionResult Unhandled()
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError
            : DatabaseFailure.IsConflict(exception) ? StatusCodes.Status409Conflict
            : DatabaseFailure.IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable
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
        if (!Statuses.Contains(code))
        {
            code = StatusCodes.Status404NotFound;
        }
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (original is not null && original.StartsWith("/api", StringComparison.Ordinal))
        {
            return Problem(statusCode: code, title: code == StatusCodes.Status404NotFound ? "Not found" : null);
        }
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier, HttpContext.Items[typeof(ErrorViewModel)] as Sentence));
    }
}
