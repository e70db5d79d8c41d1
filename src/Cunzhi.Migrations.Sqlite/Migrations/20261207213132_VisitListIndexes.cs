using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitRecords_RoundId_HouseholdId",
                table: "VisitRecords");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_RoundId_HouseholdId_RegionCode_Date",
                table: "VisitRecords",
                columns: new[] { "RoundId", "HouseholdId", "RegionCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitRecords_RoundId_HouseholdId_RegionCode_Date",
                table: "VisitRecords");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_RoundId_HouseholdId",
                table: "VisitRecords",
                columns: new[] { "RoundId", "HouseholdId" });
        }
    }
}
