using Cunzhi.Domain.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Auditing;

/// <summary>Streams the whole chain (all regions) through <see cref="AuditChain.Verify"/>.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        // Streamed row by row (a synchronous enumeration), so a million entries never sit in memory at once.
        var rows = db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Sequence)
            .AsEnumerable().Select(a => new StoredAuditLink(a.ToLink(), a.Hash));
        return AuditChain.Verify(rows, (head.Sequence, head.Hash));
    }
}
