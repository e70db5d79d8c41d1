using Cunzhi.Data;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>Why a receipt code shows nothing: bad format (400), unknown (404) or too many wrong codes from this address (429).</summary>
public enum ReceiptRefusal { BadFormat, Unknown, TooManyAttempts }

public sealed class ReceiptRefusedException(ReceiptRefusal reason, string message) : Exception(message)
{
    public ReceiptRefusal Reason { get; } = reason;
}

/// <summary>
/// The resident without an account at /Matter: the receipt code shows the matter's progress (kind, title, the steps with
/// China dates, no names), and once it is done lets the resident confirm it or ask for it to be handled again, once.
/// Guessing is held back by the public ballot's guard (<see cref="BallotGuard"/>, the same per-address lockout on unknown
/// codes). The code is looked up by its keyed hash; the visitor then acts only within the matter's village
/// (<see cref="ScopeGateway.MatterReceipt"/>), so the save, its scope check and its audit entry are the ordinary ones.
/// </summary>
public sealed class MatterReceipts(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, BallotGuard guard, MatterSla sla)
{
    private async Task<(string Code, long Id)> FindAsync(string? typed, string client, CancellationToken ct)
    {
        if (guard.IsLockedOut(client)) throw new ReceiptRefusedException(ReceiptRefusal.TooManyAttempts, "输错回执码的次数过多，请稍后再试");
        var (code, error) = BallotCodeFormat.Normalize(typed);
        if (code is null)
            throw new ReceiptRefusedException(ReceiptRefusal.BadFormat, error!.Replace("票码", "回执码").Replace("票面", "回执单"));
        if (await ScopeGateway.MatterReceipt.FindAsync(db, protector.ReceiptCodeHash(code), ct) is not { } found)
        {
            guard.Fail(client);
            throw new ReceiptRefusedException(ReceiptRefusal.Unknown, "回执码无效，请核对回执单上的 12 位回执码");
        }
        ScopeGateway.MatterReceipt.ActAsResident(db, found.Village);
        return (code, found.Id);
    }

    private async Task<ReceiptView> ViewAsync(string code, long id, CancellationToken ct)
    {
        var m = await db.Set<Matter>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var village = await db.Regions.Where(r => r.Code == m.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var steps = await db.Set<MatterEvent>().AsNoTracking().Where(e => e.MatterId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Text, e.AtUtc }).ToListAsync(ct);
        // Reasons and decisions are the matter's own; account names and the resident's name are not shown.
        return new(BallotCodeFormat.Display(code), MatterRules.KindName(m.Kind), m.Title, village, MatterRules.StateName(m.State), m.State,
            MatterRules.LevelName(m.Level), m.ReceivedOn, m.DueOn, m.DoneText, !m.ReceiptUsed && m.State == MatterState.Done,
            steps.Select(s => new ReceiptStep(MatterRules.EventName(s.Kind), s.Kind == MatterEventKind.Accepted ? null : s.Text, clock.ToChina(s.AtUtc))).ToList());
    }

    /// <summary>The matter's progress for a receipt code.</summary>
    public async Task<ReceiptView> OpenAsync(string? typed, string client, CancellationToken ct = default)
    {
        var (code, id) = await FindAsync(typed, client, ct);
        return await ViewAsync(code, id, ct);
    }

    /// <summary>The resident confirms a done matter (once).</summary>
    public async Task<ReceiptView> ConfirmAsync(string? typed, string client, CancellationToken ct = default)
    {
        var (code, id) = await FindAsync(typed, client, ct);
        var m = await db.Set<Matter>().FirstAsync(x => x.Id == id, ct);
        db.Add(MatterRules.Confirm(m, ScopeGateway.MatterReceipt.ResidentActor, clock.Today(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(code, id, ct);
    }

    /// <summary>The resident asks for a done (or recently confirmed) matter to be handled again, with a reason (once).</summary>
    public async Task<ReceiptView> ReopenAsync(string? typed, string? reason, string client, CancellationToken ct = default)
    {
        var (code, id) = await FindAsync(typed, client, ct);
        var m = await db.Set<Matter>().FirstAsync(x => x.Id == id, ct);
        var days = await MatterDesk.ReopenDaysAsync(m.RegionCode, db, ct);
        var deadlines = await sla.ForRegionAsync(m.RegionCode, clock.Today(), ct);
        db.Add(MatterRules.Reopen(m, MatterReopener.Resident, reason, days, ScopeGateway.MatterReceipt.ResidentActor, clock.Today(), clock.GetUtcNow().UtcDateTime,
            deadlines));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(code, id, ct);
    }
}
