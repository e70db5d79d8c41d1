using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RankPayBurdenPerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cadres_RegionCode",
                table: "Cadres");

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "TownAssessmentItems",
                type: "integer",
                nullable: true);

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
                name: "ReminderWebhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UrlProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Host = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SecretProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderWebhooks", x => x.Id);
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
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems",
                columns: new[] { "RegionCode", "Year", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_RegionCode_Status_PostCode_Id",
                table: "Cadres",
                columns: new[] { "RegionCode", "Status", "PostCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConductRecord_CadreId_Date",
                table: "ConductRecord",
                columns: new[] { "CadreId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ConductRecord_RegionCode_Kind",
                table: "ConductRecord",
                columns: new[] { "RegionCode", "Kind" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ReminderWebhooks_RegionCode_Kind",
                table: "ReminderWebhooks",
                columns: new[] { "RegionCode", "Kind" },
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
                name: "RankProposal");

            migrationBuilder.DropTable(
                name: "ReminderWebhooks");

            migrationBuilder.DropTable(
                name: "IncomeReward");

            migrationBuilder.DropTable(
                name: "PayrollRun");

            migrationBuilder.DropTable(
                name: "ConductRecord");

            migrationBuilder.DropIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems");

            migrationBuilder.DropIndex(
                name: "IX_Cadres_RegionCode_Status_PostCode_Id",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "TownAssessmentItems");

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

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_RegionCode",
                table: "Cadres",
                column: "RegionCode");
        }
    }
}
