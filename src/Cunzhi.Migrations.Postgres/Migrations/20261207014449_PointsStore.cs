using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PointsStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StoreItemId",
                table: "PointsEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Spent",
                table: "PointsBalances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StoreItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreItems", x => x.Id);
                    table.CheckConstraint("CK_StoreItems_Points", "\"Points\" > 0");
                    table.CheckConstraint("CK_StoreItems_Stock", "\"Stock\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "StoreRedemptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    ItemName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPoints = table.Column<int>(type: "integer", nullable: false),
                    TotalPoints = table.Column<int>(type: "integer", nullable: false),
                    BalanceAfter = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreRedemptions", x => x.Id);
                    table.CheckConstraint("CK_StoreRedemptions_BalanceAfter", "\"BalanceAfter\" >= 0");
                    table.CheckConstraint("CK_StoreRedemptions_Quantity", "\"Quantity\" > 0");
                    table.CheckConstraint("CK_StoreRedemptions_Total", "\"TotalPoints\" = \"Quantity\" * \"UnitPoints\"");
                    table.ForeignKey(
                        name: "FK_StoreRedemptions_PointsEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "PointsEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoreRedemptions_StoreItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "StoreItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    StockAfter = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RedemptionId = table.Column<long>(type: "bigint", nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.CheckConstraint("CK_StockMovements_Quantity", "\"Quantity\" <> 0");
                    table.CheckConstraint("CK_StockMovements_StockAfter", "\"StockAfter\" >= 0");
                    table.ForeignKey(
                        name: "FK_StockMovements_StoreItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "StoreItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockMovements_StoreRedemptions_RedemptionId",
                        column: x => x.RedemptionId,
                        principalTable: "StoreRedemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_StoreItemId",
                table: "PointsEntries",
                column: "StoreItemId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PointsBalances_Spent",
                table: "PointsBalances",
                sql: "\"Spent\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_ItemId_Id",
                table: "StockMovements",
                columns: new[] { "ItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_RedemptionId",
                table: "StockMovements",
                column: "RedemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_RegionCode_Id",
                table: "StockMovements",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreItems_RegionCode_RetiredAtUtc",
                table: "StoreItems",
                columns: new[] { "RegionCode", "RetiredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRedemptions_EntryId",
                table: "StoreRedemptions",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoreRedemptions_HouseholdId_Id",
                table: "StoreRedemptions",
                columns: new[] { "HouseholdId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRedemptions_ItemId",
                table: "StoreRedemptions",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_StoreRedemptions_RegionCode_Id",
                table: "StoreRedemptions",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_PointsEntries_StoreItems_StoreItemId",
                table: "PointsEntries",
                column: "StoreItemId",
                principalTable: "StoreItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PointsEntries_StoreItems_StoreItemId",
                table: "PointsEntries");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropTable(
                name: "StoreRedemptions");

            migrationBuilder.DropTable(
                name: "StoreItems");

            migrationBuilder.DropIndex(
                name: "IX_PointsEntries_StoreItemId",
                table: "PointsEntries");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PointsBalances_Spent",
                table: "PointsBalances");

            migrationBuilder.DropColumn(
                name: "StoreItemId",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "Spent",
                table: "PointsBalances");
        }
    }
}
