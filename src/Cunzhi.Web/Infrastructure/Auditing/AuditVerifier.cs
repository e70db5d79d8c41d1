using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Auditing;

/// <summary>Streams the whole chain (all regions) through the keyed <see cref="AuditChain.Verify(IEnumerable{StoredAuditLink}, byte[], ValueTuple{long, string}?)"/>.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        // Streamed row by row (a synchronous enumeration), so a million entries never sit in memory at once.
        var rows = ScopeGateway.WholeAuditChain.Links(db).OrderBy(a => a.Sequence)
            .AsEnumerable().Select(a => new StoredAuditLink(a.ToLink(), a.Hash));
        return db.Seal.Verify(rows, (head.Sequence, head.Hash));
    }

    /// <summary>
    /// The entries after a checkpoint verified earlier, up to <paramref name="head"/> (read just before, so entries
    /// written meanwhile wait for the next check instead of looking unsealed); see <see cref="AuditChainWatch"/>.
    /// </summary>
    public static AuditVerification VerifyAfter(AppDbContext db, (long Sequence, string Hash) after, (long Sequence, string Hash) head)
    {
        var rows = ScopeGateway.WholeAuditChain.Links(db).Where(a => a.Sequence > after.Sequence && a.Sequence <= head.Sequence).OrderBy(a => a.Sequence)
            .AsEnumerable().Select(a => new StoredAuditLink(a.ToLink(), a.Hash));
        return db.Seal.VerifyAfter(rows, after, head);
    }

    /// <summary>The head row's sequence and hash.</summary>
    public static async Task<(long Sequence, string Hash)> HeadRowAsync(AppDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        return (head.Sequence, head.Hash);
    }

    /// <summary>
    /// The log looks like one the old version left (first entry under the unkeyed hash, no 脱敏 entry yet): verify-audit
    /// then says to run the upgrade rather than only that entry 1 is broken.
    /// </summary>
    public static async Task<bool> AwaitsUpgradeAsync(AppDbContext db, CancellationToken ct = default)
    {
        var first = await ScopeGateway.WholeAuditChain.Links(db).OrderBy(a => a.Sequence).FirstOrDefaultAsync(ct);
        return first is not null && AuditChain.ComputeUnkeyedHash(first.ToLink()) == first.Hash
            && !await ScopeGateway.WholeAuditChain.Links(db).AnyAsync(a => a.Action == AuditActions.Redaction, ct);
    }

    /// <summary>The chain's head (last sequence, its hash and time), for anchoring it outside the database.</summary>
    public static async Task<AuditHeadView> HeadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        var at = head.Sequence == 0 ? (DateTime?)null
            : await ScopeGateway.WholeAuditChain.Links(db).Where(a => a.Sequence == head.Sequence).Select(a => (DateTime?)a.AtUtc).SingleOrDefaultAsync(ct);
        return new(head.Sequence, head.Hash, at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null);
    }
}

/// <summary>The chain's head: whoever writes down (sequence, hash) elsewhere can later prove the log up to it unchanged.</summary>
public sealed record AuditHeadView(long Sequence, string Hash, DateTime? AtUtc);
