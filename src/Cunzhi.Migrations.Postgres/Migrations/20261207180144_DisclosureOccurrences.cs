using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DisclosureOccurrences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
