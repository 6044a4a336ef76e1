using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_en = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.CheckConstraint("ck_categories_slug", "slug ~ '^[a-z][a-z0-9-]*$'");
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title_zh = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    title_en = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    publisher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    published_on = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_file = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.CheckConstraint("ck_documents_kind", "kind IN ('work-report', 'news')");
                    table.CheckConstraint("ck_documents_published_on", "published_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'");
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_en = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    admin_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.id);
                    table.CheckConstraint("ck_regions_admin_code", "admin_code IS NULL OR admin_code ~ '^[0-9]{6}$'");
                    table.CheckConstraint("ck_regions_kind", "kind IN ('city', 'district', 'county', 'zone', 'outside')");
                    table.CheckConstraint("ck_regions_slug", "slug ~ '^[a-z][a-z0-9-]*$'");
                    table.ForeignKey(
                        name: "fk_regions_regions_parent_id",
                        column: x => x.parent_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name_en = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    dimension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to_base = table.Column<decimal>(type: "numeric(28,8)", precision: 28, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.code);
                    table.CheckConstraint("ck_units_to_base", "to_base > 0");
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    end_year = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    document_id = table.Column<int>(type: "integer", nullable: false),
                    section = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                    table.CheckConstraint("ck_milestones_kind", "kind IN ('project', 'honour', 'designation', 'plan', 'event')");
                    table.CheckConstraint("ck_milestones_period", "start_year BETWEEN 1949 AND 2100 AND end_year BETWEEN start_year AND 2100");
                    table.CheckConstraint("ck_milestones_section", "length(trim(section)) > 0");
                    table.ForeignKey(
                        name: "fk_milestones_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_milestones_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_milestones_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    name_zh = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name_en = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(16)", nullable: false),
                    measure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    precision = table.Column<int>(type: "integer", nullable: false),
                    chart = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    growth_of_id = table.Column<int>(type: "integer", nullable: true),
                    description_zh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    description_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                    table.CheckConstraint("ck_indicators_chart", "chart IN ('bar', 'line')");
                    table.CheckConstraint("ck_indicators_code", "code ~ '^[a-z][a-z0-9_]*$'");
                    table.CheckConstraint("ck_indicators_direction", "direction IN ('higher', 'lower')");
                    table.CheckConstraint("ck_indicators_growth_of", "growth_of_id IS NULL OR (growth_of_id <> id AND measure = 'growth')");
                    table.CheckConstraint("ck_indicators_measure", "measure IN ('level', 'growth', 'share', 'count', 'rank')");
                    table.CheckConstraint("ck_indicators_precision", "precision BETWEEN 0 AND 4");
                    table.ForeignKey(
                        name: "fk_indicators_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicators_indicators_growth_of_id",
                        column: x => x.growth_of_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicators_units_unit_code",
                        column: x => x.unit_code,
                        principalTable: "units",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    end_year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    comparator = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(16)", nullable: true),
                    document_id = table.Column<int>(type: "integer", nullable: false),
                    section = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => x.id);
                    table.CheckConstraint("ck_observations_comparator", "comparator IN ('eq', 'ge', 'le', 'approx')");
                    table.CheckConstraint("ck_observations_kind", "kind IN ('actual', 'target', 'stretch')");
                    table.CheckConstraint("ck_observations_period", "start_year BETWEEN 1949 AND 2100 AND end_year BETWEEN start_year AND 2100");
                    table.CheckConstraint("ck_observations_section", "length(trim(section)) > 0");
                    table.ForeignKey(
                        name: "fk_observations_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_observations_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_observations_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_observations_units_unit_code",
                        column: x => x.unit_code,
                        principalTable: "units",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_categories_slug",
                table: "categories",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_documents_code",
                table: "documents",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_category_id",
                table: "indicators",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_code",
                table: "indicators",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_growth_of_id",
                table: "indicators",
                column: "growth_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_unit_code",
                table: "indicators",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_category_id",
                table: "milestones",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_document_id",
                table: "milestones",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_region_id_start_year_end_year_title_zh",
                table: "milestones",
                columns: new[] { "region_id", "start_year", "end_year", "title_zh" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_observations_document_id",
                table: "observations",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_observations_indicator_id_region_id_start_year_end_year_kind",
                table: "observations",
                columns: new[] { "indicator_id", "region_id", "start_year", "end_year", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_observations_region_id_start_year",
                table: "observations",
                columns: new[] { "region_id", "start_year" });

            migrationBuilder.CreateIndex(
                name: "ix_observations_unit_code",
                table: "observations",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_regions_admin_code",
                table: "regions",
                column: "admin_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_regions_parent_id",
                table: "regions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_regions_slug",
                table: "regions",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "milestones");

            migrationBuilder.DropTable(
                name: "observations");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
