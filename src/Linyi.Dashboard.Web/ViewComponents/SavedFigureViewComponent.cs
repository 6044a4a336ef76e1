using System.Globalization;
using Linyi.Dashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.ViewComponents;

/// <summary>After a figure is saved, the next page says what was saved: indicator, region, period, kind, value with its unit.</summary>
public sealed class SavedFigureViewComponent(ObservationEditor editor) : ViewComponent
{
    public const string Key = "saved-figure";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (TempData[Key] is string text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await editor.SummaryAsync(id, HttpContext.RequestAborted) is { } summary)
        {
            return View(summary);
        }
        return Content("");
    }
}
