using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record AuditViewModel(IReadOnlyList<AuditEntry> Entries, string? User, string? Entity, string? Key, AuditAction? Action, ChangeSource? Source, Guid? Import, int Page, bool HasMore);

[Authorize(Policy = Roles.Editor)]
public class AdminAuditController(DashboardDbContext db) : Controller
{
    private const int PageSize = 100;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(string? user, string? entity, string? key, AuditAction? operation, ChangeSource? source, Guid? import, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid || page < 1 || (user?.Length ?? 0) > 256 || (entity?.Length ?? 0) > 32 || (key?.Length ?? 0) > 256
            || new[] { user, entity, key }.Any(v => v is not null && v.Any(char.IsControl)))
        {
            return this.ErrorPage(StatusCodes.Status400BadRequest, "The audit filter is not valid.");
        }
        var query = db.AuditEntries.AsNoTracking();
        query = user is null ? query : query.Where(a => a.UserName == user);
        query = entity is null ? query : query.Where(a => a.Entity == entity);
        query = key is null ? query : query.Where(a => a.EntityKey.Contains(key));
        query = operation is null ? query : query.Where(a => a.Action == operation);
        query = source is null ? query : query.Where(a => a.Source == source);
        query = import is null ? query : query.Where(a => a.ImportId == import);
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return View(new AuditViewModel(entries.Take(PageSize).ToList(), user, entity, key, operation, source, import, page, entries.Count > PageSize));
    }
}
