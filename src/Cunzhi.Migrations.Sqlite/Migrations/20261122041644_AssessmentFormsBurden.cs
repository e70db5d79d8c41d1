using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
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
                name: "BurdenEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Organizer = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BurdenPolicy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    RankingIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentItemCap = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BaselineMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenPolicy", x => x.Id);
                });

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
                name: "FormTemplate",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TaskRequestId = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "RankingPublication",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingPublication", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminder",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReadBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminder", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageTaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownAssessmentItems", x => x.Id);
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
                name: "BurdenEventVillage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BurdenEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FormField",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormTemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Help = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Choices = table.Column<string>(type: "TEXT", nullable: false),
                    Binding = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormTemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    VillageTaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AutoFilledCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TypedCount = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FormValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    FieldId = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
