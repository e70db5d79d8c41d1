using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
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
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterCloseDays", x => new { x.RegionCode, x.Day, x.Kind, x.Days });
                });

            migrationBuilder.CreateTable(
                name: "MatterDailySummaries",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    CloseDaysSum = table.Column<long>(type: "INTEGER", nullable: false),
                    Due = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOpen = table.Column<int>(type: "INTEGER", nullable: false),
                    DueClosedLate = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterDailySummaries", x => new { x.RegionCode, x.Day, x.Kind });
                });

            // Existing matters counted into the new summary. These are MatterSummaries.RebuildSql(postgres: false) as they were
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
                    SELECT "RegionCode", "DoneOn", "Kind", 0, 1, CAST(julianday("DoneOn") - julianday("ReceivedOn") AS INTEGER), 0, 0, 0 FROM "Matters" WHERE "State" IN (4, 5) AND "DoneOn" IS NOT NULL
                    UNION ALL
                    SELECT "RegionCode", "DueOn", "Kind", 0, 0, 0, 1, CASE WHEN "State" IN (4, 5) THEN 0 ELSE 1 END,
                           CASE WHEN "State" IN (4, 5) AND "DoneOn" > "DueOn" THEN 1 ELSE 0 END FROM "Matters"
                ) AS x GROUP BY "RegionCode", "Day", "Kind"
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "MatterCloseDays" ("RegionCode", "Day", "Kind", "Days", "Count")
                SELECT "RegionCode", "DoneOn", "Kind", CAST(julianday("DoneOn") - julianday("ReceivedOn") AS INTEGER), COUNT(*) FROM "Matters" WHERE "State" IN (4, 5) AND "DoneOn" IS NOT NULL
                GROUP BY "RegionCode", "DoneOn", "Kind", CAST(julianday("DoneOn") - julianday("ReceivedOn") AS INTEGER)
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
