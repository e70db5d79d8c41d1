using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cunzhi.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DepartureDate",
                table: "Cadres",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DepartureReason",
                table: "Cadres",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProfessionalSecretary",
                table: "Cadres",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdCipher",
                table: "Cadres",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdHash",
                table: "Cadres",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdMasked",
                table: "Cadres",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Cadres",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PhoneCipher",
                table: "Cadres",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneMasked",
                table: "Cadres",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Term",
                table: "Cadres",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CanRevealPersonalData",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CadrePosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    PostCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Term = table.Column<int>(type: "integer", nullable: true)
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
