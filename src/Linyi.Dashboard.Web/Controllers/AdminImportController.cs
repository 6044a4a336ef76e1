using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Api;
using Linyi.Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

[Authorize(Policy = Roles.Editor)]
public class AdminImportController(ImportService imports, Undo undo) : Controller
{
    [HttpGet("/admin/import")]
    public IActionResult Index() => View(new ImportPageViewModel(null, null, 1));

    [HttpPost("/admin/import")]
    [UploadLimit(ImportService.MaxFileBytes * 4)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes * 4)]
    public async Task<IActionResult> Upload(IFormFile? file, bool removeMissing, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to import. The file is empty or missing.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new ImportPageViewModel(null, null, 1));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var name = Path.GetFileName(file.FileName);
        var preview = await imports.PreviewAsync(name.Length > 200 ? name[..200] : name, buffer.ToArray(), User.Identity!.Name!, removeMissing, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Index", new ImportPageViewModel(preview, null, 1));
    }

    /// <summary>A waiting preview again, with another page of one of its lists.</summary>
    [HttpGet("/admin/import/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, ImportChangeKind? group, int page = 1, CancellationToken cancellationToken = default) =>
        !ModelState.IsValid || page < 1
            ? this.ErrorPage(StatusCodes.Status400BadRequest, "The page number is not valid.")
            : await imports.ShowAsync(id, User.Identity!.Name!, cancellationToken) is { } preview
                ? View("Index", new ImportPageViewModel(preview, group, page))
                : NotFound();

    [HttpPost("/admin/import/{id:guid}/apply")]
    public async Task<IActionResult> Apply(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        var typed = int.TryParse(confirm?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var result = await imports.ApplyAsync(id, User.Identity!.Name!, typed, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Errors.Count > 0)
        {
            // Changes alongside an error: the removals were not confirmed, and the preview stays waiting.
            Response.StatusCode = result.Changes.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return View("Index", new ImportPageViewModel(result, null, 1));
        }
        return View("Applied", result);
    }

    [HttpPost("/admin/import/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
    {
        await imports.CancelAsync(id, User.Identity!.Name!, cancellationToken);
        return Redirect("/admin/import");
    }

    /// <summary>Frees the space that waiting previews hold, whoever uploaded them.</summary>
    [HttpPost("/admin/import/pending/clear")]
    [Authorize(Policy = Roles.Admin)]
    public async Task<IActionResult> ClearPending(CancellationToken cancellationToken)
    {
        await imports.ClearAllAsync(cancellationToken);
        return Redirect("/admin/import");
    }

    [HttpGet("/admin/import/{id:guid}/revert")]
    [Authorize(Policy = Roles.Admin)]
    public async Task<IActionResult> ConfirmRevert(Guid id, CancellationToken cancellationToken) =>
        await undo.ImportEntriesAsync(id, cancellationToken) is { Count: > 0 } entries
            ? View("~/Views/AdminAudit/Revert.cshtml", new RevertViewModel($"/admin/import/{id}/revert", entries, null))
            : NotFound();

    [HttpPost("/admin/import/{id:guid}/revert")]
    [Authorize(Policy = Roles.Admin)]
    public async Task<IActionResult> Revert(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await undo.RevertImportAsync(id, User.Identity!.Name!, cancellationToken);
        return outcome.Found ? RevertOutcome(outcome, $"/admin/import/{id}/revert") : NotFound();
    }

    private IActionResult RevertOutcome(RevertOutcome outcome, string action)
    {
        if (outcome.Error is null)
        {
            return Redirect("/admin/audit?source=revert");
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("~/Views/AdminAudit/Revert.cshtml", new RevertViewModel(action, outcome.Entries, outcome.Error));
    }
}

public sealed record ImportPageViewModel(ImportPreview? Preview, ImportChangeKind? Group, int Page)
{
    public const int PageSize = 50;

    public int PageOf(ImportChangeKind kind) => Group == kind ? Page : 1;
}
