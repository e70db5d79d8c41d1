using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Migrations.Postgres;
using Cunzhi.Migrations.Sqlite;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cunzhi.Web.Infrastructure.Data;

/// <summary>Which database engine serves the data context.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Database selection by configuration: <c>Database:Provider</c> (Sqlite | Postgres) and
/// <c>ConnectionStrings:Cunzhi</c>; environment variables <c>Database__Provider</c> and
/// <c>ConnectionStrings__Cunzhi</c> work too. With nothing set, a SQLite file under <c>data/</c>.
/// </summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddCunzhiData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;
        var connection = config.GetConnectionString("Cunzhi");
        // A paged list or a First() without an order returns rows in whatever order the database likes: the same page
        // can show a row twice and skip another. Development and the tests refuse such a query outright
        // (Database:StrictQueryOrder); elsewhere EF only logs it.
        var strictOrder = config.GetValue("Database:StrictQueryOrder", false);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UserContext>();
        // The disclosure dues cache and the watcher that moves its generation live with the data context they watch;
        // Disclosure:DuesCache=false switches the cache off (the benchmark's "before").
        builder.Services.AddSingleton(new Features.Disclosure.DisclosureDuesCache(config.GetValue("Disclosure:DuesCache", true)));
        builder.Services.AddSingleton<Features.Disclosure.DisclosureDuesChanges>();
        builder.Services.AddSingleton(sp => new AuditSeal(sp.GetRequiredService<PersonalDataProtector>().AuditChainKey));
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("已选择 PostgreSQL，但未配置连接字符串 ConnectionStrings:Cunzhi");
                connection = PostgresConnectionString(connection);
                builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(connection, x => x.MigrationsAssembly(PostgresDesignTimeFactory.MigrationsAssembly)).Strict(strictOrder).Watched(sp));
                // Reads on the standby (README "A cluster on one machine"): reports and the portal may read through a
                // second connection string, typically Target Session Attributes=prefer-standby; writes never do.
                if (config.GetConnectionString("CunzhiRead") is { Length: > 0 } read)
                {
                    var readOptions = new DbContextOptionsBuilder<PostgresAppDbContext>();
                    readOptions.UseNpgsql(PostgresConnectionString(read)).Strict(strictOrder).AddInterceptors(new ReadOnlyGuard());
                    builder.Services.AddSingleton(new ReadReplica(readOptions.Options));
                }
                break;
            default:
                connection = SqliteConnectionString(connection, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connection, x => x.MigrationsAssembly(SqliteDesignTimeFactory.MigrationsAssembly)).Strict(strictOrder).Watched(sp));
                break;
        }
        builder.Services.AddSingleton(new DatabaseInfo(provider, connection!));
        builder.Services.AddScoped<ReadDb>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<AuditUpgrade>();
        // Periodic work runs once across every node on this database (README "Running several nodes").
        builder.Services.AddSingleton<Cunzhi.Web.Infrastructure.Jobs.JobLeases>();
        return builder;
    }

    /// <summary>Writes that change a village's disclosure dues move the dues cache's generation once committed (DisclosureDuesChanges).</summary>
    private static DbContextOptionsBuilder Watched(this DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<Features.Disclosure.DisclosureDuesChanges>());

    private static DbContextOptionsBuilder Strict(this DbContextOptionsBuilder options, bool strictOrder) =>
        strictOrder
            ? options.ConfigureWarnings(w => w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning))
            : options;

    /// <summary>
    /// Npgsql settings the platform relies on for speed, unless the connection string sets them itself. Auto-preparation
    /// (<c>Max Auto Prepare</c>): every request runs the same few EF statements, and a prepared one skips PostgreSQL's
    /// parse and plan. <c>No Reset On Close</c>: a pooled connection is not reset (DISCARD ALL) before its next use, which
    /// would also drop those prepared statements; nothing in Cunzhi sets session state (no SET, LISTEN or temporary
    /// tables; locks are row locks inside transactions). Measured on the cadre list API, PostgreSQL, same run: 847–1152
    /// requests/s without either, 1327–1389 with auto-preparation, 1614–1625 with both (BENCHMARKS.md, section 4).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        bool Has(string keyword) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), keyword, StringComparison.OrdinalIgnoreCase));
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!Has("MaxAutoPrepare")) csb.MaxAutoPrepare = 64;
        if (!Has("NoResetOnClose")) csb.NoResetOnClose = true;
        return csb.ConnectionString;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes its folder.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/cunzhi.db" : configured);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        var folder = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        csb.DefaultTimeout = 60; // waits for a busy writer instead of failing at once
        return csb.ToString();
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging for concurrent readers.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// The one-off audit log upgrade (<see cref="AuditUpgrade"/>: redact old secret values, re-seal with the key, one
    /// 审计日志脱敏 entry, reset exposed authenticators); a no-op reading one row once done. Run before anything writes,
    /// so no keyed entry is ever appended to an unkeyed chain.
    /// </summary>
    public static async Task UpgradeAuditLogAsync(IServiceProvider scoped, TextWriter output, CancellationToken ct = default)
    {
        var result = await scoped.GetRequiredService<AuditUpgrade>().RunAsync(ct);
        if (result is null) return;
        output.WriteLine($"操作日志已升级：{result.Entries:N0} 条记录以密钥重新封存，{result.Redacted.Count:N0} 条删去了机密值"
            + (result.OldChainIntact ? "，旧链校验完整" : $"，旧链校验未通过（{result.OldChainBreak}）")
            + (result.ResetUsers.Count > 0 ? $"；已重置以下账号的身份验证器：{string.Join("、", result.ResetUsers)}" : "") + "。");
    }

    /// <summary>What serving needs before the first request: migrations (unless turned off), the audit log upgrade, when configured the demo county, and the key ring.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
            await MigrateAsync(db);
        await UpgradeAuditLogAsync(scope.ServiceProvider, Console.Out);
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedReferenceDataAsync();
        if (app.Configuration.GetValue("Demo:SeedOnStart", false))
            await seeder.SeedDemoAsync(DemoOptions.FromConfiguration(app.Configuration), Console.Out);
        // The sign-in key ring, loaded one node at a time so nodes starting together on an empty database share one key.
        await KeyRingStartup.EnsureAsync(app.Services, app.Logger);
    }
}

/// <summary>The engine and connection in use (for health checks, bulk writers and tests).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
