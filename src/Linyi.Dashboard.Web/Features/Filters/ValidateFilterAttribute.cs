using Linyi.Dashboard.Web.Controllers;
using Linyi.Dashboard.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Linyi.Dashboard.Web.Features.Filters;

/// <summary>
/// Runs before every action that takes a <see cref="DashboardFilter"/>: a malformed parameter, or a region or category that
/// does not exist, ends the request with a 400 — the error page for pages, ProblemDetails for the API — before any query.
/// </summary>
public sealed class ValidateFilterAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.ActionArguments.Values.OfType<DashboardFilter>().FirstOrDefault() is not { } filter)
        {
            if (!context.ModelState.IsValid && context.ActionDescriptor.Parameters.Any(p => p.ParameterType == typeof(DashboardFilter)))
            {
                // The binder's own message comes first; the "field is required" that follows a failed binding adds nothing.
                context.Result = Reject(context, context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.Exception is SentenceError said ? said.Sentence : e.ErrorMessage.Length > 0 ? new Sentence(e.ErrorMessage) : null)
                    .FirstOrDefault(m => m is not null) ?? new Sentence("The request is not valid."));
                return;
            }
            await next();
            return;
        }
        var reference = await context.HttpContext.RequestServices.GetRequiredService<ReferenceData>().GetAsync(context.HttpContext.RequestAborted);
        if (filter.Problem(reference) is { } problem)
        {
            context.Result = Reject(context, problem);
            return;
        }
        await next();
    }

    private static IActionResult Reject(ActionExecutingContext context, Sentence message) => context.Controller switch
    {
        Controller page => page.ErrorPage(StatusCodes.Status400BadRequest, message),
        ControllerBase api => api.Problem(message.Local, statusCode: StatusCodes.Status400BadRequest, title: "Bad filter"),
        _ => new BadRequestResult(),
    };
}
