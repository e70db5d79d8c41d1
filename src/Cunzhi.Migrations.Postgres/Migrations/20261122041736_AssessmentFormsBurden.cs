using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessmentFormsBurden : Migration
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
                name: "BurdenEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Organizer = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BurdenPolicy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    RankingIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    AssessmentItemCap = table.Column<int>(type: "integer", nullable: false),
                    BaselineFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    BaselineMonths = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationWindow",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BallotsCast = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationWindow", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormTemplate",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TaskRequestId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormTemplate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormTemplate_TaskRequest_TaskRequestId",
                        column: x => x.TaskRequestId,
                        principalTable: "TaskRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "RankingPublication",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PreparedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingPublication", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminder",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminder", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VillageTaskId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskEvidence_VillageTask_VillageTaskId",
                        column: x => x.VillageTaskId,
                        principalTable: "VillageTask",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TownAssessmentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Department = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownAssessmentItems", x => x.Id);
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
                name: "BurdenEventVillage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BurdenEventId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenEventVillage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BurdenEventVillage_BurdenEvent_BurdenEventId",
                        column: x => x.BurdenEventId,
                        principalTable: "BurdenEvent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotCode",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WindowId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "boolean", nullable: false),
                    Voided = table.Column<bool>(type: "boolean", nullable: false)
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
                    WindowId = table.Column<long>(type: "bigint", nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    Choice = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WindowId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    CadreName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PostCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    EditedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "FormField",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormTemplateId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Help = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Choices = table.Column<List<string>>(type: "text[]", nullable: false),
                    Binding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormField", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormField_FormTemplate_FormTemplateId",
                        column: x => x.FormTemplateId,
                        principalTable: "FormTemplate",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmission",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormTemplateId = table.Column<long>(type: "bigint", nullable: false),
                    VillageTaskId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AutoFilledCount = table.Column<int>(type: "integer", nullable: false),
                    TypedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmission", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmission_FormTemplate_FormTemplateId",
                        column: x => x.FormTemplateId,
                        principalTable: "FormTemplate",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FormSubmission_VillageTask_VillageTaskId",
                        column: x => x.VillageTaskId,
                        principalTable: "VillageTask",
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

            migrationBuilder.CreateTable(
                name: "FormValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    FieldId = table.Column<long>(type: "bigint", nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormValue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormValue_FormField_FieldId",
                        column: x => x.FieldId,
                        principalTable: "FormField",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FormValue_FormSubmission_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "FormSubmission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_BurdenEvent_RegionCode_Date",
                table: "BurdenEvent",
                columns: new[] { "RegionCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_BurdenEventVillage_BurdenEventId_RegionCode",
                table: "BurdenEventVillage",
                columns: new[] { "BurdenEventId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BurdenEventVillage_RegionCode",
                table: "BurdenEventVillage",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_BurdenPolicy_RegionCode",
                table: "BurdenPolicy",
                column: "RegionCode",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_FormField_FormTemplateId_SortOrder",
                table: "FormField",
                columns: new[] { "FormTemplateId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_FormField_RegionCode",
                table: "FormField",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmission_FormTemplateId_RegionCode",
                table: "FormSubmission",
                columns: new[] { "FormTemplateId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmission_RegionCode_SubmittedAtUtc",
                table: "FormSubmission",
                columns: new[] { "RegionCode", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmission_VillageTaskId",
                table: "FormSubmission",
                column: "VillageTaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplate_OwnerUserId",
                table: "FormTemplate",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplate_RegionCode_Status",
                table: "FormTemplate",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FormTemplate_TaskRequestId",
                table: "FormTemplate",
                column: "TaskRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormValue_FieldId",
                table: "FormValue",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_FormValue_RegionCode",
                table: "FormValue",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_FormValue_SubmissionId_FieldId",
                table: "FormValue",
                columns: new[] { "SubmissionId", "FieldId" },
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

            migrationBuilder.CreateIndex(
                name: "IX_RankingPublication_RegionCode_Kind_PublishedOn",
                table: "RankingPublication",
                columns: new[] { "RegionCode", "Kind", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminder_RegionCode_Kind_WeekStart",
                table: "Reminder",
                columns: new[] { "RegionCode", "Kind", "WeekStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminder_RegionCode_ReadAtUtc",
                table: "Reminder",
                columns: new[] { "RegionCode", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskEvidence_RegionCode_UploadedAtUtc",
                table: "TaskEvidence",
                columns: new[] { "RegionCode", "UploadedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskEvidence_VillageTaskId_WeekStart",
                table: "TaskEvidence",
                columns: new[] { "VillageTaskId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year",
                table: "TownAssessmentItems",
                columns: new[] { "RegionCode", "Year" });
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
                name: "BallotCode");

            migrationBuilder.DropTable(
                name: "BallotTally");

            migrationBuilder.DropTable(
                name: "BurdenEventVillage");

            migrationBuilder.DropTable(
                name: "BurdenPolicy");

            migrationBuilder.DropTable(
                name: "EvaluationReport");

            migrationBuilder.DropTable(
                name: "FormValue");

            migrationBuilder.DropTable(
                name: "LedgerRecord");

            migrationBuilder.DropTable(
                name: "PeriodReview");

            migrationBuilder.DropTable(
                name: "RankingPublication");

            migrationBuilder.DropTable(
                name: "Reminder");

            migrationBuilder.DropTable(
                name: "TaskEvidence");

            migrationBuilder.DropTable(
                name: "TownAssessmentItems");

            migrationBuilder.DropTable(
                name: "AnnualBatch");

            migrationBuilder.DropTable(
                name: "BurdenEvent");

            migrationBuilder.DropTable(
                name: "EvaluationWindow");

            migrationBuilder.DropTable(
                name: "FormField");

            migrationBuilder.DropTable(
                name: "FormSubmission");

            migrationBuilder.DropTable(
                name: "IndicatorTemplate");

            migrationBuilder.DropTable(
                name: "FormTemplate");
        }
    }
}
