using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    National = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitRounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRounds", x => x.Id);
                    table.CheckConstraint("CK_VisitRounds_Dates", "\"ToDate\" >= \"FromDate\"");
                });

            migrationBuilder.CreateTable(
                name: "VisitAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    GroupCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Official = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAssignments_VisitRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VisitRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    VisitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Companions = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MattersRaised = table.Column<int>(type: "integer", nullable: false),
                    MattersText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRecords", x => x.Id);
                    table.CheckConstraint("CK_VisitRecords_Matters", "\"MattersRaised\" >= 0");
                    table.ForeignKey(
                        name: "FK_VisitRecords_VisitRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VisitRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_OneRowPerDate",
                table: "CalendarDays",
                columns: new[] { "RegionCode", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitAssignments_Official_RoundId_RegionCode_GroupCode_Hous~",
                table: "VisitAssignments",
                columns: new[] { "Official", "RoundId", "RegionCode", "GroupCode", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitAssignments_OnePerHousehold",
                table: "VisitAssignments",
                columns: new[] { "RoundId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitAssignments_RoundId_RegionCode",
                table: "VisitAssignments",
                columns: new[] { "RoundId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_RoundId_HouseholdId",
                table: "VisitRecords",
                columns: new[] { "RoundId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecords_RoundId_RegionCode",
                table: "VisitRecords",
                columns: new[] { "RoundId", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitRounds_RegionCode_FromDate",
                table: "VisitRounds",
                columns: new[] { "RegionCode", "FromDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "VisitAssignments");

            migrationBuilder.DropTable(
                name: "VisitRecords");

            migrationBuilder.DropTable(
                name: "VisitRounds");
        }
    }
}
