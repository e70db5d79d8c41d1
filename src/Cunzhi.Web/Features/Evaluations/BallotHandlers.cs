using System.Threading.RateLimiting;
using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Assessment;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Evaluations;

public sealed record BallotAnswer(long CadreId, BallotChoice? Choice);

/// <summary>A ballot: the code and one answer per cadre.</summary>
public sealed record CastBallot(string? Code, List<BallotAnswer>? Answers);

public sealed record OpenBallot(string? Code);

public sealed record BallotCadre(long CadreId, string Name, string PostName, string Report);

/// <summary>What a valid, unused code in an open window shows: the village and the cadres to rate.</summary>
public sealed record BallotSheet(string Code, string VillageName, string TownName, int Year, DateTime ClosesAt, IReadOnlyList<BallotCadre> Cadres);

/// <summary>Why a code cannot vote (each with its Chinese message); <see cref="TooManyAttempts"/> answers 429.</summary>
public enum BallotRefusal { BadFormat, Unknown, Voided, Used, NotYetOpen, Closed, Incomplete, TooManyAttempts }

public sealed class BallotRefusedException(BallotRefusal reason, string message) : Exception(message)
{
    public BallotRefusal Reason { get; } = reason;
}

/// <summary>
/// Guessing guard for the public ballot: per client IP, at most <c>Evaluation:FailedCodesPerIp</c> (default 10) unknown codes
/// per <c>Evaluation:LockoutMinutes</c> (default 15), then every attempt from that IP is refused until the window passes.
/// Only unknown codes count: a whole village often votes from one hall behind one IP, and 40 correct codes must all work.
/// Built on System.Threading.RateLimiting (the partitioned limiter ASP.NET Core's rate-limiting middleware uses).
/// </summary>
public sealed class BallotGuard : IDisposable
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private PartitionedRateLimiter<string> _failures;

    public BallotGuard(IConfiguration config)
    {
        _limit = config.GetValue("Evaluation:FailedCodesPerIp", 10);
        _window = TimeSpan.FromMinutes(config.GetValue("Evaluation:LockoutMinutes", 15));
        _failures = Create();
    }

    private PartitionedRateLimiter<string> Create() => PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = _limit, Window = _window, QueueLimit = 0, AutoReplenishment = true }));

    /// <summary>Forgets every lockout (as a restart does).</summary>
    public void Reset()
    {
        var old = Interlocked.Exchange(ref _failures, Create());
        old.Dispose();
    }

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public bool IsLockedOut(string client) => _failures.GetStatistics(client)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts a wrong code; true when the client has just run out of attempts.</summary>
    public bool Fail(string client)
    {
        using var lease = _failures.AttemptAcquire(client);
        return !lease.IsAcquired || IsLockedOut(client);
    }

    public void Dispose() => _failures.Dispose();
}

