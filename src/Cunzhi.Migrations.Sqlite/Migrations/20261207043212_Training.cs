using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentorPairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    MentorName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MentorPost = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorPairs", x => x.Id);
                    table.CheckConstraint("CK_MentorPairs_Months", "\"Months\" >= 1 AND \"Months\" <= 36");
                    table.ForeignKey(
                        name: "FK_MentorPairs_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRequirements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    PostCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRequirements", x => x.Id);
                    table.CheckConstraint("CK_TrainingRequirements_Hours", "\"Hours\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.CheckConstraint("CK_TrainingSessions_Dates", "\"EndDate\" >= \"StartDate\"");
                    table.CheckConstraint("CK_TrainingSessions_Hours", "\"Hours\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "MentorLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorLogs_MentorPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "MentorPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    PostCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    CreditedHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MarkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.CheckConstraint("CK_TrainingEnrolments_Hours", "\"CreditedHours\" >= 0");
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorLogs_OnePerMonth",
                table: "MentorLogs",
                columns: new[] { "PairId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorPairs_OnePerCadre",
                table: "MentorPairs",
                column: "CadreId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorPairs_RegionCode",
                table: "MentorPairs",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CadreId_Attended",
                table: "TrainingEnrolments",
                columns: new[] { "CadreId", "Attended" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_OnePerCadre",
                table: "TrainingEnrolments",
                columns: new[] { "SessionId", "CadreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRequirements_OnePerPostYear",
                table: "TrainingRequirements",
                columns: new[] { "RegionCode", "PostCode", "FromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_RegionCode_StartDate",
                table: "TrainingSessions",
                columns: new[] { "RegionCode", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorLogs");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "TrainingRequirements");

            migrationBuilder.DropTable(
                name: "MentorPairs");

            migrationBuilder.DropTable(
                name: "TrainingSessions");
        }
    }
}
