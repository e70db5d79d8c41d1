using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cunzhi.Web.Infrastructure.Data;

/// <summary>
/// The optional read connection (<c>ConnectionStrings:CunzhiRead</c>, PostgreSQL only; README "A cluster on one machine"),
/// typically the same hosts as the write string with <c>Target Session Attributes=prefer-standby</c>. Registered only when
/// configured: without it every read goes to the one database as before.
/// </summary>
public sealed class ReadReplica(DbContextOptions<PostgresAppDbContext> options)
{
    /// <summary>The reader's last write position on the primary (a <c>pg_lsn</c>; not a secret).</summary>
    public const string WroteCookie = "cunzhi.wrote";

    /// <summary>Response header naming the server a standby-capable read used: <c>standby</c> or <c>primary</c>.</summary>
    public const string Header = "X-Cunzhi-Read-From";

    public DbContextOptions<PostgresAppDbContext> Options => options;

    /// <summary>
    /// After every request that may have written (anything but GET, HEAD, OPTIONS and TRACE), keeps the primary's WAL
    /// position in the reader's cookie, so their next reports wait for the standby to replay it (<see cref="ReadRouting"/>).
    /// One statement per writing request, only when a read connection is configured.
    /// </summary>
    public static void UseReadYourOwnWrites(WebApplication app)
    {
        if (app.Services.GetService<ReadReplica>() is null) return;
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)))
                context.Response.OnStarting(() => RememberWriteAsync(context));
            await next(context);
        });
    }

    private static async Task RememberWriteAsync(HttpContext context)
    {
        try
        {
            var db = context.RequestServices.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT pg_current_wal_lsn()::text";
                if (await command.ExecuteScalarAsync(context.RequestAborted) is string lsn)
                    context.Response.Cookies.Append(WroteCookie, lsn, new CookieOptions
                    {
                        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/",
                        MaxAge = TimeSpan.FromMinutes(10), IsEssential = true,
                    });
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No position: the next reports may read on a standby a moment behind this write. Never fail the write's answer.
            context.RequestServices.GetRequiredService<ILogger<ReadReplica>>().LogWarning(e, "未能记录写入位置（读己之写）");
        }
    }
}

/// <summary>
/// The data context for reads that may be served by the standby (reports, dashboards, exports, the public portal): the
/// read connection when one is configured and the standby has replayed the reader's last write (<see cref="ReadRouting"/>),
/// else the request's own context. No tracking; a write through it throws. The choice is made once per request and named in
/// the <see cref="ReadReplica.Header"/> response header.
/// </summary>
public sealed class ReadDb(AppDbContext primary, IServiceProvider services, IHttpContextAccessor http, ILogger<ReadDb> log) : IAsyncDisposable
{
    private AppDbContext? _chosen;
    private PostgresAppDbContext? _replica;

    public async Task<AppDbContext> GetAsync(CancellationToken ct = default)
    {
        if (_chosen is not null) return _chosen;
        if (services.GetService<ReadReplica>() is not { } settings) return _chosen = primary;
        var context = http.HttpContext;
        var wrote = context?.Request.Cookies[ReadReplica.WroteCookie];
        var db = new PostgresAppDbContext(settings.Options, primary.User, services.GetRequiredService<AuditSeal>());
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        ReadServer server;
        try
        {
            // The check and the report's queries share this one connection (kept open until the request ends), so the
            // server checked is the server read.
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text";
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            server = ReadRouting.Choose(reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1), wrote);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "只读连接不可用，改在主库读取");
            await db.DisposeAsync();
            Name(context, "primary");
            return _chosen = primary;
        }
        if (server == ReadServer.Standby)
        {
            _replica = db;
            _chosen = db;
            // Replayed: the reader's write is on the standby, the cookie has done its work.
            if (!string.IsNullOrEmpty(wrote) && context is { Response.HasStarted: false }) context.Response.Cookies.Delete(ReadReplica.WroteCookie);
        }
        else
        {
            await db.DisposeAsync();
            _chosen = primary;
        }
        Name(context, server == ReadServer.Standby ? "standby" : "primary");
        return _chosen;
    }

    private static void Name(HttpContext? context, string server)
    {
        if (context is { Response.HasStarted: false }) context.Response.Headers[ReadReplica.Header] = server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_replica is not null) await _replica.DisposeAsync();
    }
}

/// <summary>Refuses any SaveChanges on the read context: writes always go to the primary.</summary>
public sealed class ReadOnlyGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("只读连接（备库）不能写入");

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("只读连接（备库）不能写入");
}
