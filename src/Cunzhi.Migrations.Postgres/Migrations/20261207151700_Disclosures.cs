using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Items = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    PeriodicDueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ImmediateDueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DueSoonWorkingDays = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("PK_DisclosurePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageDisclosures",
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
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    OccurrenceKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TableJson = table.Column<string>(type: "character varying(1000000)", maxLength: 1000000, nullable: true),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageDisclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageFinanceSpells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageFinanceSpells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    DisclosureId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NoPersonalDataConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NoPersonalDataConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "IX_VillageDisclosures_RegionCode_ItemCode_PeriodStart_Occurren~",
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
