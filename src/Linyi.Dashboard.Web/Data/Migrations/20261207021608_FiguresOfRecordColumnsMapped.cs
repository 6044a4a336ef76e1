using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linyi.Dashboard.Web.Data.Migrations
{
    /// <summary>
    /// The model reads the key columns of <c>observations_of_record</c> (indicator, region, period, kind), which the table
    /// has held since it was made; nothing in the database changes.
    /// </summary>
    [DbContext(typeof(DashboardDbContext))]
    [Migration("20261207021608_FiguresOfRecordColumnsMapped")]
    public partial class FiguresOfRecordColumnsMapped : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
