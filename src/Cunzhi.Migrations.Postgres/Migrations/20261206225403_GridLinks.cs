using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GridLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CadreGroupLink",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    GroupCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadreGroupLink", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GridGroup",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    GroupCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridGroup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GridMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: true),
                    ResidentId = table.Column<long>(type: "bigint", nullable: true),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridMember", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GridPolicy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    MinHouseholds = table.Column<int>(type: "integer", nullable: false),
                    MaxHouseholds = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberHouseholdLink",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberHouseholdLink", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CadreGroupLink_CadreId",
                table: "CadreGroupLink",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_CadreGroupLink_RegionCode_GroupCode",
                table: "CadreGroupLink",
                columns: new[] { "RegionCode", "GroupCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CadreGroupLinks_OneCurrentPerGroup",
                table: "CadreGroupLink",
                column: "GroupCode",
                unique: true,
                filter: "\"ToDate\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GridGroup_RegionCode_GridCode",
                table: "GridGroup",
                columns: new[] { "RegionCode", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_GridGroups_OneGridPerGroup",
                table: "GridGroup",
                column: "GroupCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GridMember_RegionCode_GridCode",
                table: "GridMember",
                columns: new[] { "RegionCode", "GridCode" });

            migrationBuilder.CreateIndex(
                name: "IX_GridMembers_OneCurrentPerGrid",
                table: "GridMember",
                column: "GridCode",
                unique: true,
                filter: "\"ToDate\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GridPolicy_RegionCode",
                table: "GridPolicy",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberHouseholdLink_RegionCode_HouseholdId",
                table: "MemberHouseholdLink",
                columns: new[] { "RegionCode", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberHouseholdLink_ResidentId",
                table: "MemberHouseholdLink",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberHouseholdLinks_OneCurrentPerHousehold",
                table: "MemberHouseholdLink",
                column: "HouseholdId",
                unique: true,
                filter: "\"ToDate\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadreGroupLink");

            migrationBuilder.DropTable(
                name: "GridGroup");

            migrationBuilder.DropTable(
                name: "GridMember");

            migrationBuilder.DropTable(
                name: "GridPolicy");

            migrationBuilder.DropTable(
                name: "MemberHouseholdLink");
        }
    }
}
