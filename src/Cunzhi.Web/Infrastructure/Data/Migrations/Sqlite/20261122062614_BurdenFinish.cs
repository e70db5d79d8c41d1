using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BurdenFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "TownAssessmentItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderWebhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UrlProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SecretProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderWebhooks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems",
                columns: new[] { "RegionCode", "Year", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderWebhooks_RegionCode_Kind",
                table: "ReminderWebhooks",
                columns: new[] { "RegionCode", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderWebhooks");

            migrationBuilder.DropIndex(
                name: "IX_TownAssessmentItems_RegionCode_Year_Slot",
                table: "TownAssessmentItems");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "TownAssessmentItems");
        }
    }
}
