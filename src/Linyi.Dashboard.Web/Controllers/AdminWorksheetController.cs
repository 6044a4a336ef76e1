using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Worksheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record WorksheetPageViewModel(WorksheetChoices Choices, string? Category, string? Region, int Year, IReadOnlyList<WorksheetRow> Due);

/// <summary>The results-due (待填报) and next year's targets worksheets, to fill in and upload through the import preview.</summary>
[Authorize(Policy = Roles.Editor)]
public class AdminWorksheetController(WorksheetQueries worksheets) : Controller
{
    [HttpGet("/admin/worksheet")]
    public async Task<IActionResult> Index(string? category, string? region, CancellationToken cancellationToken)
    {
        var choices = await worksheets.ChoicesAsync(cancellationToken);
        if (!Valid(choices, category, region))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "Choose a category and a region from the lists.");
        }
        var year = worksheets.ThisYear;
        return View(new WorksheetPageViewModel(choices, category, region, year, await worksheets.RowsAsync(WorksheetKind.Results, category, region, year, cancellationToken)));
    }

    [HttpGet("/admin/worksheet/{kind:regex(^(results|targets)$)}.{format:regex(^(xlsx|csv)$)}")]
    public async Task<IActionResult> Download(string kind, string format, string? category, string? region, CancellationToken cancellationToken)
    {
        var choices = await worksheets.ChoicesAsync(cancellationToken);
        if (!Valid(choices, category, region))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "Choose a category and a region from the lists.");
        }
        var sheet = kind == "results" ? WorksheetKind.Results : WorksheetKind.Targets;
        var year = sheet == WorksheetKind.Results ? worksheets.ThisYear : worksheets.ThisYear + 1;
        var rows = await worksheets.RowsAsync(sheet, category, region, year, cancellationToken);
        var name = (sheet == WorksheetKind.Results ? "results-due" : $"targets-{year}") + (category is null ? "" : "-" + category) + (region is null ? "" : "-" + region);
        return format == "xlsx"
            ? File(WorksheetFile.Xlsx(rows, sheet, choices.Documents, year), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(WorksheetFile.Csv(rows, sheet), "text/csv; charset=utf-8", name + ".csv");
    }

    private static bool Valid(WorksheetChoices choices, string? category, string? region) =>
        (category is null || choices.Categories.Any(c => c.Slug == category)) && (region is null || choices.Regions.Any(r => r.Slug == region));
}
