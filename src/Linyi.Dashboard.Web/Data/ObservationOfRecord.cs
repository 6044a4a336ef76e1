using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Data;

/// <summary>
/// A row of the <c>observations_of_record</c> table: the observation that <see cref="VintageRule"/> picks for its key. The
/// database keeps the table whenever observations or their documents change (FiguresOfRecordStored migration, ADR 0017),
/// so every write path keeps it alike. A test checks that the table and the rule agree on every key after each kind of write.
/// </summary>
[Keyless]
public class ObservationOfRecord
{
    public long ObservationId { get; set; }

    public int IndicatorId { get; set; }

    public int RegionId { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public ObservationKind Kind { get; set; }
}

public static class ObservationsOfRecord
{
    public const string ViewName = "observations_of_record";

    /// <summary>Only the figures of record: one per indicator, region, period and kind.</summary>
    public static IQueryable<Observation> OfRecord(this IQueryable<Observation> observations, DashboardDbContext db) =>
        observations.Where(o => db.ObservationsOfRecord.Any(r => r.ObservationId == o.Id));
}
