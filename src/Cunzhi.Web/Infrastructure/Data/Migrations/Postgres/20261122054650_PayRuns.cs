using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PayRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoodSecretaryAward",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PayYear = table.Column<int>(type: "integer", nullable: false),
                    PayMonth = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GrantedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoodSecretaryAward", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoodSecretaryAward_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncomeReward",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ThisYearIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    LastYearIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    CapPercent = table.Column<int>(type: "integer", nullable: false),
                    PoolFen = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PayYear = table.Column<int>(type: "integer", nullable: true),
                    PayMonth = table.Column<int>(type: "integer", nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeReward", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PayrollRun",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    SettingsVersion = table.Column<int>(type: "integer", nullable: false),
                    RankPolicyVersion = table.Column<int>(type: "integer", nullable: true),
                    AllowanceStepFen = table.Column<long>(type: "bigint", nullable: false),
                    LineCount = table.Column<int>(type: "integer", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    MissingScores = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LockedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayrollRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaySettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChiefBaseFen = table.Column<long>(type: "bigint", nullable: false),
                    PostShares = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PerformanceBaseFen = table.Column<long>(type: "bigint", nullable: false),
                    Coefficients = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GoodSecretaryAwardFen = table.Column<long>(type: "bigint", nullable: false),
                    GoodSecretaryPayMonth = table.Column<int>(type: "integer", nullable: false),
                    RetirementFenPerYear = table.Column<long>(type: "bigint", nullable: false),
                    RetirementAge = table.Column<int>(type: "integer", nullable: false),
                    IncrementCapPercent = table.Column<int>(type: "integer", nullable: false),
                    IncrementShares = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncomeRewardShare",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncomeRewardId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeRewardShare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomeRewardShare_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomeRewardShare_IncomeReward_IncomeRewardId",
                        column: x => x.IncomeRewardId,
                        principalTable: "IncomeReward",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PayLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    CadreName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PostCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    DaysInMonth = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    CoefficientPermille = table.Column<int>(type: "integer", nullable: true),
                    BaseFen = table.Column<long>(type: "bigint", nullable: false),
                    AllowanceFen = table.Column<long>(type: "bigint", nullable: false),
                    PerformanceFen = table.Column<long>(type: "bigint", nullable: false),
                    RewardFen = table.Column<long>(type: "bigint", nullable: false),
                    RetirementFen = table.Column<long>(type: "bigint", nullable: false),
                    AdjustmentFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Warning = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AdjustsLineId = table.Column<long>(type: "bigint", nullable: true),
                    AdjustsRunId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayLine_PayrollRun_RunId",
                        column: x => x.RunId,
                        principalTable: "PayrollRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoodSecretaryAward_CadreId_Year",
                table: "GoodSecretaryAward",
                columns: new[] { "CadreId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoodSecretaryAward_RegionCode_PayYear_PayMonth",
                table: "GoodSecretaryAward",
                columns: new[] { "RegionCode", "PayYear", "PayMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeReward_RegionCode_Year",
                table: "IncomeReward",
                columns: new[] { "RegionCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRewardShare_CadreId",
                table: "IncomeRewardShare",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRewardShare_IncomeRewardId_CadreId",
                table: "IncomeRewardShare",
                columns: new[] { "IncomeRewardId", "CadreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayLine_CadreId",
                table: "PayLine",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_PayLine_RunId_RegionCode",
                table: "PayLine",
                columns: new[] { "RunId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PayrollRun_RegionCode_Year_Month",
                table: "PayrollRun",
                columns: new[] { "RegionCode", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaySettings_CountyCode_Version",
                table: "PaySettings",
                columns: new[] { "CountyCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoodSecretaryAward");

            migrationBuilder.DropTable(
                name: "IncomeRewardShare");

            migrationBuilder.DropTable(
                name: "PayLine");

            migrationBuilder.DropTable(
                name: "PaySettings");

            migrationBuilder.DropTable(
                name: "IncomeReward");

            migrationBuilder.DropTable(
                name: "PayrollRun");
        }
    }
}
