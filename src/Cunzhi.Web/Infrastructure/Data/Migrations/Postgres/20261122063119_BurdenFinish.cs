using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReminderWebhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UrlProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Host = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SecretProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
