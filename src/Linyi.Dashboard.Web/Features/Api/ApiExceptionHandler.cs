using Linyi.Dashboard.Web.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Linyi.Dashboard.Web.Features.Api;

/// <summary>Answers failures under <c>/api</c> with ProblemDetails that reveal no internals; pages go to the error view.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        var unavailable = DatabaseFailure.IsUnavailable(exception);
        httpContext.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = null,
            ProblemDetails =
            {
                Status = httpContext.Response.StatusCode,
                Title = unavailable ? "The database is unavailable. Try again shortly." : "An unexpected error occurred.",
            },
        });
    }
}
