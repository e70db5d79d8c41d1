using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BurdenFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "TownAssessmentItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems",
                columns: new[] { "RegionCode", "Year", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "TownAssessmentItems");
        }
    }
}
