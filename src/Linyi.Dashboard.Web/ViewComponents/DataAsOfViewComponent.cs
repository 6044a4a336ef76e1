using Linyi.Dashboard.Web.Features.Sources;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.ViewComponents;

/// <param name="Date">The newest source date behind the figures (YYYY, YYYY-MM or YYYY-MM-DD); null before any figure exists.</param>
public sealed record DataAsOf(string? Date);

/// <summary>The "data as of" line every page shows: the newest source date behind the figures.</summary>
public sealed class DataAsOfViewComponent(SourceQueries sources) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new DataAsOf(await sources.DataAsOfAsync(HttpContext.RequestAborted) is { Length: > 0 } date ? date : null));
}
