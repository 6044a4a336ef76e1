using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// Each target declares its shape, which decides how it is judged; a growth indicator may say its price basis. Targets
    /// already stored take the shape their indicator's measure suggests until the seeds or an editor say otherwise.
    /// </summary>
    public partial class GoalShapesAndPriceBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "shape",
                table: "observations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "basis",
                table: "indicators",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE observations o SET shape = CASE
                    WHEN o.comparator = 'le' THEN 'limit'
                    WHEN i.measure = 'growth' THEN 'annual'
                    WHEN i.measure IN ('share', 'rank') THEN i.measure
                    ELSE 'level' END
                FROM indicators i
                WHERE i.id = o.indicator_id AND o.kind <> 'actual';
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_observations_shape",
                table: "observations",
                sql: "(kind = 'actual' AND shape IS NULL) OR (kind <> 'actual' AND shape IN ('level', 'annual', 'cumulative', 'average', 'share', 'rank', 'limit', 'deliverable'))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_observations_shape",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "shape",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "basis",
                table: "indicators");
        }
    }
}
