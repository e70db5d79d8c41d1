using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reserves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReserveCadres",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EducationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsPartyMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Recommender = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecommendedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TrainerCadreId = table.Column<long>(type: "INTEGER", nullable: true),
                    TrainerName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PlacementPostCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    TrainingNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PromotedCadreId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveCadres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReserveCadres_Cadres_PromotedCadreId",
                        column: x => x.PromotedCadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReserveCadres_Cadres_TrainerCadreId",
                        column: x => x.TrainerCadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReserveReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReserveCadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReserveReviews_ReserveCadres_ReserveCadreId",
                        column: x => x.ReserveCadreId,
                        principalTable: "ReserveCadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_Name",
                table: "ReserveCadres",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_PromotedCadreId",
                table: "ReserveCadres",
                column: "PromotedCadreId");

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_RegionCode_Status",
                table: "ReserveCadres",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_TrainerCadreId",
                table: "ReserveCadres",
                column: "TrainerCadreId");

            migrationBuilder.CreateIndex(
                name: "IX_ReserveReviews_ReserveCadreId_Date",
                table: "ReserveReviews",
                columns: new[] { "ReserveCadreId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReserveReviews");

            migrationBuilder.DropTable(
                name: "ReserveCadres");
        }
    }
}
