using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

[Authorize(Policy = Roles.Editor)]
public class AdminImportController(ImportService imports) : Controller
{
    [HttpGet("/admin/import")]
    public IActionResult Index() => View((ImportPreview?)null);

    [HttpPost("/admin/import")]
    [UploadLimit(ImportService.MaxFileBytes * 4)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFileBytes * 4)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to import. The file is empty or missing.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", (ImportPreview?)null);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var name = Path.GetFileName(file.FileName);
        var preview = await imports.PreviewAsync(name.Length > 200 ? name[..200] : name, buffer.ToArray(), User.Identity!.Name!, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Index", preview);
    }

    [HttpPost("/admin/import/{id:guid}/apply")]
    public async Task<IActionResult> Apply(Guid id, CancellationToken cancellationToken)
    {
        var result = await imports.ApplyAsync(id, User.Identity!.Name!, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", result);
        }
        return View("Applied", result);
    }

    [HttpPost("/admin/import/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
    {
        await imports.CancelAsync(id, User.Identity!.Name!, cancellationToken);
        return Redirect("/admin/import");
    }
}
