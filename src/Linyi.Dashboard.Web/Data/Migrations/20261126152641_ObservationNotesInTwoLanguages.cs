using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ObservationNotesInTwoLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "note",
                table: "observations",
                newName: "note_zh");

            migrationBuilder.AddColumn<string>(
                name: "note_en",
                table: "observations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // Notes were written "中文 / English" in one column: split them, so that each page shows its own language.
            migrationBuilder.Sql("""
                UPDATE observations
                SET note_en = NULLIF(btrim(substr(note_zh, strpos(note_zh, ' / ') + 3)), ''),
                    note_zh = NULLIF(btrim(substr(note_zh, 1, strpos(note_zh, ' / ') - 1)), '')
                WHERE strpos(note_zh, ' / ') > 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE observations SET note_zh = concat_ws(' / ', note_zh, note_en) WHERE note_en IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "note_en",
                table: "observations");

            migrationBuilder.RenameColumn(
                name: "note_zh",
                table: "observations",
                newName: "note");
        }
    }
}
