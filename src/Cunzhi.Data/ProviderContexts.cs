using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cunzhi.Data;

/// <summary>SQLite, the embedded default. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, UserContext user, AuditSeal seal) : AppDbContext(options, user, seal)
{
    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction) already holds the database's write lock.
    protected override AuditChainLock ChainLock { get; } = new SqliteChainLock();

    /// <summary>
    /// Every stored instant is UTC (README, China time), but SQLite keeps it as text without a zone and reads it back as
    /// "unspecified", so the API would answer <c>2026-12-06T04:15:00</c> where PostgreSQL answers <c>…Z</c>. Read back as UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        conventions.Properties<DateTime>().HaveConversion<UtcOnRead>();
        conventions.Properties<DateTime?>().HaveConversion<UtcOnRead>();
    }

    private sealed class UtcOnRead() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class SqliteChainLock : AuditChainLock
    {
        public override async Task<AuditHead> LockHeadAsync(AppDbContext db, CancellationToken ct)
        {
            DetachTracked(db);
            return await db.AuditHeads.SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        }
    }
}

/// <summary>PostgreSQL, the production engine. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, UserContext user, AuditSeal seal) : AppDbContext(options, user, seal)
{
    protected override AuditChainLock ChainLock { get; } = new PostgresChainLock();

    private sealed class PostgresChainLock : AuditChainLock
    {
        public override async Task<AuditHead> LockHeadAsync(AppDbContext db, CancellationToken ct)
        {
            DetachTracked(db);
            // Row lock until commit: concurrent writers queue here, so the chain never forks.
            return await db.AuditHeads.FromSqlRaw("""SELECT * FROM "AuditHeads" WHERE "Id" = 1 FOR UPDATE""").SingleAsync(ct);
        }
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options,
            new UserContext(new HttpContextAccessor()).AsSystem(), DesignTime.Seal);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
            new UserContext(new HttpContextAccessor()).AsSystem(), DesignTime.Seal);
}

/// <summary>Design time builds the model only; nothing is sealed, so a throw-away key will do.</summary>
internal static class DesignTime
{
    public static AuditSeal Seal => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
