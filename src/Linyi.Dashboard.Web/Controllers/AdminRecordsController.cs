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
    public async Task<IActionResult> Indicators(int page = 1, CancellationToken cancellationToken = default) =>
        AdminPage<RecordListItem>.Valid(page) ? View("List", new RecordListViewModel("indicators", await editors.IndicatorsAsync(page, cancellationToken), null)) : BadPage();

    [HttpGet("/admin/milestones")]
    public async Task<IActionResult> Milestones(int page = 1, CancellationToken cancellationToken = default) =>
        AdminPage<RecordListItem>.Valid(page) ? View("List", new RecordListViewModel("milestones", await editors.MilestonesAsync(page, cancellationToken), null)) : BadPage();

    private IActionResult BadPage() => this.ErrorPage(StatusCodes.Status400BadRequest, new Sentence("The page number is not valid."));

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
            : await InvalidAsync("indicators", id, values, await editors.IndicatorFieldsAsync(cancellationToken), cancellationToken);
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
            : await InvalidAsync("milestones", id, values, await editors.MilestoneFieldsAsync(cancellationToken), cancellationToken);
    }

    [HttpPost("/admin/milestones/{id:int}/delete")]
    public async Task<IActionResult> DeleteMilestone(int id, CancellationToken cancellationToken) =>
        await editors.DeleteMilestoneAsync(id, User.Identity!.Name!, cancellationToken) ? Redirect("/admin/milestones") : NotFound();

    [HttpGet("/admin/documents")]
    public async Task<IActionResult> Documents(int page = 1, CancellationToken cancellationToken = default) =>
        AdminPage<RecordListItem>.Valid(page) ? View("List", new RecordListViewModel("documents", await editors.DocumentsAsync(page, cancellationToken), null)) : BadPage();

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
            : await InvalidAsync("documents", id, values, RecordEditors.DocumentFields(), cancellationToken);
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
        return View("List", new RecordListViewModel("documents", await editors.DocumentsAsync(1, cancellationToken), citing));
    }

    private Dictionary<string, string?> Values(IReadOnlyList<FieldSpec> fields) =>
        fields.Select(f => f.Column).Append("version").ToDictionary(c => c, c => Request.Form.TryGetValue(c, out var v) ? (string?)v.ToString() : null);

    private ViewResult Form(string kind, int? id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldSpec> fields, IReadOnlyDictionary<string, string?>? theirs = null) =>
        View("Edit", new RecordFormViewModel(
            (id is null ? "Add " : "Edit ") + kind switch { "indicators" => "an indicator", "documents" => "a source document", _ => "a milestone" },
            $"/admin/{kind}/save" + (id is null ? "" : $"?id={id}"), $"/admin/{kind}", fields, values,
            uint.TryParse((theirs ?? values).GetValueOrDefault("version"), out var version) ? version : null, theirs));

    /// <summary>A refused save shows the form again; after a conflict it also shows their version, and saving again keeps these values.</summary>
    private async Task<ViewResult> InvalidAsync(string kind, int? id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldSpec> fields, CancellationToken cancellationToken)
    {
        var theirs = FormFields.IsConflict(ModelState) && id is { } existing
            ? kind switch
            {
                "indicators" => await editors.IndicatorValuesAsync(existing, cancellationToken),
                "documents" => await editors.DocumentValuesAsync(existing, cancellationToken),
                _ => await editors.MilestoneValuesAsync(existing, cancellationToken),
            }
            : null;
        Response.StatusCode = theirs is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Form(kind, id, values, fields, theirs);
    }

    [HttpGet("/admin/{kind:regex(^(indicators|milestones|documents)$)}/{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(string kind, int id, CancellationToken cancellationToken) =>
        await editors.LabelAsync(kind, id, cancellationToken) is { } label
            ? View("Delete", new DeleteViewModel(label, $"/admin/{kind}/{id}/delete", $"/admin/{kind}"))
            : NotFound();
}
