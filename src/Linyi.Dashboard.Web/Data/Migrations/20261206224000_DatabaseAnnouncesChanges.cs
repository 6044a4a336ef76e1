using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// The database bumps the data version and notifies <c>data_version</c> itself, once per transaction that writes any
    /// table a page reads, so a change made with psql or another tool reaches every cache as an edit in the app does.
    /// ADR 0021.
    /// </summary>
    /// <remarks>SQL only: the model is unchanged, so there is no target-model designer file.</remarks>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261206224000_DatabaseAnnouncesChanges")]
    public partial class DatabaseAnnouncesChanges : Migration
    {
        private static readonly string[] PageTables = ["units", "documents", "categories", "regions", "indicators", "observations", "milestones"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The writers' advisory lock (the one the figures of record take) comes before the version row's lock, so two
            // writers always take them in the same order. The marker keeps it to one bump per transaction.
            migrationBuilder.Sql("""
                CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    bumped bigint;
                BEGIN
                    IF current_setting('linyi.data_version_bumped', true) = txid_current()::text THEN
                        RETURN NULL;
                    END IF;
                    PERFORM set_config('linyi.data_version_bumped', txid_current()::text, true);
                    PERFORM pg_advisory_xact_lock(hashtext('observations_of_record'));
                    INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, now())
                    ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1, changed_at = now()
                    RETURNING version INTO bumped;
                    PERFORM pg_notify('data_version', bumped::text);
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in PageTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in PageTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_bump_data_version ON {table};");
            }
            migrationBuilder.Sql("DROP FUNCTION bump_data_version();");
        }
    }
}
