using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// The figures of record become a table kept by triggers instead of a view that ranked every report of every figure on
    /// each read. Reads filter it through indexes; every write path (seed, form, import, revert, a document's kind or date
    /// changing) keeps it by the same rule as <c>VintageRule</c>, because the database does it for all of them. ADR 0017.
    /// </summary>
    public partial class FiguresOfRecordStored : Migration
    {
        /// <summary>VintageRule's order: final first, then the source's tier, the newer publication, the later entry.</summary>
        private const string RuleOrder = """
            (o.vintage = 'final') DESC,
            CASE d.kind WHEN 'bulletin' THEN 3 WHEN 'stats-release' THEN 3 WHEN 'work-report' THEN 2 WHEN 'gov-notice' THEN 2 WHEN 'news' THEN 1 ELSE 0 END DESC,
            d.published_on COLLATE "C" DESC, o.id DESC
            """;

        private const string Key = "indicator_id, region_id, start_year, end_year, kind";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW observations_of_record");
            migrationBuilder.Sql($"""
                CREATE TABLE observations_of_record (
                    indicator_id integer NOT NULL,
                    region_id integer NOT NULL,
                    start_year integer NOT NULL,
                    end_year integer NOT NULL,
                    kind character varying(16) NOT NULL,
                    observation_id bigint NOT NULL UNIQUE REFERENCES observations (id) ON DELETE CASCADE,
                    PRIMARY KEY ({Key}));

                INSERT INTO observations_of_record ({Key}, observation_id)
                SELECT DISTINCT ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind)
                    o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, o.id
                FROM observations o JOIN documents d ON d.id = o.document_id
                ORDER BY o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, {RuleOrder};
                """);

            // Chooses the figure of record again for the given keys. Writers of figures take one transaction-wide lock
            // first, so that two transactions reporting the same figure at once cannot each choose without the other's
            // report: the second waits, and its statements then see the first's rows. Readers never wait.
            migrationBuilder.Sql($"""
                CREATE FUNCTION refresh_observations_of_record(indicators integer[], regions integer[], starts integer[], ends integer[], kinds text[])
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF indicators IS NULL THEN
                        RETURN;
                    END IF;
                    PERFORM pg_advisory_xact_lock(hashtext('observations_of_record'));
                    DELETE FROM observations_of_record r
                    USING (SELECT DISTINCT * FROM unnest(indicators, regions, starts, ends, kinds) AS k (indicator_id, region_id, start_year, end_year, kind)) k
                    WHERE (r.indicator_id, r.region_id, r.start_year, r.end_year, r.kind) = (k.indicator_id, k.region_id, k.start_year, k.end_year, k.kind);
                    INSERT INTO observations_of_record ({Key}, observation_id)
                    SELECT DISTINCT ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind)
                        o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, o.id
                    FROM (SELECT DISTINCT * FROM unnest(indicators, regions, starts, ends, kinds) AS k (indicator_id, region_id, start_year, end_year, kind)) k
                    JOIN observations o ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind) = (k.indicator_id, k.region_id, k.start_year, k.end_year, k.kind)
                    JOIN documents d ON d.id = o.document_id
                    ORDER BY o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, {RuleOrder};
                END $$;

                CREATE FUNCTION observations_of_record_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM refresh_observations_of_record(array_agg(indicator_id), array_agg(region_id), array_agg(start_year), array_agg(end_year), array_agg(kind::text))
                        FROM new_rows;
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM refresh_observations_of_record(array_agg(indicator_id), array_agg(region_id), array_agg(start_year), array_agg(end_year), array_agg(kind::text))
                        FROM old_rows;
                    ELSE
                        PERFORM refresh_observations_of_record(array_agg(indicator_id), array_agg(region_id), array_agg(start_year), array_agg(end_year), array_agg(kind::text))
                        FROM (SELECT {Key} FROM old_rows UNION ALL SELECT {Key} FROM new_rows) changed;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER observations_of_record_insert AFTER INSERT ON observations
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observations_of_record_sync();
                CREATE TRIGGER observations_of_record_update AFTER UPDATE ON observations
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observations_of_record_sync();
                CREATE TRIGGER observations_of_record_delete AFTER DELETE ON observations
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION observations_of_record_sync();

                -- A document's kind or date decides between reports, so changing it can change the figures of record.
                CREATE FUNCTION observations_of_record_document_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM refresh_observations_of_record(array_agg(indicator_id), array_agg(region_id), array_agg(start_year), array_agg(end_year), array_agg(kind::text))
                    FROM observations WHERE document_id = NEW.id;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER observations_of_record_document AFTER UPDATE OF kind, published_on ON documents
                    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.published_on IS DISTINCT FROM NEW.published_on)
                    EXECUTE FUNCTION observations_of_record_document_sync();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER observations_of_record_document ON documents;
                DROP TRIGGER observations_of_record_insert ON observations;
                DROP TRIGGER observations_of_record_update ON observations;
                DROP TRIGGER observations_of_record_delete ON observations;
                DROP FUNCTION observations_of_record_document_sync();
                DROP FUNCTION observations_of_record_sync();
                DROP FUNCTION refresh_observations_of_record(integer[], integer[], integer[], integer[], text[]);
                DROP TABLE observations_of_record;
                """);
            migrationBuilder.Sql($"""
                CREATE VIEW observations_of_record AS
                SELECT DISTINCT ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind) o.id AS observation_id
                FROM observations o JOIN documents d ON d.id = o.document_id
                ORDER BY o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind, {RuleOrder}
                """);
        }
    }
}
