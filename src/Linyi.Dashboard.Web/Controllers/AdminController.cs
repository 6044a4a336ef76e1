using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record AdminHomeViewModel(int Observations, int Indicators, int Milestones, long DataVersion, AuditTable Recent);

[Authorize(Policy = Roles.Editor)]
public class AdminController(DashboardDbContext db, AuditPresenter presenter) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new AdminHomeViewModel(
        await db.Observations.CountAsync(cancellationToken),
        await db.Indicators.CountAsync(cancellationToken),
        await db.Milestones.CountAsync(cancellationToken),
        (await db.DataVersions.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Version ?? 0,
        new AuditTable(await presenter.LinesAsync(
            await db.AuditEntries.AsNoTracking().Where(a => a.Source != ChangeSource.Seed).OrderByDescending(a => a.Id).Take(10).ToListAsync(cancellationToken), cancellationToken),
            User.IsInRole(Roles.Admin))));
}
