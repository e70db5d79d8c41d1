using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    NextStep = table.Column<int>(type: "integer", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerExercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerListPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Items = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PowerListPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PowerStepEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExerciseId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Decision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Rejected = table.Column<bool>(type: "boolean", nullable: false),
                    Attachment = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
