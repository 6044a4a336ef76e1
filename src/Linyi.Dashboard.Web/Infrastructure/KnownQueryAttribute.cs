using Linyi.Dashboard.Web.Controllers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Linyi.Dashboard.Web.Infrastructure;

/// <summary>
/// The query keys an endpoint reads. Any other key is answered with a 400 (a page or ProblemDetails), and the output cache
/// varies only on these keys, so that an invented key can neither bypass the cache nor fill it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class KnownQueryAttribute(params string[] keys) : Attribute, IActionFilter, IOrderedFilter
{
    /// <summary>Read by request localization on every page.</summary>
    private static readonly string[] CultureKeys = ["culture", "ui-culture"];

    /// <summary>The keys the cache varies on. The culture keys are left out: their free text would make a new entry per value,
    /// and the cache already varies on the culture they resolve to.</summary>
    public string[] Keys { get; } = keys;

    public int Order => int.MinValue;

    public string? Unknown(IQueryCollection query) =>
        query.Keys.FirstOrDefault(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase) && !CultureKeys.Contains(k, StringComparer.OrdinalIgnoreCase));

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (Unknown(context.HttpContext.Request.Query) is not { } unknown)
        {
            return;
        }
        var shown = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
        var message = new Sentence("Unknown parameter '{0}'; this address accepts {1}.", shown, new Listed(Keys));
        context.Result = context.Controller switch
        {
            Controller page => page.ErrorPage(StatusCodes.Status400BadRequest, message),
            ControllerBase api => api.Problem(message.Local, statusCode: StatusCodes.Status400BadRequest, title: "Unknown parameter"),
            _ => new BadRequestResult(),
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
