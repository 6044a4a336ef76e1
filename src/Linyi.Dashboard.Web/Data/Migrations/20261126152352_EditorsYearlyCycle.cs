using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditorsYearlyCycle : Migration
    {
        /// <inheritdoc />
        /// <remarks>The row versions used as concurrency tokens are PostgreSQL's xmin system column: nothing to add.</remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_source",
                table: "audit_entries");

            migrationBuilder.AddColumn<bool>(
                name: "remove_missing",
                table: "pending_imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "revert_of",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_source",
                table: "audit_entries",
                sql: "source IN ('form', 'import', 'seed', 'revert')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_source",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "remove_missing",
                table: "pending_imports");

            migrationBuilder.DropColumn(
                name: "revert_of",
                table: "audit_entries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_source",
                table: "audit_entries",
                sql: "source IN ('form', 'import', 'seed')");
        }
    }
}
