using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Duty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyLeaves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplacementCadreId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyLeaves", x => x.Id);
                    table.CheckConstraint("CK_DutyLeaves_Dates", "\"ToDate\" >= \"FromDate\"");
                    table.ForeignKey(
                        name: "FK_DutyLeaves_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DutyMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyMonths", x => x.Id);
                    table.CheckConstraint("CK_DutyMonths_Month", "\"Month\" BETWEEN 1 AND 12");
                });

            migrationBuilder.CreateTable(
                name: "VillageOffices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageOffices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DutyMonthId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyAssignments_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DutyAssignments_DutyMonths_DutyMonthId",
                        column: x => x.DutyMonthId,
                        principalTable: "DutyMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignments_CadreId",
                table: "DutyAssignments",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignments_DutyMonthId_Date",
                table: "DutyAssignments",
                columns: new[] { "DutyMonthId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignments_OnePerCadreDay",
                table: "DutyAssignments",
                columns: new[] { "RegionCode", "Date", "CadreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyLeaves_CadreId_FromDate",
                table: "DutyLeaves",
                columns: new[] { "CadreId", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyLeaves_RegionCode_State_FromDate",
                table: "DutyLeaves",
                columns: new[] { "RegionCode", "State", "FromDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyMonths_OnePerVillageMonth",
                table: "DutyMonths",
                columns: new[] { "RegionCode", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageOffices_RegionCode",
                table: "VillageOffices",
                column: "RegionCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyAssignments");

            migrationBuilder.DropTable(
                name: "DutyLeaves");

            migrationBuilder.DropTable(
                name: "VillageOffices");

            migrationBuilder.DropTable(
                name: "DutyMonths");
        }
    }
}
