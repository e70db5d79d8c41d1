using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MentorChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MentorPairs_OnePerCadre",
                table: "MentorPairs");

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "MentorPairs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "MentorPairs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorPairs_OnePerCadre",
                table: "MentorPairs",
                column: "CadreId",
                unique: true,
                filter: "\"EndedOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MentorPairs_OnePerCadre",
                table: "MentorPairs");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "MentorPairs");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "MentorPairs");

            migrationBuilder.CreateIndex(
                name: "IX_MentorPairs_OnePerCadre",
                table: "MentorPairs",
                column: "CadreId",
                unique: true);
        }
    }
}
