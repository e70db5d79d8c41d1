using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatterStatsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_RegionCode_Date_HouseholdId",
                table: "VisitRecords",
                columns: new[] { "RegionCode", "Date", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_RegionCode_DoneOn_State_Kind_ReceivedOn",
                table: "Matters",
                columns: new[] { "RegionCode", "DoneOn", "State", "Kind", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_RegionCode_DueOn_State_DoneOn",
                table: "Matters",
                columns: new[] { "RegionCode", "DueOn", "State", "DoneOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitRecords_RegionCode_Date_HouseholdId",
                table: "VisitRecords");

            migrationBuilder.DropIndex(
                name: "IX_Matters_RegionCode_DoneOn_State_Kind_ReceivedOn",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_RegionCode_DueOn_State_DoneOn",
                table: "Matters");
        }
    }
}
