using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReservesAndTasks : Migration
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
                name: "ResponsibilityList",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityList", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskRequest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TargetVillages = table.Column<List<string>>(type: "text[]", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    EvidenceJustification = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClaimedItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ListVersion = table.Column<int>(type: "integer", nullable: true),
                    MatchedItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MatchedItemTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskRequest", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "ResponsibilityItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ListId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Department = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsibilityItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponsibilityItem_ResponsibilityList_ListId",
                        column: x => x.ListId,
                        principalTable: "ResponsibilityList",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VillageTask",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskRequestId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "boolean", nullable: false),
                    EvidenceJustification = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ItemTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageTask_TaskRequest_TaskRequestId",
                        column: x => x.TaskRequestId,
                        principalTable: "TaskRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityItem_ListId_Code",
                table: "ResponsibilityItem",
                columns: new[] { "ListId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityItem_RegionCode",
                table: "ResponsibilityItem",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ResponsibilityList_RegionCode_Version",
                table: "ResponsibilityList",
                columns: new[] { "RegionCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskRequest_RegionCode_Status",
                table: "TaskRequest",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRequest_RequestedByUserId",
                table: "TaskRequest",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageTask_RegionCode_DueDate",
                table: "VillageTask",
                columns: new[] { "RegionCode", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_VillageTask_TaskRequestId_RegionCode",
                table: "VillageTask",
                columns: new[] { "TaskRequestId", "RegionCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReserveReviews");

            migrationBuilder.DropTable(
                name: "ResponsibilityItem");

            migrationBuilder.DropTable(
                name: "VillageTask");

            migrationBuilder.DropTable(
                name: "ReserveCadres");

            migrationBuilder.DropTable(
                name: "ResponsibilityList");

            migrationBuilder.DropTable(
                name: "TaskRequest");
        }
    }
}
