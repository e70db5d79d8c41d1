using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RankRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CityCommendationPoints",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CountyCommendationPoints",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ExcellentPoints",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxAbsenceDays",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MinMonths",
                table: "RankPolicy",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MinSatisfactionPercent",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MinimumRating",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NationalCommendationPoints",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PeriodMonths",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PointsSteps",
                table: "RankPolicy",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ProvinceCommendationPoints",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SanctionMonths",
                table: "RankPolicy",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "VetoReasons",
                table: "RankPolicy",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConductRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    VetoReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConductRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConductRecord_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RankProposal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromRank = table.Column<int>(type: "integer", nullable: false),
                    ToRank = table.Column<int>(type: "integer", nullable: false),
                    Ground = table.Column<int>(type: "integer", nullable: true),
                    GroundYear = table.Column<int>(type: "integer", nullable: true),
                    ConductRecordId = table.Column<long>(type: "bigint", nullable: true),
                    Grounds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankProposal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankProposal_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RankProposal_ConductRecord_ConductRecordId",
                        column: x => x.ConductRecordId,
                        principalTable: "ConductRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConductRecord_CadreId_Date",
                table: "ConductRecord",
                columns: new[] { "CadreId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ConductRecord_RegionCode_Kind",
                table: "ConductRecord",
                columns: new[] { "RegionCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RankProposal_CadreId",
                table: "RankProposal",
                column: "CadreId",
                unique: true,
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_RankProposal_ConductRecordId",
                table: "RankProposal",
                column: "ConductRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_RankProposal_RegionCode_State",
                table: "RankProposal",
                columns: new[] { "RegionCode", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RankProposal");

            migrationBuilder.DropTable(
                name: "ConductRecord");

            migrationBuilder.DropColumn(
                name: "CityCommendationPoints",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "CountyCommendationPoints",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "ExcellentPoints",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "MaxAbsenceDays",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "MinMonths",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "MinSatisfactionPercent",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "MinimumRating",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "NationalCommendationPoints",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "PeriodMonths",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "PointsSteps",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "ProvinceCommendationPoints",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "SanctionMonths",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "VetoReasons",
                table: "RankPolicy");
        }
    }
}
