using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaPolicyAndMatterReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "MatterEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MatterReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReadBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterReminders_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MicroVillageDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MicroTownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MicroCountyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemVillageDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemTownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemCountyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectVillageDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectTownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectCountyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanVillageDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanCountyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueSoonDays = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatterReminders_MatterId_RegionCode_On",
                table: "MatterReminders",
                columns: new[] { "MatterId", "RegionCode", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatterReminders_RegionCode_ReadAtUtc",
                table: "MatterReminders",
                columns: new[] { "RegionCode", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CountyCode_Version",
                table: "SlaPolicies",
                columns: new[] { "CountyCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatterReminders");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "MatterEvents");
        }
    }
}
