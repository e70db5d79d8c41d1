using System.Text.Json;
using System.Threading.RateLimiting;
using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>A villager's objection filed on the public board: a short reason (required) and an optional contact name.</summary>
public sealed record BoardObjection(string? Reason, string? ContactName);

public sealed class BoardObjectionValidator : AbstractValidator<BoardObjection>
{
    public BoardObjectionValidator()
    {
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请写明异议的理由")
            .MaximumLength(PointsBoard.MaxReason).WithMessage($"异议理由不能超过 {PointsBoard.MaxReason} 个字");
        RuleFor(c => c.ContactName).MaximumLength(PointsBoard.MaxContact).WithMessage($"联系人姓名不能超过 {PointsBoard.MaxContact} 个字");
    }
}

/// <summary>
/// Flood guard of the board's objection form: per client IP, at most <c>Points:BoardObjectionsPerIp</c> (default 5)
/// submissions per <c>Points:BoardWindowMinutes</c> (default 60), counted whether or not they are accepted; then 429 until
/// the window passes. A village hall shares one IP, and five objections an hour from it is far above what a board sees;
/// a script filling a village's review list is stopped at five. Like <see cref="Evaluations.BallotGuard"/>, built on
/// System.Threading.RateLimiting and held in memory (a restart forgets it). The IP is used as the limiter's key only: it
/// is never stored, logged or audited.
/// </summary>
public sealed class BoardObjectionGuard : IDisposable
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private PartitionedRateLimiter<string> _limiter;

    public BoardObjectionGuard(IConfiguration config)
    {
        _limit = config.GetValue("Points:BoardObjectionsPerIp", 5);
        _window = TimeSpan.FromMinutes(config.GetValue("Points:BoardWindowMinutes", 60));
        _limiter = Create();
    }

    /// <summary>Submissions allowed per window.</summary>
    public int Limit => _limit;

    private PartitionedRateLimiter<string> Create() => PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = _limit, Window = _window, QueueLimit = 0, AutoReplenishment = true }));

    /// <summary>Counts a submission; false when the client has used up its window.</summary>
    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    /// <summary>Forgets every count (as a restart does).</summary>
    public void Reset() => Interlocked.Exchange(ref _limiter, Create()).Dispose();

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Files a villager's objection from the board, without an account. It lands where the village records objections
/// (<see cref="PointsObjection"/>, pending, the entry's pending count raised), so the committee reviews it on the ledger's
/// 公示 tab like any other. Only while the entry is on the board: the count is a conditional UPDATE that matches only an
/// entry still in 公示 with its last day not past (China date), so an objection racing the 公示's end or a committee
/// decision either lands whole or is refused with nothing written; the entry's data version advances, so a decision
/// read before it is refused as stale (409). Audited as an event by the anonymous actor with the objection's text and
/// contact name as given — no IP, nothing else about the visitor.
/// </summary>
public sealed class PointsBoardObjections(AppDbContext db, PointsBoardCache cache, TimeProvider clock)
{
    /// <summary>The entry, if it is the village's and on its board now; null when the village has no such entry.</summary>
    public Task<PointsEntry?> EntryAsync(string village, long id, CancellationToken ct = default) =>
        ScopeGateway.PublicBoard.Entry(db, village, id).FirstOrDefaultAsync(ct);

    /// <summary>Files the objection; false when the village has no such entry. Refusals (公示 over, not in 公示) are rule errors.</summary>
    public async Task<bool> FileAsync(string village, long id, BoardObjection c, CancellationToken ct = default)
    {
        if (await EntryAsync(village, id, ct) is not { } entry) return false;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        PointsRules.RaiseObjection(entry, today);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(c.ContactName) ? PointsBoard.Anonymous : c.ContactName.Trim();
        var o = new PointsObjection
        {
            EntryId = id, RegionCode = village, ObjectorName = name, Reason = c.Reason!.Trim(), RaisedOn = today,
            RecordedBy = PointsBoard.RecordedByBoard, RecordedAtUtc = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await ScopeGateway.PublicBoard.CountObjectionAsync(db, village, id, today, ct) == 0)
        {
            // Decided or closed between the read and now: say why, as of now.
            var again = await EntryAsync(village, id, ct) ?? entry;
            PointsRules.RaiseObjection(again, today);
            throw new RuleException("points.objection-closed", null, "该积分记录已不在公示期内，不能提出异议");
        }
        await ScopeGateway.PublicBoard.InsertObjectionAsync(db, o, ct);
        db.RecordEvent("PointsObjectionFiled", nameof(PointsEntry), id.ToString(System.Globalization.CultureInfo.InvariantCulture), village,
            JsonSerializer.Serialize(new { o.ObjectorName, o.Reason, o.RaisedOn, o.RecordedBy }, Cunzhi.Data.Auditing.AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Invalidate(village, today);
        return true;
    }
}
