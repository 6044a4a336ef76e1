using Linyi.Dashboard.Web.Controllers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Linyi.Dashboard.Web.Features.Api;

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

    /// <summary>The keys of a parameter record bound with <c>[AsParameters]</c> (<see cref="Features.Filters.FilterKeys.Of{T}"/>).</summary>
    public static KnownQueryAttribute Of<T>() => new(Features.Filters.FilterKeys.Of<T>());

    /// <summary>Why the query is refused, or null when it names only known keys.</summary>
    public Sentence? Rejection(IQueryCollection query)
    {
        if (Unknown(query) is not { } unknown)
        {
            return null;
        }
        var shown = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
        return new Sentence("Unknown parameter '{0}'; this address accepts {1}.", shown, new Listed(Keys));
    }

    /// <summary>The same check for minimal-API endpoints: the endpoint's <see cref="KnownQueryAttribute"/> metadata, a ProblemDetails 400.</summary>
    public static async ValueTask<object?> RejectUnknownAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<KnownQueryAttribute>()?.Rejection(context.HttpContext.Request.Query) is { } message
            ? TypedResults.Problem(message.Local, statusCode: StatusCodes.Status400BadRequest, title: "Unknown parameter")
            : await next(context);

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (Rejection(context.HttpContext.Request.Query) is not { } message)
        {
            return;
        }
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
