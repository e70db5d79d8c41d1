using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cunzhi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinanceSpellNoOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A village's busy-finance spells never overlap, guaranteed by the database (insert and update triggers), not only by the handler.
            foreach (var sql in Cunzhi.Data.FinanceSpellOverlap.UpSql(postgres: false))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Cunzhi.Data.FinanceSpellOverlap.DownSql(postgres: false))
                migrationBuilder.Sql(sql);
        }
    }
}
