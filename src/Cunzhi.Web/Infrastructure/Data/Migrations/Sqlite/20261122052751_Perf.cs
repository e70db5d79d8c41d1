using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Perf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cadres_RegionCode",
                table: "Cadres");

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_RegionCode_Status_PostCode_Id",
                table: "Cadres",
                columns: new[] { "RegionCode", "Status", "PostCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cadres_RegionCode_Status_PostCode_Id",
                table: "Cadres");

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_RegionCode",
                table: "Cadres",
                column: "RegionCode");
        }
    }
}
