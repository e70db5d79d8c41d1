using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CadreRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedFrom",
                table: "Cadres",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DepartureDate",
                table: "Cadres",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DepartureReason",
                table: "Cadres",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProfessionalSecretary",
                table: "Cadres",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdCipher",
                table: "Cadres",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdHash",
                table: "Cadres",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdMasked",
                table: "Cadres",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Cadres",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PhoneCipher",
                table: "Cadres",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "Cadres",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Term",
                table: "Cadres",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CanRevealPersonalData",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CadrePosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CadreId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    PostCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Term = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadrePosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CadrePosts_Cadres_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_Name",
                table: "Cadres",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Cadres_NationalIdHash",
                table: "Cadres",
                column: "NationalIdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CadrePosts_CadreId_StartDate",
                table: "CadrePosts",
                columns: new[] { "CadreId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadrePosts");

            migrationBuilder.DropIndex(
                name: "IX_Cadres_Name",
                table: "Cadres");

            migrationBuilder.DropIndex(
                name: "IX_Cadres_NationalIdHash",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "AssignedFrom",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "DepartureDate",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "DepartureReason",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "IsProfessionalSecretary",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "NationalIdCipher",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "NationalIdHash",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "NationalIdMasked",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "PhoneMasked",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "Term",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "CanRevealPersonalData",
                table: "AspNetUsers");
        }
    }
}
