using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentEnglishNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "publisher_en",
                table: "documents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reliability_en",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "publisher_en",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "reliability_en",
                table: "documents");
        }
    }
}
