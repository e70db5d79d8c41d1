using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualBatch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    MonthlyWeight = table.Column<int>(type: "integer", nullable: false),
                    QuarterlyWeight = table.Column<int>(type: "integer", nullable: false),
                    SatisfactionWeight = table.Column<int>(type: "integer", nullable: false),
                    ExcellentThreshold = table.Column<long>(type: "bigint", nullable: false),
                    CompetentThreshold = table.Column<long>(type: "bigint", nullable: false),
                    BasicThreshold = table.Column<long>(type: "bigint", nullable: false),
                    ExcellentCapPercent = table.Column<int>(type: "integer", nullable: false),
                    LowMonthlyAverage = table.Column<long>(type: "bigint", nullable: false),
                    LowSatisfactionPercent = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTemplate",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttachmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AttachmentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AttachmentSize = table.Column<int>(type: "integer", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerRecord_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReview",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CadreName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MonthlyAverage = table.Column<long>(type: "bigint", nullable: true),
                    QuarterlyAverage = table.Column<long>(type: "bigint", nullable: true),
                    Satisfaction = table.Column<long>(type: "bigint", nullable: true),
                    Score = table.Column<long>(type: "bigint", nullable: true),
                    CandidateRating = table.Column<int>(type: "integer", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReview_AnnualBatch_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AnnualBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnualReview_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentIndicator",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    MinScore = table.Column<long>(type: "bigint", nullable: false),
                    MaxScore = table.Column<long>(type: "bigint", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentIndicator", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentIndicator_IndicatorTemplate_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "IndicatorTemplate",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodReview",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    Scores = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    ScoredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodReview_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeriodReview_IndicatorTemplate_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "IndicatorTemplate",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualBatch_RegionCode_Year",
                table: "AnnualBatch",
                columns: new[] { "RegionCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReview_BatchId",
                table: "AnnualReview",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReview_CadreId_Year",
                table: "AnnualReview",
                columns: new[] { "CadreId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReview_RegionCode_Year_State",
                table: "AnnualReview",
                columns: new[] { "RegionCode", "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentIndicator_TemplateId_Code",
                table: "AssessmentIndicator",
                columns: new[] { "TemplateId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSettings_CountyCode",
                table: "AssessmentSettings",
                column: "CountyCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTemplate_CountyCode_Kind_Version",
                table: "IndicatorTemplate",
                columns: new[] { "CountyCode", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRecord_CadreId_Date",
                table: "LedgerRecord",
                columns: new[] { "CadreId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRecord_RegionCode_Date",
                table: "LedgerRecord",
                columns: new[] { "RegionCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodReview_CadreId_Kind_Year_Period",
                table: "PeriodReview",
                columns: new[] { "CadreId", "Kind", "Year", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodReview_RegionCode_Kind_Year_Period",
                table: "PeriodReview",
                columns: new[] { "RegionCode", "Kind", "Year", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodReview_TemplateId",
                table: "PeriodReview",
                column: "TemplateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReview");

            migrationBuilder.DropTable(
                name: "AssessmentIndicator");

            migrationBuilder.DropTable(
                name: "AssessmentSettings");

            migrationBuilder.DropTable(
                name: "LedgerRecord");

            migrationBuilder.DropTable(
                name: "PeriodReview");

            migrationBuilder.DropTable(
                name: "AnnualBatch");

            migrationBuilder.DropTable(
                name: "IndicatorTemplate");
        }
    }
}
