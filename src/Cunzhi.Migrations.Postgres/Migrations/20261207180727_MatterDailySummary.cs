using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatterDailySummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatterCloseDays",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterCloseDays", x => new { x.RegionCode, x.Day, x.Kind, x.Days });
                });

            migrationBuilder.CreateTable(
                name: "MatterDailySummaries",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    CloseDaysSum = table.Column<long>(type: "bigint", nullable: false),
                    Due = table.Column<int>(type: "integer", nullable: false),
                    DueOpen = table.Column<int>(type: "integer", nullable: false),
                    DueClosedLate = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterDailySummaries", x => new { x.RegionCode, x.Day, x.Kind });
                });

            // Existing matters counted into the new summary (the same statements as the rebuild-matter-summary verb).
            foreach (var sql in Cunzhi.Data.MatterSummaries.RebuildSql(postgres: true))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatterCloseDays");

            migrationBuilder.DropTable(
                name: "MatterDailySummaries");
        }
    }
}
