using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Data;

/// <summary>SQLite, the embedded default. Its migrations are in the Cunzhi.Migrations.Sqlite project.</summary>
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

/// <summary>PostgreSQL, the production engine. Its migrations are in the Cunzhi.Migrations.Postgres project.</summary>
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