/// <summary>
/// The public ballot (no account). UNTRACEABILITY, the rule this class exists to keep — no stored row or audit entry
/// can pair a code with the choices it cast, not for an administrator with the database either:
/// <list type="bullet">
/// <item>Codes are stored only as an HMAC with a key outside the database, with a <c>Used</c> flag and no timestamp.</item>
/// <item>Ballots are not rows: a vote adds one to counters keyed (window, cadre, choice), with no timestamp and no generated key.
///   Every vote rewrites <em>every</em> counter row of the window (adding 0 or 1), so row versions (PostgreSQL <c>xmin</c>,
///   <c>ctid</c>) show only that some ballot touched them, not which counter grew. The window's code rows are rewritten
///   the same way, so their row versions do not tell when each code was used either.</item>
/// <item>The code's flag, the counters and the window's ballot count change in one transaction by conditional updates that
///   bypass the row-level audit; the audit chain gets one event, "a ballot was cast in window X", naming neither code nor choice.</item>
/// <item>Nothing is logged with the code; a wrong code is not written anywhere.</item>
/// </list>
/// Out of reach of this design, and said so in the README: someone who watches the database live (or diffs backups taken
/// between two single votes), or reads the write-ahead log, sees which counters grew at the moment a code was used.
/// </summary>
public sealed class BallotHandlers(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, BallotGuard guard)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static BallotRefusedException Refuse(BallotRefusal r) => new(r, r switch
    {
        BallotRefusal.Unknown => "票码无效，请核对票面上的票码",
        BallotRefusal.Voided => "该票码已作废，请向乡镇工作人员领取新的票码",
        BallotRefusal.Used => "该票码已经投过票，每张票码只能投票一次",
        BallotRefusal.NotYetOpen => "评议尚未开始，请在开始时间后再投票",
        BallotRefusal.Closed => "评议已经结束，不能再投票",
        BallotRefusal.TooManyAttempts => "输错票码的次数过多，请稍后再试",
        _ => "选票有误",
    });

    private sealed record CodeRow(long Id, long WindowId, bool Used, bool Voided, DateTime OpensAtUtc, DateTime ClosesAtUtc, DateTime? ClosedAtUtc);

    // Visitors have no region scope: the code is the authority here, so these reads and writes cross the scope filters on purpose (ScopeGateway.AnonymousBallot).
    private async Task<(string Code, CodeRow Row)> CheckAsync(string? typed, string client, CancellationToken ct)
    {
        if (guard.IsLockedOut(client)) throw Refuse(BallotRefusal.TooManyAttempts);
        var (code, error) = BallotCodeFormat.Normalize(typed);
        if (code is null) throw new BallotRefusedException(BallotRefusal.BadFormat, error!);
        var hash = protector.BallotCodeHash(code);
        var row = await ScopeGateway.AnonymousBallot.CodeWithWindow(db, hash,
                (c, w) => new CodeRow(c.Id, c.WindowId, c.Used, c.Voided, w.OpensAtUtc, w.ClosesAtUtc, w.ClosedAtUtc))
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            guard.Fail(client);
            throw Refuse(BallotRefusal.Unknown);
        }
        if (row.Voided) throw Refuse(BallotRefusal.Voided);
        if (row.Used) throw Refuse(BallotRefusal.Used);
        return PublicEvaluationRules.StateAt(row.OpensAtUtc, row.ClosesAtUtc, row.ClosedAtUtc, Now) switch
        {
            WindowState.NotYetOpen => throw Refuse(BallotRefusal.NotYetOpen),
            WindowState.Closed => throw Refuse(BallotRefusal.Closed),
            _ => (code, row),
        };
    }

    /// <summary>The ballot sheet for a code that may vote now; <see cref="BallotRefusedException"/> otherwise.</summary>
    public async Task<BallotSheet> OpenAsync(string? typed, string client, CancellationToken ct = default)
    {
        var (code, row) = await CheckAsync(typed, client, ct);
        var w = await ScopeGateway.AnonymousBallot.Window(db, row.WindowId).FirstAsync(ct);
        var town = RegionCodes.TownOf(w.RegionCode);
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code == w.RegionCode || r.Code == town)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var cadres = await ScopeGateway.AnonymousBallot.Reports(db, w.Id).OrderBy(r => r.Position)
            .Select(r => new { r.CadreId, r.CadreName, r.PostCode, r.Text }).ToListAsync(ct);
        return new(BallotCodeFormat.Display(code), names.GetValueOrDefault(w.RegionCode) ?? "", (town is null ? null : names.GetValueOrDefault(town)) ?? "", w.Year,
            clock.ToChina(w.ClosesAtUtc),
            cadres.Select(c => new BallotCadre(c.CadreId, c.CadreName, CadreNames.Post(c.PostCode), c.Text)).ToList());
    }

    /// <summary>
    /// Casts a ballot: exactly once per code, also when the same code arrives twice at the same moment — the conditional
    /// <c>UPDATE … SET Used = true WHERE Used = false</c> lets one transaction through and the other finds no row.
    /// </summary>
    public async Task CastAsync(CastBallot c, string client, CancellationToken ct = default)
    {
        var (_, row) = await CheckAsync(c.Code, client, ct);
        var cadres = await ScopeGateway.AnonymousBallot.Reports(db, row.WindowId)
            .ToDictionaryAsync(r => r.CadreId, r => r.CadreName, ct);
        var answers = (c.Answers ?? []).GroupBy(a => a.CadreId).ToDictionary(g => g.Key, g => g.Last().Choice);
        var problems = PublicEvaluationRules.CheckBallot(cadres, answers);
        if (problems.Count > 0) throw new BallotRefusedException(BallotRefusal.Incomplete, string.Join("；", problems));

        var now = Now;
        var window = row.WindowId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Window first (the close takes it first too): still open, and count the ballot.
        var open = await ScopeGateway.AnonymousBallot.CountBallotAsync(db, window, now, ct);
        if (open == 0) throw Refuse(BallotRefusal.Closed);
        var marked = await ScopeGateway.AnonymousBallot.MarkCodeUsedAsync(db, row.Id, ct);
        if (marked == 0) throw Refuse(BallotRefusal.Used);
        // Rewrite every code row of the window too: on PostgreSQL each row's xmin would otherwise match the transaction of its
        // "ballot cast" audit entry and so tell when each code voted. Now all carry the latest vote's transaction.
        await ScopeGateway.AnonymousBallot.RewriteWindowCodesAsync(db, window, ct);
        foreach (var (cadre, choice) in answers.OrderBy(a => a.Key))
        {
            await ScopeGateway.AnonymousBallot.TallyAsync(db, window, cadre, choice!.Value, ct);
        }
        var village = await ScopeGateway.AnonymousBallot.Window(db, window).Select(w => w.RegionCode).FirstAsync(ct);
        db.RecordEvent("BallotCast", nameof(EvaluationWindow), window.ToString(), village);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
