using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linyi.Dashboard.Web.Controllers;

/// <summary>Indicators, milestones and source documents: list, add, edit, delete (a document only when nothing cites it).</summary>
[Authorize(Policy = Roles.Editor)]
public class AdminRecordsController(RecordEditors editors) : Controller
{
    [HttpGet("/admin/indicators")]
    public async Task<IActionResult> Indicators(CancellationToken cancellationToken) =>
        View("List", ("indicators", (IReadOnlyList<RecordListItem>)await editors.IndicatorsAsync(cancellationToken), (int?)null));

    [HttpGet("/admin/milestones")]
    public async Task<IActionResult> Milestones(CancellationToken cancellationToken) =>
        View("List", ("milestones", (IReadOnlyList<RecordListItem>)await editors.MilestonesAsync(cancellationToken), (int?)null));

    [HttpGet("/admin/indicators/new")]
    public async Task<IActionResult> NewIndicator(CancellationToken cancellationToken) =>
        Form("indicators", null, new Dictionary<string, string?> { ["measure"] = "level", ["direction"] = "higher", ["precision"] = "1", ["chart"] = "bar" }, await editors.IndicatorFieldsAsync(cancellationToken));

    [HttpGet("/admin/indicators/{id:int}/edit")]
    public async Task<IActionResult> EditIndicator(int id, CancellationToken cancellationToken) =>
        await editors.IndicatorValuesAsync(id, cancellationToken) is { } values ? Form("indicators", id, values, await editors.IndicatorFieldsAsync(cancellationToken)) : NotFound();

    [HttpPost("/admin/indicators/save")]
    public async Task<IActionResult> SaveIndicator(int? id, CancellationToken cancellationToken)
    {
        var values = Values(await editors.IndicatorFieldsAsync(cancellationToken));
        return await editors.SaveIndicatorAsync(id, values, User.Identity!.Name!, ModelState, cancellationToken)
            ? Redirect($"/indicators/{values["code"]}")
            : Invalid("indicators", id, values, await editors.IndicatorFieldsAsync(cancellationToken));
    }

    [HttpPost("/admin/indicators/{id:int}/delete")]
    public async Task<IActionResult> DeleteIndicator(int id, CancellationToken cancellationToken) =>
        await editors.DeleteIndicatorAsync(id, User.Identity!.Name!, cancellationToken) ? Redirect("/admin/indicators") : NotFound();

    [HttpGet("/admin/milestones/new")]
    public async Task<IActionResult> NewMilestone(CancellationToken cancellationToken) =>
        Form("milestones", null, new Dictionary<string, string?> { ["kind"] = "project" }, await editors.MilestoneFieldsAsync(cancellationToken));

    [HttpGet("/admin/milestones/{id:int}/edit")]
    public async Task<IActionResult> EditMilestone(int id, CancellationToken cancellationToken) =>
        await editors.MilestoneValuesAsync(id, cancellationToken) is { } values ? Form("milestones", id, values, await editors.MilestoneFieldsAsync(cancellationToken)) : NotFound();

    [HttpPost("/admin/milestones/save")]
    public async Task<IActionResult> SaveMilestone(int? id, CancellationToken cancellationToken)
    {
        var values = Values(await editors.MilestoneFieldsAsync(cancellationToken));
        return await editors.SaveMilestoneAsync(id, values, User.Identity!.Name!, ModelState, cancellationToken)
            ? Redirect($"/regions/{values["region"]}")
            : Invalid("milestones", id, values, await editors.MilestoneFieldsAsync(cancellationToken));
    }

    [HttpPost("/admin/milestones/{id:int}/delete")]
    public async Task<IActionResult> DeleteMilestone(int id, CancellationToken cancellationToken) =>
        await editors.DeleteMilestoneAsync(id, User.Identity!.Name!, cancellationToken) ? Redirect("/admin/milestones") : NotFound();

    [HttpGet("/admin/documents")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken) =>
        View("List", ("documents", (IReadOnlyList<RecordListItem>)await editors.DocumentsAsync(cancellationToken), (int?)null));

    [HttpGet("/admin/documents/new")]
    public IActionResult NewDocument() =>
        Form("documents", null, new Dictionary<string, string?> { ["kind"] = "news" }, RecordEditors.DocumentFields());

    [HttpGet("/admin/documents/{id:int}/edit")]
    public async Task<IActionResult> EditDocument(int id, CancellationToken cancellationToken) =>
        await editors.DocumentValuesAsync(id, cancellationToken) is { } values ? Form("documents", id, values, RecordEditors.DocumentFields()) : NotFound();

    [HttpPost("/admin/documents/save")]
    public async Task<IActionResult> SaveDocument(int? id, CancellationToken cancellationToken)
    {
        var values = Values(RecordEditors.DocumentFields());
        return await editors.SaveDocumentAsync(id, values, User.Identity!.Name!, ModelState, cancellationToken)
            ? Redirect("/admin/documents")
            : Invalid("documents", id, values, RecordEditors.DocumentFields());
    }

    [HttpPost("/admin/documents/{id:int}/delete")]
    public async Task<IActionResult> DeleteDocument(int id, CancellationToken cancellationToken)
    {
        var citing = await editors.DeleteDocumentAsync(id, User.Identity!.Name!, cancellationToken);
        if (citing is null)
        {
            return NotFound();
        }
        if (citing == 0)
        {
            return Redirect("/admin/documents");
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("List", ("documents", (IReadOnlyList<RecordListItem>)await editors.DocumentsAsync(cancellationToken), (int?)citing));
    }

    private Dictionary<string, string?> Values(IReadOnlyList<FieldSpec> fields) =>
        fields.ToDictionary(f => f.Column, f => Request.Form.TryGetValue(f.Column, out var v) ? (string?)v.ToString() : null);

    private ViewResult Form(string kind, int? id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldSpec> fields) =>
        View("Edit", new RecordFormViewModel(
            (id is null ? "Add " : "Edit ") + kind switch { "indicators" => "an indicator", "documents" => "a source document", _ => "a milestone" },
            $"/admin/{kind}/save" + (id is null ? "" : $"?id={id}"), $"/admin/{kind}", fields, values));

    private ViewResult Invalid(string kind, int? id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldSpec> fields)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Form(kind, id, values, fields);
    }
}
