using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cunzhi.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite context without starting the app (README, adding a migration). Design time
/// builds the model only and nothing is sealed, so a throw-away audit key will do.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    /// <summary>This assembly, where the context's migrations are looked up (DataSetup passes it to EF).</summary>
    public static string MigrationsAssembly { get; } = typeof(SqliteDesignTimeFactory).Assembly.GetName().Name!;

    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(MigrationsAssembly)).Options,
            new UserContext(new HttpContextAccessor()).AsSystem(), new AuditSeal(RandomNumberGenerator.GetBytes(32)));
}
