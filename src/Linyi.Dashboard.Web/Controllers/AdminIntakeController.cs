using Linyi.Dashboard.Intake;
using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Intake;
using Linyi.Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

/// <summary>Report intake: paste or upload a report, review the figures found in it, and apply them through the import.</summary>
[Authorize(Policy = Roles.Editor)]
public class AdminIntakeController(Data.DashboardDbContext db, AdminReference reference, ImportService imports, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : Controller
{
    private readonly IntakeService intake = new(db, reference, imports, options);

    private const long UploadBytes = DocumentReader.MaxBytes + 256 * 1024;

    [HttpGet("/admin/intake")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new IntakeFormViewModel(new IntakeDocumentForm(), "", await intake.ChoicesAsync(cancellationToken), []));

    [HttpPost("/admin/intake")]
    [UploadLimit(UploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadBytes, ValueLengthLimit = IntakeService.MaxTextChars * 4)]
    public async Task<IActionResult> Read([FromForm] IntakeDocumentForm document, string? text, IFormFile? file, CancellationToken cancellationToken)
    {
        var errors = await intake.CheckDocumentAsync(document, cancellationToken);
        string? content = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > DocumentReader.MaxBytes)
            {
                errors.Add(IntakeMessage.Of(DocumentReader.TooLarge(file.Length)));
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellationToken);
                try
                {
                    content = DocumentReader.Read(Path.GetFileName(file.FileName), buffer.ToArray()).Text;
                }
                catch (IntakeException ex)
                {
                    errors.Add(IntakeMessage.Of(ex));
                }
            }
        }
        else if (file is not null)
        {
            errors.Add(IntakeMessage.Of(DocumentReader.Empty()));
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            content = text.Length > IntakeService.MaxTextChars ? null : text;
            if (content is null)
            {
                errors.Add(IntakeMessage.Of(DocumentReader.TooLarge(text.Length * 3L)));
            }
        }
        else
        {
            errors.Add(new IntakeMessage("Paste the report's text or choose a file."));
        }
        if (content is not null && content.Length > IntakeService.MaxTextChars)
        {
            errors.Add(IntakeMessage.Of(DocumentReader.TooLarge(content.Length * 3L)));
            content = null;
        }
        if (errors.Count > 0 || content is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new IntakeFormViewModel(document, text ?? "", await intake.ChoicesAsync(cancellationToken), errors));
        }
        var review = await intake.ReviewAsync(document, content, cancellationToken);
        return View("Review", review);
    }

    [HttpPost("/admin/intake/apply")]
    [RequestFormLimits(ValueCountLimit = IntakeService.MaxProposals * 20 + 100, ValueLengthLimit = IntakeService.MaxTextChars * 4)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Apply([FromForm] IntakeDocumentForm document, [FromForm] List<IntakeRowForm> rows, string? text, bool acceptMatched, CancellationToken cancellationToken)
    {
        rows = [.. rows.Take(IntakeService.MaxProposals)];
        if (acceptMatched)
        {
            IntakeService.AcceptMatched(rows);
        }
        var errors = await intake.CheckDocumentAsync(document, cancellationToken);
        errors.AddRange(IntakeService.CheckRows(rows));
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var paragraphs = Layout.Read(text ?? "").Paragraphs;
            return View("Review", new IntakeReview(document, rows, paragraphs, text ?? "", await intake.ChoicesAsync(cancellationToken), errors));
        }
        var preview = await intake.PreviewAsync(document, rows, User.Identity!.Name!, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("~/Views/AdminImport/Index.cshtml", new ImportPageViewModel(preview, null, 1));
    }

}

public sealed record IntakeFormViewModel(IntakeDocumentForm Document, string Text, IntakeChoices Choices, IReadOnlyList<IntakeMessage> Errors);
