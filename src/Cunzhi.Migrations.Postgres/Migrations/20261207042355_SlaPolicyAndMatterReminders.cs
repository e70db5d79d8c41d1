using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MatterReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MicroVillageDays = table.Column<int>(type: "integer", nullable: false),
                    MicroTownDays = table.Column<int>(type: "integer", nullable: false),
                    MicroCountyDays = table.Column<int>(type: "integer", nullable: false),
                    ProblemVillageDays = table.Column<int>(type: "integer", nullable: false),
                    ProblemTownDays = table.Column<int>(type: "integer", nullable: false),
                    ProblemCountyDays = table.Column<int>(type: "integer", nullable: false),
                    ProjectVillageDays = table.Column<int>(type: "integer", nullable: false),
                    ProjectTownDays = table.Column<int>(type: "integer", nullable: false),
                    ProjectCountyDays = table.Column<int>(type: "integer", nullable: false),
                    PlanVillageDays = table.Column<int>(type: "integer", nullable: false),
                    PlanTownDays = table.Column<int>(type: "integer", nullable: false),
                    PlanCountyDays = table.Column<int>(type: "integer", nullable: false),
                    DueSoonDays = table.Column<int>(type: "integer", nullable: false),
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
