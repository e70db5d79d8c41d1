using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PointsLinked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LinkWeightPercent",
                table: "PointsPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LinkedRule",
                table: "PointsPolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProposerName",
                table: "PointsEntries",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposerRefId",
                table: "PointsEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointsCapUsages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    HolderKind = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Cap = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsCapUsages", x => x.Id);
                    table.CheckConstraint("CK_PointsCapUsages_Used", "\"Used\" >= 0 AND \"Used\" <= \"Cap\"");
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsCapUsages_HolderKind_HolderId_Year_ItemCode",
                table: "PointsCapUsages",
                columns: new[] { "HolderKind", "HolderId", "Year", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsCapUsages_RegionCode",
                table: "PointsCapUsages",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsCapUsages");

            migrationBuilder.DropColumn(
                name: "LinkWeightPercent",
                table: "PointsPolicies");

            migrationBuilder.DropColumn(
                name: "LinkedRule",
                table: "PointsPolicies");

            migrationBuilder.DropColumn(
                name: "ProposerName",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "ProposerRefId",
                table: "PointsEntries");
        }
    }
}
