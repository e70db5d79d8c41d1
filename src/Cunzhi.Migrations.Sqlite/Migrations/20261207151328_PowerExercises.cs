using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PowerExercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PowerExercises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    NextStep = table.Column<int>(type: "INTEGER", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerExercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerListPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Items = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerListPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerStepEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExerciseId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Rejected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attachment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerStepEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PowerStepEntries_PowerExercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "PowerExercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PowerExercises_RegionCode_State_Id",
                table: "PowerExercises",
                columns: new[] { "RegionCode", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PowerExercises_State_NextDueOn_RegionCode",
                table: "PowerExercises",
                columns: new[] { "State", "NextDueOn", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PowerListPolicies_CountyCode_Version",
                table: "PowerListPolicies",
                columns: new[] { "CountyCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PowerStepEntries_ExerciseId_Step",
                table: "PowerStepEntries",
                columns: new[] { "ExerciseId", "Step" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PowerListPolicies");

            migrationBuilder.DropTable(
                name: "PowerStepEntries");

            migrationBuilder.DropTable(
                name: "PowerExercises");
        }
    }
}
