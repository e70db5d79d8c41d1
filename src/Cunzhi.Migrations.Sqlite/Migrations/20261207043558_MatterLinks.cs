using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatterLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PointsEntryId",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VisitId",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Matters_PointsEntryId",
                table: "Matters",
                column: "PointsEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_VisitId",
                table: "Matters",
                column: "VisitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Matters_PointsEntries_PointsEntryId",
                table: "Matters",
                column: "PointsEntryId",
                principalTable: "PointsEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Matters_VisitRecords_VisitId",
                table: "Matters",
                column: "VisitId",
                principalTable: "VisitRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Matters_PointsEntries_PointsEntryId",
                table: "Matters");

            migrationBuilder.DropForeignKey(
                name: "FK_Matters_VisitRecords_VisitId",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_PointsEntryId",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_VisitId",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "PointsEntryId",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "Matters");
        }
    }
}
