using Linyi.Dashboard.Web.Data;
using Linyi.Dashboard.Web.Domain;
using Linyi.Dashboard.Web.Features.Admin;
using Linyi.Dashboard.Web.Features.Worksheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Controllers;

public sealed record AdminHomeViewModel(int Observations, int Indicators, int Milestones, long DataVersion, AuditTable Recent)
{
    /// <summary>What is due now: results the worksheet asks for this year, goals missing up to next year, figures of record still preliminary.</summary>
    public DueNow Due { get; init; } = new(0, 0, 0, 0);
}

public sealed record DueNow(int Year, int ResultsDue, int GoalsMissing, int Preliminary);

[Authorize(Policy = Roles.Editor)]
public class AdminController(DashboardDbContext db, AuditPresenter presenter, WorksheetQueries worksheets) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new AdminHomeViewModel(
        await db.Observations.CountAsync(cancellationToken),
        await db.Indicators.CountAsync(cancellationToken),
        await db.Milestones.CountAsync(cancellationToken),
        (await db.DataVersionAsync(cancellationToken)).Version,
        new AuditTable(await presenter.LinesAsync(
            await db.AuditEntries.AsNoTracking().Where(a => a.Source != ChangeSource.Seed).OrderByDescending(a => a.Id).Take(10).ToListAsync(cancellationToken), cancellationToken),
            User.IsInRole(Roles.Admin)))
    {
        Due = new DueNow(worksheets.ThisYear,
            (await worksheets.RowsAsync(WorksheetKind.Results, null, null, worksheets.ThisYear, cancellationToken)).Count,
            (await worksheets.TargetRowsAsync(null, null, null, cancellationToken)).Count,
            await db.Observations.OfRecord(db).CountAsync(o => o.Vintage == Vintage.Preliminary, cancellationToken)),
    });
}
