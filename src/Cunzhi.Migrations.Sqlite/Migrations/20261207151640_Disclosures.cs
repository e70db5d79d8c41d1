using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisclosurePolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Items = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    PeriodicDueWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ImmediateDueWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueSoonWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_DisclosurePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageDisclosures",
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
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurrenceKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TableJson = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: true),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageDisclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageFinanceSpells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageFinanceSpells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    DisclosureId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NoPersonalDataConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NoPersonalDataConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureAttachments_VillageDisclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "VillageDisclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureAttachments_DisclosureId",
                table: "DisclosureAttachments",
                column: "DisclosureId");

            migrationBuilder.CreateIndex(
                name: "IX_DisclosurePolicies_CountyCode_Version",
                table: "DisclosurePolicies",
                columns: new[] { "CountyCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageDisclosures_RegionCode_ItemCode_PeriodStart_OccurrenceKey",
                table: "VillageDisclosures",
                columns: new[] { "RegionCode", "ItemCode", "PeriodStart", "OccurrenceKey" },
                unique: true,
                filter: "\"WithdrawnAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VillageDisclosures_RegionCode_PostedOn",
                table: "VillageDisclosures",
                columns: new[] { "RegionCode", "PostedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VillageFinanceSpells_RegionCode_From",
                table: "VillageFinanceSpells",
                columns: new[] { "RegionCode", "From" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisclosureAttachments");

            migrationBuilder.DropTable(
                name: "DisclosurePolicies");

            migrationBuilder.DropTable(
                name: "VillageFinanceSpells");

            migrationBuilder.DropTable(
                name: "VillageDisclosures");
        }
    }
}
