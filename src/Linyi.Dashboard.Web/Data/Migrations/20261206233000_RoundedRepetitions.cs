using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// The figure of record prefers a precise figure over a later rounded repetition of it (4,805.25 over "4,805") of the
    /// same vintage and tier, as <c>VintageRule</c> does. The function that the triggers call is replaced and every key chosen again.
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206233000_RoundedRepetitions")]
    public partial class RoundedRepetitions : Migration
    {
        private const string Tier = "CASE {0}.kind WHEN 'bulletin' THEN 3 WHEN 'stats-release' THEN 3 WHEN 'work-report' THEN 2 WHEN 'gov-notice' THEN 2 WHEN 'news' THEN 1 ELSE 0 END";

        private static string Function(bool rounding) => $"""
            CREATE OR REPLACE FUNCTION refresh_observations_of_record(indicators integer[], regions integer[], starts integer[], ends integer[], kinds text[])
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF indicators IS NULL THEN
                    RETURN;
                END IF;
                PERFORM pg_advisory_xact_lock(hashtext('observations_of_record'));
                DELETE FROM observations_of_record r
                USING (SELECT DISTINCT * FROM unnest(indicators, regions, starts, ends, kinds) AS k (indicator_id, region_id, start_year, end_year, kind)) k
                WHERE (r.indicator_id, r.region_id, r.start_year, r.end_year, r.kind) = (k.indicator_id, k.region_id, k.start_year, k.end_year, k.kind);
                INSERT INTO observations_of_record (indicator_id, region_id, start_year, end_year, kind, observation_id)
                SELECT DISTINCT ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind)
                    o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, o.id
                FROM (SELECT DISTINCT * FROM unnest(indicators, regions, starts, ends, kinds) AS k (indicator_id, region_id, start_year, end_year, kind)) k
                JOIN observations o ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind) = (k.indicator_id, k.region_id, k.start_year, k.end_year, k.kind)
                JOIN documents d ON d.id = o.document_id
                ORDER BY o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind,
                    (o.vintage = 'final') DESC,
                    {string.Format(Tier, "d")} DESC,
                    {(rounding ? $"""
                    EXISTS (
                        SELECT 1 FROM observations p JOIN documents pd ON pd.id = p.document_id
                        WHERE (p.indicator_id, p.region_id, p.start_year, p.end_year, p.kind) = (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind)
                            AND p.id <> o.id AND p.vintage = o.vintage AND {string.Format(Tier, "pd")} = {string.Format(Tier, "d")}
                            AND scale(trim_scale(p.value)) > scale(trim_scale(o.value))
                            AND round(p.value, scale(trim_scale(o.value))) = o.value) ASC,
                    """ : "")}
                    d.published_on COLLATE "C" DESC, o.id DESC;
            END $$;

            SELECT refresh_observations_of_record(array_agg(indicator_id), array_agg(region_id), array_agg(start_year), array_agg(end_year), array_agg(kind::text))
            FROM (SELECT DISTINCT indicator_id, region_id, start_year, end_year, kind FROM observations) keys;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(rounding: true));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(rounding: false));
    }
}
