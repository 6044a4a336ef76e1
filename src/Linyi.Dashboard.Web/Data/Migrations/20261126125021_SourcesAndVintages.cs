using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourcesAndVintages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_observations_indicator_id_region_id_start_year_end_year_kind",
                table: "observations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_kind",
                table: "documents");

            migrationBuilder.AddColumn<string>(
                name: "vintage",
                table: "observations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "final");

            migrationBuilder.AlterColumn<string>(
                name: "source_file",
                table: "documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AddColumn<string>(
                name: "reliability",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "url",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_observations_indicator_id_region_id_start_year_end_year_kin",
                table: "observations",
                columns: new[] { "indicator_id", "region_id", "start_year", "end_year", "kind", "document_id" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_observations_vintage",
                table: "observations",
                sql: "vintage IN ('preliminary', 'final')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_kind",
                table: "documents",
                sql: "kind IN ('work-report', 'bulletin', 'stats-release', 'gov-notice', 'news', 'repost')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_url",
                table: "documents",
                sql: "url IS NULL OR url ~ '^https?://[^[:space:]]+$'");

            // The figures of record: for each indicator, region, period and kind, the report VintageRule picks.
            migrationBuilder.Sql("""
                CREATE VIEW observations_of_record AS
                SELECT DISTINCT ON (o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind) o.id AS observation_id
                FROM observations o JOIN documents d ON d.id = o.document_id
                ORDER BY o.indicator_id, o.region_id, o.start_year, o.end_year, o.kind,
                    (o.vintage = 'final') DESC,
                    CASE d.kind WHEN 'bulletin' THEN 3 WHEN 'stats-release' THEN 3 WHEN 'work-report' THEN 2 WHEN 'gov-notice' THEN 2 WHEN 'news' THEN 1 ELSE 0 END DESC,
                    d.published_on COLLATE "C" DESC, o.id DESC
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW observations_of_record");

            migrationBuilder.DropIndex(
                name: "ix_observations_indicator_id_region_id_start_year_end_year_kin",
                table: "observations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_observations_vintage",
                table: "observations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_kind",
                table: "documents");

            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_url",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "vintage",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "reliability",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "url",
                table: "documents");

            migrationBuilder.AlterColumn<string>(
                name: "source_file",
                table: "documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_observations_indicator_id_region_id_start_year_end_year_kind",
                table: "observations",
                columns: new[] { "indicator_id", "region_id", "start_year", "end_year", "kind" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_kind",
                table: "documents",
                sql: "kind IN ('work-report', 'news')");
        }
    }
}
