using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisclosureOccurrences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "VillageFinanceSpells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DisclosureOccurrences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureOccurrences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureOccurrences_RegionCode_ItemCode_Title",
                table: "DisclosureOccurrences",
                columns: new[] { "RegionCode", "ItemCode", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureOccurrences_RegionCode_On",
                table: "DisclosureOccurrences",
                columns: new[] { "RegionCode", "On" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisclosureOccurrences");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "VillageFinanceSpells");
        }
    }
}
