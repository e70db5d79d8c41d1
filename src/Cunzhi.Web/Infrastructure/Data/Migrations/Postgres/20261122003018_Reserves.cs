using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EducationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsPartyMember = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Recommender = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecommendedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TrainerCadreId = table.Column<long>(type: "bigint", nullable: true),
                    TrainerName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    PlacementPostCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TrainingNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PromotedCadreId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReserveCadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
