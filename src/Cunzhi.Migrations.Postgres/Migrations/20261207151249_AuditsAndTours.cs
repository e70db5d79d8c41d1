using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditsAndTours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EconomicAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    AuditorUnit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EconomicAudits", x => x.Id);
                    table.CheckConstraint("CK_EconomicAudits_Period", "\"PeriodTo\" >= \"PeriodFrom\"");
                    table.ForeignKey(
                        name: "FK_EconomicAudits_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Villages = table.Column<string>(type: "character varying(780)", maxLength: 780, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTours", x => x.Id);
                    table.CheckConstraint("CK_InspectionTours_Dates", "\"To\" >= \"From\"");
                });

            migrationBuilder.CreateTable(
                name: "SupervisionFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    AuditId = table.Column<long>(type: "bigint", nullable: true),
                    TourId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CadreId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Remedy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    EvidenceText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EvidenceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EvidenceType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EvidenceSize = table.Column<int>(type: "integer", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RectifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConductRecordId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionFindings", x => x.Id);
                    table.CheckConstraint("CK_SupervisionFindings_Source", "(\"AuditId\" IS NULL) <> (\"TourId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_ConductRecord_ConductRecordId",
                        column: x => x.ConductRecordId,
                        principalTable: "ConductRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_EconomicAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "EconomicAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionFindings_InspectionTours_TourId",
                        column: x => x.TourId,
                        principalTable: "InspectionTours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EconomicAudits_CadreId",
                table: "EconomicAudits",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_EconomicAudits_RegionCode_PlannedStart",
                table: "EconomicAudits",
                columns: new[] { "RegionCode", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTours_RegionCode_From",
                table: "InspectionTours",
                columns: new[] { "RegionCode", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_AuditId",
                table: "SupervisionFindings",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_CadreId",
                table: "SupervisionFindings",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_OnePerConductRecord",
                table: "SupervisionFindings",
                column: "ConductRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_RegionCode_State_Deadline",
                table: "SupervisionFindings",
                columns: new[] { "RegionCode", "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionFindings_TourId",
                table: "SupervisionFindings",
                column: "TourId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionFindings");

            migrationBuilder.DropTable(
                name: "EconomicAudits");

            migrationBuilder.DropTable(
                name: "InspectionTours");
        }
    }
}
