using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssessBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationWindow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BallotsCast = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationWindow", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BallotCode",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WindowId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotCode", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotCode_EvaluationWindow_WindowId",
                        column: x => x.WindowId,
                        principalTable: "EvaluationWindow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotTally",
                columns: table => new
                {
                    WindowId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotTally", x => new { x.WindowId, x.CadreId, x.Choice });
                    table.ForeignKey(
                        name: "FK_BallotTally_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BallotTally_EvaluationWindow_WindowId",
                        column: x => x.WindowId,
                        principalTable: "EvaluationWindow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationReport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WindowId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PostCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationReport_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationReport_EvaluationWindow_WindowId",
                        column: x => x.WindowId,
                        principalTable: "EvaluationWindow",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotCode_Hash",
                table: "BallotCode",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotCode_WindowId_Used",
                table: "BallotCode",
                columns: new[] { "WindowId", "Used" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotTally_CadreId",
                table: "BallotTally",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationReport_CadreId",
                table: "EvaluationReport",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationReport_WindowId_CadreId",
                table: "EvaluationReport",
                columns: new[] { "WindowId", "CadreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationWindow_ClosedAtUtc_ClosesAtUtc",
                table: "EvaluationWindow",
                columns: new[] { "ClosedAtUtc", "ClosesAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationWindow_RegionCode_Year",
                table: "EvaluationWindow",
                columns: new[] { "RegionCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotCode");

            migrationBuilder.DropTable(
                name: "BallotTally");

            migrationBuilder.DropTable(
                name: "EvaluationReport");

            migrationBuilder.DropTable(
                name: "EvaluationWindow");
        }
    }
}
