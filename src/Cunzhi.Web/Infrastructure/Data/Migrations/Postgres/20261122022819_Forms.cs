using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormValue");

            migrationBuilder.DropTable(
                name: "FormField");

            migrationBuilder.DropTable(
                name: "FormSubmission");

            migrationBuilder.DropTable(
                name: "FormTemplate");
        }
    }
}
