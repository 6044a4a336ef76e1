using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record AuditViewModel(IReadOnlyList<AuditLine> Entries, AuditFilter Filter, EditChoices Choices, IReadOnlyList<string> People, int Page, bool HasMore, bool CanRevert);

/// <summary>The audit trail's filters; dates are Beijing dates.</summary>
public sealed class AuditFilter
{
    public string? User { get; set; }
    public string? Entity { get; set; }
    public string? Key { get; set; }
    public string? Indicator { get; set; }
    public string? Document { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public AuditAction? Operation { get; set; }
    public ChangeSource? Source { get; set; }
    public Guid? Import { get; set; }
}

[Authorize(Policy = Roles.Editor)]
public class AdminAuditController(DashboardDbContext db, AuditPresenter presenter, AdminReference reference, Undo undo) : Controller
{
    private const int PageSize = 100;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var texts = new[] { filter.User, filter.Entity, filter.Key, filter.Indicator, filter.Document };
        if (!ModelState.IsValid || page < 1 || page > int.MaxValue / PageSize || texts.Any(v => v is not null && (v.Length > 256 || v.Any(char.IsControl))))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "The audit filter is not valid.");
        }
        var entries = await Filtered(filter).OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var people = await db.AuditEntries.AsNoTracking().Where(a => a.Source != ChangeSource.Seed).Select(a => a.UserName).Distinct().OrderBy(u => u).Take(200).ToListAsync(cancellationToken);
        return View(new AuditViewModel(await presenter.LinesAsync(entries.Take(PageSize).ToList(), cancellationToken), filter,
            await reference.ChoicesAsync(cancellationToken), people, page, entries.Count > PageSize, User.IsInRole(Roles.Admin)));
    }

    [HttpGet("/admin/audit/{id:long}/revert")]
    [Authorize(Policy = Roles.Admin)]
    public async Task<IActionResult> ConfirmRevert(long id, CancellationToken cancellationToken) =>
        await undo.EntryAsync(id, cancellationToken) is { Count: > 0 } entries
            ? View("Revert", new RevertViewModel($"/admin/audit/{id}/revert", entries, null))
            : NotFound();

    [HttpPost("/admin/audit/{id:long}/revert")]
    [Authorize(Policy = Roles.Admin)]
    public async Task<IActionResult> Revert(long id, CancellationToken cancellationToken)
    {
        var outcome = await undo.RevertEntryAsync(id, User.Identity!.Name!, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.Error is null)
        {
            return Redirect("/admin/audit?source=revert");
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Revert", new RevertViewModel($"/admin/audit/{id}/revert", outcome.Entries, outcome.Error));
    }

    /// <summary>The indicator and the document are chosen by name and matched on the entry's key (indicator/region/period/kind@document).</summary>
    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        query = f.User is null ? query : query.Where(a => a.UserName == f.User);
        query = f.Entity is null ? query : query.Where(a => a.Entity == f.Entity);
        query = f.Key is null ? query : query.Where(a => a.EntityKey.Contains(f.Key));
        query = f.Indicator is null ? query : query.Where(a => (a.Entity == "observation" && a.EntityKey.StartsWith(f.Indicator + "/")) || (a.Entity == "indicator" && a.EntityKey == f.Indicator));
        query = f.Document is null ? query : query.Where(a => (a.Entity == "observation" && a.EntityKey.EndsWith("@" + f.Document)) || (a.Entity == "document" && a.EntityKey == f.Document));
        if (f.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), AuditPresenter.ChinaOffset).ToUniversalTime();
            query = query.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), AuditPresenter.ChinaOffset).ToUniversalTime();
            query = query.Where(a => a.At < end);
        }
        query = f.Operation is null ? query : query.Where(a => a.Action == f.Operation);
        query = f.Source is null ? query : query.Where(a => a.Source == f.Source);
        return f.Import is null ? query : query.Where(a => a.ImportId == f.Import);
    }
}
