using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorAxis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "axis_max",
                table: "indicators",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "axis_min",
                table: "indicators",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_indicators_axis",
                table: "indicators",
                sql: "axis_min IS NULL OR axis_max IS NULL OR axis_min < axis_max");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_indicators_axis",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "axis_max",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "axis_min",
                table: "indicators");
        }
    }
}
