using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Filters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

[Authorize(Policy = Roles.Editor)]
public class AdminObservationsController(ObservationEditor editor) : Controller
{
    [HttpGet("/admin/observations")]
    public async Task<IActionResult> Index(string? indicator, string? region, int page = 1, CancellationToken cancellationToken = default) =>
        // PostgreSQL refuses a NUL in text, which would otherwise surface as a 500.
        new[] { indicator, region }.Any(v => v is not null && v.Any(char.IsControl))
            ? this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("The filter contains a control character."))
            : !AdminPage<ObservationListItem>.Valid(page)
                ? this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("The page number is not valid."))
                : View(await editor.ListAsync(Trim(indicator), Trim(region), page, cancellationToken));

    [HttpGet("/admin/observations/new")]
    public async Task<IActionResult> New(string? indicator, string? region, CancellationToken cancellationToken) =>
        View("Edit", new ObservationFormViewModel(new ObservationForm { Indicator = Trim(indicator), Region = Trim(region) ?? DashboardFilter.City }, await editor.ChoicesAsync(cancellationToken)));

    [HttpGet("/admin/observations/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken) =>
        await editor.FormAsync(id, cancellationToken) is { } form
            ? View("Edit", new ObservationFormViewModel(form, await editor.ChoicesAsync(cancellationToken)))
            : NotFound();

    [HttpPost("/admin/observations/save")]
    public async Task<IActionResult> Save(ObservationForm form, CancellationToken cancellationToken)
    {
        if (await editor.SaveAsync(form, User.Identity!.Name!, ModelState, cancellationToken))
        {
            TempData[ViewComponents.SavedFigureViewComponent.Key] = (await editor.IdAsync(form, cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Redirect($"/indicators/{form.Indicator}");
        }
        ObservationForm? theirs = null;
        if (FormFields.IsConflict(ModelState) && form.Id is { } id)
        {
            // Saving the form again, now at their version, keeps this editor's values.
            theirs = await editor.FormAsync(id, cancellationToken);
            form.Version = theirs?.Version;
        }
        Response.StatusCode = theirs is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return View("Edit", new ObservationFormViewModel(form, await editor.ChoicesAsync(cancellationToken), theirs));
    }

    [HttpGet("/admin/observations/{id:long}/delete")]
    public async Task<IActionResult> ConfirmDelete(long id, CancellationToken cancellationToken) =>
        await editor.LabelAsync(id, cancellationToken) is { } label
            ? View("~/Views/AdminRecords/Delete.cshtml", new DeleteViewModel(label, $"/admin/observations/{id}/delete", "/admin/observations"))
            : NotFound();

    [HttpPost("/admin/observations/{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(id, User.Identity!.Name!, cancellationToken) ? Redirect("/admin/observations") : NotFound();

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 64)];
}
