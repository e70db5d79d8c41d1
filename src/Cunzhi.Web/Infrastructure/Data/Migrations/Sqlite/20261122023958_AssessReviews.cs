using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    MonthlyWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterlyWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    ExcellentThreshold = table.Column<long>(type: "INTEGER", nullable: false),
                    CompetentThreshold = table.Column<long>(type: "INTEGER", nullable: false),
                    BasicThreshold = table.Column<long>(type: "INTEGER", nullable: false),
                    ExcellentCapPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    LowMonthlyAverage = table.Column<long>(type: "INTEGER", nullable: false),
                    LowSatisfactionPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTemplate",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AttachmentSize = table.Column<int>(type: "INTEGER", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MonthlyAverage = table.Column<long>(type: "INTEGER", nullable: true),
                    QuarterlyAverage = table.Column<long>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<long>(type: "INTEGER", nullable: true),
                    CandidateRating = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    MinScore = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxScore = table.Column<long>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    ScoredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
