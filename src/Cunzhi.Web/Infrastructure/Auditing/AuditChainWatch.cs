using Cunzhi.Data;
using Cunzhi.Domain.Auditing;

namespace Cunzhi.Web.Infrastructure.Auditing;

/// <summary>What the watch knows: verified through <paramref name="Sequence"/> (its hash <paramref name="Hash"/>), the whole chain last at <paramref name="FullAtUtc"/>.</summary>
/// <param name="FirstBreak">The break found, or null while intact.</param>
/// <param name="EntriesRead">Entries this check read (the whole chain on a full check, the new ones otherwise).</param>
public sealed record AuditWatchResult(long Sequence, string Hash, DateTime FullAtUtc, AuditBreak? FirstBreak, long EntriesRead)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// The discipline home's 操作日志哈希链 item without streaming the whole log on every load. It keeps (in memory, per
/// process) the last verified head; a load reads the head row and verifies only the entries written since, linked to
/// that checkpoint — so a break among new entries, a removed tail or a head that does not match shows at once. An entry
/// at or before the checkpoint altered after it was verified cannot be seen that way (its successor still links to the
/// hash that was verified), so the whole chain is verified again when the last whole verification is older than
/// <see cref="FullEvery"/> (or the head went backwards, or nothing is known yet, e.g. after a restart): such a change
/// shows within that time. A break stays shown until a whole verification finds the chain intact. The 操作日志 page
/// (校验哈希链), <c>GET /api/v1/audit/verify</c> and the <c>verify-audit</c> verb always verify the whole chain.
/// </summary>
public sealed class AuditChainWatch(TimeProvider clock)
{
    /// <summary>Longest time between two whole-chain verifications made for the home.</summary>
    public static readonly TimeSpan FullEvery = TimeSpan.FromMinutes(10);

    private AuditWatchResult? _last;

    /// <summary>The last check's result (null before the first).</summary>
    public AuditWatchResult? Last => Volatile.Read(ref _last);

    public async Task<AuditWatchResult> CheckAsync(AppDbContext db, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var known = Last;
        var head = await AuditVerifier.HeadRowAsync(db, ct);
        AuditWatchResult result;
        if (known is null || now - known.FullAtUtc >= FullEvery || now < known.FullAtUtc || head.Sequence < known.Sequence
            || (head.Sequence == known.Sequence && head.Hash != known.Hash))
        {
            var full = await AuditVerifier.VerifyAsync(db, ct);
            result = new(head.Sequence, head.Hash, now, full.FirstBreak, full.EntriesChecked);
        }
        else if (!known.Intact || head.Sequence == known.Sequence)
            result = known with { EntriesRead = 0 };
        else
        {
            var since = AuditVerifier.VerifyAfter(db, (known.Sequence, known.Hash), head);
            result = since.Intact
                ? known with { Sequence = head.Sequence, Hash = head.Hash, EntriesRead = since.EntriesChecked }
                : known with { FirstBreak = since.FirstBreak, EntriesRead = since.EntriesChecked };
        }
        Volatile.Write(ref _last, result);
        return result;
    }
}
