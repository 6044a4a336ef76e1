using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Worksheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record WorksheetPageViewModel(WorksheetChoices Choices, string? Category, string? Region, int Year, IReadOnlyList<WorksheetRow> Due,
    IReadOnlyList<(int Year, int Count)> TargetYears);

/// <summary>The results-due (待填报) and targets worksheets (every year a goal is missing, to next year), to fill in and upload through the import preview.</summary>
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
        var targets = await worksheets.TargetRowsAsync(category, region, null, cancellationToken);
        var targetYears = targets.GroupBy(r => r.Year).Select(g => (g.Key, g.Count()))
            .Concat(new[] { year, worksheets.LastTargetYear }.Where(y => targets.All(r => r.Year != y)).Select(y => (y, 0))).OrderBy(y => y.Item1).ToList();
        return View(new WorksheetPageViewModel(choices, category, region, year, await worksheets.RowsAsync(WorksheetKind.Results, category, region, year, cancellationToken), targetYears));
    }

    [HttpGet("/admin/worksheet/{kind:regex(^(results|targets)$)}.{format:regex(^(xlsx|csv)$)}")]
    public async Task<IActionResult> Download(string kind, string format, string? category, string? region, string? year, CancellationToken cancellationToken)
    {
        var choices = await worksheets.ChoicesAsync(cancellationToken);
        if (!Valid(choices, category, region))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "Choose a category and a region from the lists.");
        }
        var sheet = kind == "results" ? WorksheetKind.Results : WorksheetKind.Targets;
        int? only = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (sheet == WorksheetKind.Results || !int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                || y < 1949 || y > worksheets.LastTargetYear)
            {
                return this.ErrorPage(StatusCodes.Status400BadRequest, "Choose a year from the list.");
            }
            only = y;
        }
        List<WorksheetRow> rows;
        string label;
        if (sheet == WorksheetKind.Results)
        {
            rows = await worksheets.RowsAsync(sheet, category, region, worksheets.ThisYear, cancellationToken);
            label = "results-due";
        }
        else
        {
            rows = await worksheets.TargetRowsAsync(category, region, only, cancellationToken);
            var first = only ?? (rows.Count == 0 ? worksheets.ThisYear : rows.Min(r => r.Year));
            var last = only ?? (rows.Count == 0 ? worksheets.LastTargetYear : rows.Max(r => r.Year));
            label = first == last ? $"targets-{first}" : $"targets-{first}-{last}";
        }
        var name = label + (category is null ? "" : "-" + category) + (region is null ? "" : "-" + region);
        var years = sheet == WorksheetKind.Results ? "" : label["targets-".Length..].Replace('-', '–');
        return format == "xlsx"
            ? File(WorksheetFile.Xlsx(rows, sheet, choices.Documents, years), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(WorksheetFile.Csv(rows, sheet), "text/csv; charset=utf-8", name + ".csv");
    }

    private static bool Valid(WorksheetChoices choices, string? category, string? region) =>
        (category is null || choices.Categories.Any(c => c.Slug == category)) && (region is null || choices.Regions.Any(r => r.Slug == region));
}
