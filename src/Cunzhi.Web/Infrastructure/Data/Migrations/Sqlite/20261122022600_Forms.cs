using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
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
