using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Audit;

public sealed record AuditFilter(string? User, string? Entity, DateOnly? From, DateOnly? To, string? Region);

public sealed record AuditRow(long Sequence, DateTime AtUtc, string UserName, string RegionCode, string Action, string ActionName, string Entity, string EntityKey, string? Before, string? After);

/// <summary>Reading the log (region-scoped by the data context) and verifying the chain.</summary>
public sealed class AuditHandlers(AppDbContext db, TimeProvider clock)
{
    public async Task<Paged<AuditRow>> SearchAsync(AuditFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName.Contains(f.User.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Entity)) q = q.Where(a => a.Entity == f.Entity.Trim());
        if (!string.IsNullOrWhiteSpace(f.Region)) q = q.Where(a => a.RegionCode.StartsWith(f.Region.Trim()));
        Infrastructure.Web.InputRange.Date(f.From, "from");
        Infrastructure.Web.InputRange.Date(f.To, "to");
        // The dates are China dates (Cunzhi:TimeZone): from its 00:00 to the end of the last day, in UTC.
        if (f.From is { } from) { var t = clock.StartUtc(from); q = q.Where(a => a.AtUtc >= t); }
        if (f.To is { } to) { var t = clock.EndUtc(to); q = q.Where(a => a.AtUtc < t); }
        var result = await q.OrderByDescending(a => a.Sequence)
            .Select(a => new AuditRow(a.Sequence, a.AtUtc, a.UserName, a.RegionCode, a.Action, "", a.Entity, a.EntityKey, a.Before, a.After))
            .ToPagedAsync(page, ct);
        return result with { Items = result.Items.Select(r => r with { ActionName = AuditActions.DisplayName(r.Action), AtUtc = DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc) }).ToList() };
    }

    public Task<List<string>> EntitiesAsync(CancellationToken ct = default) =>
        db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => AuditVerifier.VerifyAsync(db, ct);

    /// <summary>The chain's head (whole chain, not region-scoped: a sequence and a keyed hash reveal no entry).</summary>
    public Task<AuditHeadView> HeadAsync(CancellationToken ct = default) => AuditVerifier.HeadAsync(db, ct);
}
