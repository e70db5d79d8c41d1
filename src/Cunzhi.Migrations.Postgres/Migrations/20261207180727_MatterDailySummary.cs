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

            // Existing matters counted into the new summary. These are MatterSummaries.RebuildSql(postgres: true) as they were
            // when this migration was written (7 December 2026), copied here as literal strings: a migration must run the same
            // statements forever, so a later change of RebuildSql (new columns, other rules) must not change what it does.
            migrationBuilder.Sql("DELETE FROM \"MatterCloseDays\"");
            migrationBuilder.Sql("DELETE FROM \"MatterDailySummaries\"");
            migrationBuilder.Sql(
                """
                INSERT INTO "MatterDailySummaries" ("RegionCode", "Day", "Kind", "Received", "Closed", "CloseDaysSum", "Due", "DueOpen", "DueClosedLate")
                SELECT "RegionCode", "Day", "Kind", SUM("Received"), SUM("Closed"), SUM("CloseDaysSum"), SUM("Due"), SUM("DueOpen"), SUM("DueClosedLate") FROM (
                    SELECT "RegionCode", "ReceivedOn" AS "Day", "Kind", 1 AS "Received", 0 AS "Closed", 0 AS "CloseDaysSum", 0 AS "Due", 0 AS "DueOpen", 0 AS "DueClosedLate" FROM "Matters"
                    UNION ALL
                    SELECT "RegionCode", "DoneOn", "Kind", 0, 1, ("DoneOn" - "ReceivedOn"), 0, 0, 0 FROM "Matters" WHERE "State" IN (4, 5) AND "DoneOn" IS NOT NULL
                    UNION ALL
                    SELECT "RegionCode", "DueOn", "Kind", 0, 0, 0, 1, CASE WHEN "State" IN (4, 5) THEN 0 ELSE 1 END,
                           CASE WHEN "State" IN (4, 5) AND "DoneOn" > "DueOn" THEN 1 ELSE 0 END FROM "Matters"
                ) AS x GROUP BY "RegionCode", "Day", "Kind"
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "MatterCloseDays" ("RegionCode", "Day", "Kind", "Days", "Count")
                SELECT "RegionCode", "DoneOn", "Kind", ("DoneOn" - "ReceivedOn"), COUNT(*) FROM "Matters" WHERE "State" IN (4, 5) AND "DoneOn" IS NOT NULL
                GROUP BY "RegionCode", "DoneOn", "Kind", ("DoneOn" - "ReceivedOn")
                """);
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
