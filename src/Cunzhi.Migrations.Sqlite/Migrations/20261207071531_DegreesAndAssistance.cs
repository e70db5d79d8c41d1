using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DegreesAndAssistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DegreeAllowances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReimbursedFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DegreeAllowances", x => x.Id);
                    table.CheckConstraint("CK_DegreeAllowances_Reimbursed", "\"ReimbursedFen\" >= 0");
                    table.ForeignKey(
                        name: "FK_DegreeAllowances_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DegreeProgrammes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    School = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Major = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReimbursedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DegreeProgrammes", x => x.Id);
                    table.CheckConstraint("CK_DegreeProgrammes_Dates", "\"EndDate\" > \"StartDate\"");
                    table.CheckConstraint("CK_DegreeProgrammes_Reimbursed", "\"ReimbursedFen\" >= 0");
                    table.ForeignKey(
                        name: "FK_DegreeProgrammes_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DegreeSupportPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    CapPerYearYuan = table.Column<int>(type: "INTEGER", nullable: false),
                    CapPerProgrammeYuan = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_DegreeSupportPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HardshipAssistances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecommendedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecommendedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HardshipAssistances", x => x.Id);
                    table.CheckConstraint("CK_HardshipAssistances_Granted", "\"GrantedFen\" IS NULL OR (\"GrantedFen\" > 0 AND \"GrantedFen\" <= \"RequestedFen\")");
                    table.CheckConstraint("CK_HardshipAssistances_Requested", "\"RequestedFen\" > 0");
                    table.ForeignKey(
                        name: "FK_HardshipAssistances_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TuitionClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ProgrammeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TuitionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReimbursedFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TuitionClaims", x => x.Id);
                    table.CheckConstraint("CK_TuitionClaims_Tuition", "\"TuitionFen\" > 0");
                    table.ForeignKey(
                        name: "FK_TuitionClaims_DegreeProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "DegreeProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TuitionReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ClaimId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TuitionReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TuitionReceipts_TuitionClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "TuitionClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DegreeAllowances_OnePerCadreAndYear",
                table: "DegreeAllowances",
                columns: new[] { "CadreId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DegreeProgrammes_CadreId",
                table: "DegreeProgrammes",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_DegreeProgrammes_RegionCode_Status",
                table: "DegreeProgrammes",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DegreeSupportPolicies_CountyCode_Version",
                table: "DegreeSupportPolicies",
                columns: new[] { "CountyCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HardshipAssistances_CadreId",
                table: "HardshipAssistances",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_HardshipAssistances_RegionCode_Status",
                table: "HardshipAssistances",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TuitionClaims_ProgrammeId",
                table: "TuitionClaims",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_TuitionClaims_RegionCode_Status",
                table: "TuitionClaims",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TuitionReceipts_ClaimId",
                table: "TuitionReceipts",
                column: "ClaimId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DegreeAllowances");

            migrationBuilder.DropTable(
                name: "DegreeSupportPolicies");

            migrationBuilder.DropTable(
                name: "HardshipAssistances");

            migrationBuilder.DropTable(
                name: "TuitionReceipts");

            migrationBuilder.DropTable(
                name: "TuitionClaims");

            migrationBuilder.DropTable(
                name: "DegreeProgrammes");
        }
    }
}
