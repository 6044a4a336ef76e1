using Linyi.Dashboard.Web.Controllers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Linyi.Dashboard.Web.Hosting;

public static class FriendlyFailures
{
    public const string ExpiredForm = "The form could not be accepted: it was open too long, or was sent from another page or after signing in again. Go back, reload the page and send it again.";

    public static Sentence TooLarge(long bytes) =>
        new("The upload is too large: at most {0} MB can be sent at once. Split the file into smaller files and upload them one at a time.", bytes / (1024 * 1024));

    /// <summary>The error page as a result, for filters that run before a controller exists.</summary>
    public static IActionResult Page(HttpContext context, ModelStateDictionary modelState, int status, Sentence message) => new ViewResult
    {
        ViewName = "Error",
        StatusCode = status,
        ViewData = new ViewDataDictionary<ErrorViewModel>(context.RequestServices.GetRequiredService<IModelMetadataProvider>(), modelState)
        {
            Model = new ErrorViewModel(status, context.TraceIdentifier, message),
        },
    };
}

/// <summary>A failed antiforgery check says what happened and what to do, instead of an empty 400.</summary>
public sealed class AntiforgeryFailurePage : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = FriendlyFailures.Page(context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest, new Sentence(FriendlyFailures.ExpiredForm));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// Caps the request body of an upload and answers a larger one with a 413 page. It runs before the antiforgery check,
/// which would otherwise be the first to read the over-size form and fail with an empty 400.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadLimitAttribute(long bytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bytes;
        }
        var tooLarge = request.ContentLength > bytes;
        if (!tooLarge && request.HasFormContentType)
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                tooLarge = true;
            }
        }
        if (tooLarge)
        {
            context.Result = FriendlyFailures.Page(context.HttpContext, context.ModelState, StatusCodes.Status413PayloadTooLarge, FriendlyFailures.TooLarge(bytes));
        }
    }
}
