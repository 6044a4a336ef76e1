using System.Data.Common;
using Linyi.Dashboard.Web.Features.Sources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.ViewComponents;

/// <param name="Date">The newest source date behind the figures (YYYY, YYYY-MM or YYYY-MM-DD); null before any figure exists.</param>
public sealed record DataAsOf(string? Date);

/// <summary>The "data as of" line every page shows: the newest source date behind the figures.</summary>
public sealed class DataAsOfViewComponent(SourceQueries sources) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string view = "Default")
    {
        // An error page (the database may be the error) shows no date rather than failing again.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return View(view, new DataAsOf(null));
        }
        try
        {
            return View(view, new DataAsOf(await sources.DataAsOfAsync(HttpContext.RequestAborted) is { Length: > 0 } date ? date : null));
        }
        catch (Exception ex) when (ex is DbException || ex.InnerException is DbException)
        {
            return View(view, new DataAsOf(null));
        }
    }
}
