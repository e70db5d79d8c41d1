using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LinkedRule",
                table: "PointsPolicies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProposerName",
                table: "PointsEntries",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposerRefId",
                table: "PointsEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointsCapUsages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    HolderKind = table.Column<int>(type: "integer", nullable: false),
                    HolderId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Cap = table.Column<int>(type: "integer", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false)
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
