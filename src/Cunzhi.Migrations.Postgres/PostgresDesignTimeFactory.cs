using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cunzhi.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL context without starting the app (README, adding a migration). Design time
/// builds the model only and nothing is sealed, so a throw-away audit key will do.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    /// <summary>This assembly, where the context's migrations are looked up (DataSetup passes it to EF).</summary>
    public static string MigrationsAssembly { get; } = typeof(PostgresDesignTimeFactory).Assembly.GetName().Name!;

    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design", o => o.MigrationsAssembly(MigrationsAssembly)).Options,
            new UserContext(new HttpContextAccessor()).AsSystem(), new AuditSeal(RandomNumberGenerator.GetBytes(32)));
}
