using Linyi.Dashboard.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linyi.Dashboard.Web.Data;

/// <summary>
/// A row of the <c>observations_of_record</c> view (created by the SourcesAndVintages migration): the observation that
/// <see cref="VintageRule"/> picks for its key. A test checks that the view and the rule agree on every key.
/// </summary>
[Keyless]
public class ObservationOfRecord
{
    public long ObservationId { get; set; }
}

public static class ObservationsOfRecord
{
    public const string ViewName = "observations_of_record";

    /// <summary>Only the figures of record: one per indicator, region, period and kind.</summary>
    public static IQueryable<Observation> OfRecord(this IQueryable<Observation> observations, DashboardDbContext db) =>
        observations.Where(o => db.ObservationsOfRecord.Any(r => r.ObservationId == o.Id));
}
