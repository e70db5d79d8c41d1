using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// The village committee's decisions on entries: approve (by someone other than the proposer; 公示 then starts for the
/// county's number of days), refuse with a reason, and reverse an entry in force (a new entry with the opposite points,
/// in force at once, counted on the running row in the same save; a unique index refuses a second reversal even when
/// two arrive together). Concurrent decisions on one entry: the entry's data version lets one through, the other gets 409.
/// </summary>
public sealed class PointsApproval(AppDbContext db, UserContext user, PointsBalances balances, PointsLedger ledger, PointsCapRows caps, PointsBoardCache board, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<PointsEntry?> EntryAsync(long id, CancellationToken ct) => db.Set<PointsEntry>().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Approves a pending entry; null when not found in scope.</summary>
    public async Task<PointsEntryView?> ApproveAsync(long id, CancellationToken ct = default)
    {
        if (await EntryAsync(id, ct) is not { } e) return null;
        var days = PointsPolicy.InForce(await balances.PoliciesAsync(e.RegionCode, ct), Today)?.PublicityDays ?? PointsPolicy.DefaultPublicityDays;
        PointsRules.Approve(e, user.UserName, Today, days, Now);
        await caps.TakeAsync(e, ct);
        await caps.SaveAsync(ct);
        board.Invalidate(e.RegionCode, Today);
        return await ledger.GetAsync(id, ct);
    }

    /// <summary>Refuses a pending entry with a reason; null when not found in scope.</summary>
    public async Task<PointsEntryView?> RejectAsync(long id, RejectPoints c, CancellationToken ct = default)
    {
        if (await EntryAsync(id, ct) is not { } e) return null;
        PointsRules.Reject(e, user.UserName, c.Reason ?? "", Now);
        await db.SaveChangesAsync(ct);
        return await ledger.GetAsync(id, ct);
    }

    /// <summary>Reverses an entry in force with a reason; returns the reversal, or null when the entry is not found in scope.</summary>
    public async Task<PointsEntryView?> ReverseAsync(long id, ReversePoints c, CancellationToken ct = default)
    {
        if (await db.Set<PointsEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } original) return null;
        original.IsReversed = await db.Set<PointsEntry>().AnyAsync(r => r.ReversesId == id, ct);
        var reversal = PointsRules.Reverse(original, c.Reason ?? "", user.UserName, Today, Now);
        db.Add(reversal);
        PointsRules.Count(await balances.RowAsync(reversal, reversal.Year, ct), reversal.AppliedPoints!.Value, reversal: true);
        await caps.GiveBackAsync(original, ct);
        // The reversal's unique index (one per original) turns a lost race into a stale write (409), like a new running row.
        await db.SaveCreatedAsync(ct);
        return await ledger.GetAsync(reversal.Id, ct);
    }
}

/// <summary>
/// Objections during 公示: the village records a villager's objection (only up to the last 公示 day, China date) and the
/// committee reviews it — upheld voids the entry, dismissed lets it continue; an entry whose 公示 has already ended comes
/// into force in the same save as the review.
/// </summary>
public sealed class PointsObjections(AppDbContext db, UserContext user, PointsBalances balances, PointsCapRows caps, PointsBoardCache board, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该异议（或不在您的管辖范围内）";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static ObjectionView View(PointsObjection o) =>
        new(o.Id, o.EntryId, o.ObjectorName, o.Reason, o.RaisedOn, o.RecordedBy, o.Outcome, o.ReviewNote, o.ReviewedBy, o.ReviewedAtUtc);

    /// <summary>Records an objection to a posted entry; null when the entry is not found in scope.</summary>
    public async Task<ObjectionView?> RaiseAsync(long entryId, ObjectPoints c, CancellationToken ct = default)
    {
        if (await db.Set<PointsEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct) is not { } e) return null;
        PointsRules.RaiseObjection(e, Today);
        var o = new PointsObjection
        {
            EntryId = e.Id, RegionCode = e.RegionCode, ObjectorName = c.ObjectorName!.Trim(), Reason = c.Reason!.Trim(), RaisedOn = Today,
            RecordedBy = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(o);
        await db.SaveChangesAsync(ct);
        board.Invalidate(e.RegionCode, Today);
        return View(o);
    }

    /// <summary>Reviews a pending objection; null when not found in scope.</summary>
    public async Task<ObjectionView?> ReviewAsync(long id, ReviewObjection c, CancellationToken ct = default)
    {
        if (await db.Set<PointsObjection>().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } o) return null;
        var e = await db.Set<PointsEntry>().FirstAsync(x => x.Id == o.EntryId, ct);
        PointsRules.Review(e, o, c.Upheld!.Value, user.UserName, c.Note, clock.GetUtcNow().UtcDateTime);
        if (PointsRules.IsDue(e, Today)) await balances.SettleAsync(e, ct);
        if (e.State == PointsEntryState.Void) await caps.GiveBackAsync(e, ct);
        await balances.SaveAsync(ct);
        board.Invalidate(e.RegionCode, Today);
        return View(o);
    }
}
