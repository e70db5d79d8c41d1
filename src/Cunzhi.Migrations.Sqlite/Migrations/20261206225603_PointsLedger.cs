using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PointsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointsBalances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    HolderKind = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Earned = table.Column<int>(type: "INTEGER", nullable: false),
                    Deducted = table.Column<int>(type: "INTEGER", nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsBalances", x => x.Id);
                    table.CheckConstraint("CK_PointsBalances_Deducted", "\"Deducted\" >= 0");
                    table.CheckConstraint("CK_PointsBalances_Earned", "\"Earned\" >= 0");
                    table.CheckConstraint("CK_PointsBalances_Entries", "\"Entries\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "PointsPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Items = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    PublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CarryOver = table.Column<int>(type: "INTEGER", nullable: false),
                    CarryOverPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowNegative = table.Column<bool>(type: "INTEGER", nullable: false),
                    VillageItemMaxPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageItemMaxYearCap = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageItemMaxCount = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_PointsPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillagePointsItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sign = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    For = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearCap = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillagePointsItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    HolderKind = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    VillageItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedPoints = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublicityFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InForceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReversesId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PendingObjections = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.CheckConstraint("CK_PointsEntries_Points", "\"Points\" <> 0");
                    table.ForeignKey(
                        name: "FK_PointsEntries_PointsEntries_ReversesId",
                        column: x => x.ReversesId,
                        principalTable: "PointsEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointsEntries_VillagePointsItems_VillageItemId",
                        column: x => x.VillageItemId,
                        principalTable: "VillagePointsItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsObjections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ObjectorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsObjections_PointsEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "PointsEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsBalances_HolderKind_HolderId_Year",
                table: "PointsBalances",
                columns: new[] { "HolderKind", "HolderId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsBalances_RegionCode",
                table: "PointsBalances",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_HolderKind_HolderId_Year_ItemCode",
                table: "PointsEntries",
                columns: new[] { "HolderKind", "HolderId", "Year", "ItemCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_RegionCode_State_Id",
                table: "PointsEntries",
                columns: new[] { "RegionCode", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_ReversesId",
                table: "PointsEntries",
                column: "ReversesId",
                unique: true,
                filter: "\"ReversesId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_State_PublicityUntil",
                table: "PointsEntries",
                columns: new[] { "State", "PublicityUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_VillageItemId",
                table: "PointsEntries",
                column: "VillageItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsObjections_EntryId",
                table: "PointsObjections",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsObjections_RegionCode_Outcome",
                table: "PointsObjections",
                columns: new[] { "RegionCode", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsPolicies_CountyCode_Version",
                table: "PointsPolicies",
                columns: new[] { "CountyCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillagePointsItems_RegionCode_Code",
                table: "VillagePointsItems",
                columns: new[] { "RegionCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsBalances");

            migrationBuilder.DropTable(
                name: "PointsObjections");

            migrationBuilder.DropTable(
                name: "PointsPolicies");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "VillagePointsItems");
        }
    }
}
