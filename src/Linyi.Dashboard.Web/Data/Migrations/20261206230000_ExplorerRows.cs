using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// The explorer's and the API's rows, one narrow row per report with the names and sort keys it is filtered and ordered
    /// by, kept by triggers like the figures of record, with one index per sort, so that PostgreSQL pages them without
    /// joins or a sort of every match. ADR 0022.
    /// </summary>
    /// <remarks>SQL only: the model is unchanged, so there is no target-model designer file.</remarks>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206230000_ExplorerRows")]
    public partial class ExplorerRows : Migration
    {
        private const string Columns = """
            observation_id, indicator_code, category_slug, category_sort, region_slug, region_admin_code, region_outside,
            document_code, start_year, end_year, kind, value, of_record
            """;

        private const string Select = """
            SELECT o.id, i.code, c.slug, c.sort_order, r.slug, r.admin_code, r.kind = 'outside',
                d.code, o.start_year, o.end_year, o.kind, o.value, EXISTS (SELECT 1 FROM observations_of_record f WHERE f.observation_id = o.id)
            FROM {0} o
            JOIN indicators i ON i.id = o.indicator_id
            JOIN categories c ON c.id = i.category_id
            JOIN regions r ON r.id = o.region_id
            JOIN documents d ON d.id = o.document_id
            """;

        /// <summary>Each sort's keys, then the tie-break; a descending page reads the same index backwards.</summary>
        private static readonly (string Name, string Keys)[] Sorts =
        [
            ("indicator", "category_sort, indicator_code, region_slug, end_year, kind, observation_id"),
            ("region", "region_admin_code, region_slug, indicator_code, end_year, kind, observation_id"),
            ("period", "end_year, start_year, indicator_code, region_slug, kind, observation_id"),
            ("kind", "kind, indicator_code, region_slug, end_year, observation_id"),
            ("value", "value, indicator_code, region_slug, end_year, kind, observation_id"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE explorer_rows (
                    observation_id bigint PRIMARY KEY REFERENCES observations (id) ON DELETE CASCADE,
                    indicator_code character varying(64) NOT NULL,
                    category_slug character varying(32) NOT NULL,
                    category_sort integer NOT NULL,
                    region_slug character varying(32) NOT NULL,
                    region_admin_code character(6),
                    region_outside boolean NOT NULL,
                    document_code character varying(32) NOT NULL,
                    start_year integer NOT NULL,
                    end_year integer NOT NULL,
                    kind character varying(16) NOT NULL,
                    value numeric NOT NULL,
                    of_record boolean NOT NULL);

                INSERT INTO explorer_rows ({Columns})
                {string.Format(Select, "observations")};

                CREATE FUNCTION explorer_rows_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        DELETE FROM explorer_rows WHERE observation_id IN (SELECT id FROM old_rows);
                    END IF;
                    INSERT INTO explorer_rows ({Columns})
                    {string.Format(Select, "new_rows")};
                    RETURN NULL;
                END $$;

                -- Named to run before the figures of record are chosen again, whose own changes then set of_record.
                CREATE TRIGGER explorer_rows_insert AFTER INSERT ON observations
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_sync();
                CREATE TRIGGER explorer_rows_update AFTER UPDATE ON observations
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_sync();

                CREATE FUNCTION explorer_rows_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        UPDATE explorer_rows SET of_record = true WHERE observation_id IN (SELECT observation_id FROM new_rows);
                    ELSE
                        UPDATE explorer_rows SET of_record = false WHERE observation_id IN (SELECT observation_id FROM old_rows);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER explorer_rows_of_record_insert AFTER INSERT ON observations_of_record
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_of_record();
                CREATE TRIGGER explorer_rows_of_record_delete AFTER DELETE ON observations_of_record
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_of_record();

                -- A renamed code or slug, a new sort order or a region's kind: every row takes its names again.
                CREATE FUNCTION explorer_rows_names() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE explorer_rows e
                    SET indicator_code = i.code, category_slug = c.slug, category_sort = c.sort_order, region_slug = r.slug,
                        region_admin_code = r.admin_code, region_outside = r.kind = 'outside', document_code = d.code
                    FROM observations o
                    JOIN indicators i ON i.id = o.indicator_id
                    JOIN categories c ON c.id = i.category_id
                    JOIN regions r ON r.id = o.region_id
                    JOIN documents d ON d.id = o.document_id
                    WHERE e.observation_id = o.id
                      AND (e.indicator_code, e.category_slug, e.category_sort, e.region_slug, e.region_admin_code, e.region_outside, e.document_code)
                          IS DISTINCT FROM (i.code, c.slug, c.sort_order, r.slug, r.admin_code, r.kind = 'outside', d.code);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER explorer_rows_names AFTER UPDATE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_names();
                CREATE TRIGGER explorer_rows_names AFTER UPDATE ON categories FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_names();
                CREATE TRIGGER explorer_rows_names AFTER UPDATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_names();
                CREATE TRIGGER explorer_rows_names AFTER UPDATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION explorer_rows_names();
                """);
            foreach (var (name, keys) in Sorts)
            {
                migrationBuilder.Sql($"""
                    CREATE INDEX ix_explorer_rows_{name} ON explorer_rows ({keys}) WHERE of_record;
                    CREATE INDEX ix_explorer_rows_{name}_history ON explorer_rows ({keys});
                    """);
            }
            migrationBuilder.Sql("ANALYZE explorer_rows;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER explorer_rows_names ON indicators;
                DROP TRIGGER explorer_rows_names ON categories;
                DROP TRIGGER explorer_rows_names ON regions;
                DROP TRIGGER explorer_rows_names ON documents;
                DROP TRIGGER explorer_rows_insert ON observations;
                DROP TRIGGER explorer_rows_update ON observations;
                DROP TRIGGER explorer_rows_of_record_insert ON observations_of_record;
                DROP TRIGGER explorer_rows_of_record_delete ON observations_of_record;
                DROP FUNCTION explorer_rows_names();
                DROP FUNCTION explorer_rows_of_record();
                DROP FUNCTION explorer_rows_sync();
                DROP TABLE explorer_rows;
                """);
        }
    }
}
