using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VersionsAndOnePostPerVillage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Version",
                table: "ReserveCadres",
                newName: "RowVersion");

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdCipher",
                table: "ReserveCadres",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdHash",
                table: "ReserveCadres",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdMasked",
                table: "ReserveCadres",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Regions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "RankPolicy",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "PaySettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "IndicatorTemplate",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Cadres",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "BurdenPolicy",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "AssessmentSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ReserveCadres_NationalIdHash",
                table: "ReserveCadres",
                column: "NationalIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_CadrePosts_OneDirectorPerVillage",
                table: "CadrePosts",
                column: "RegionCode",
                unique: true,
                filter: "\"EndDate\" IS NULL AND \"PostCode\" IN ('director', 'secretary-director')");

            migrationBuilder.CreateIndex(
                name: "IX_CadrePosts_OneSecretaryPerVillage",
                table: "CadrePosts",
                column: "RegionCode",
                unique: true,
                filter: "\"EndDate\" IS NULL AND \"PostCode\" IN ('secretary', 'secretary-director')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReserveCadres_NationalIdHash",
                table: "ReserveCadres");

            migrationBuilder.DropIndex(
                name: "IX_CadrePosts_OneDirectorPerVillage",
                table: "CadrePosts");

            migrationBuilder.DropIndex(
                name: "IX_CadrePosts_OneSecretaryPerVillage",
                table: "CadrePosts");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "NationalIdCipher",
                table: "ReserveCadres");

            migrationBuilder.DropColumn(
                name: "NationalIdHash",
                table: "ReserveCadres");

            migrationBuilder.DropColumn(
                name: "NationalIdMasked",
                table: "ReserveCadres");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "RankPolicy");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "PaySettings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "IndicatorTemplate");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Cadres");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "BurdenPolicy");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "AssessmentSettings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "RowVersion",
                table: "ReserveCadres",
                newName: "Version");
        }
    }
}
