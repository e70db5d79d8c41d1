using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Cunzhi.Data;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// Holds back a flood of complaints from one address: at most <c>Complaints:FilingsPerIp</c> (default 5) filings per
/// <c>Complaints:FilingWindowMinutes</c> (default 60) minutes; past that the address is refused until the window ends.
/// </summary>
public sealed class ComplaintFilingGuard : IDisposable
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private PartitionedRateLimiter<string> _filings;

    public ComplaintFilingGuard(IConfiguration config)
    {
        _limit = config.GetValue("Complaints:FilingsPerIp", 5);
        _window = TimeSpan.FromMinutes(config.GetValue("Complaints:FilingWindowMinutes", 60));
        _filings = Create();
    }

    private PartitionedRateLimiter<string> Create() => PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = _limit, Window = _window, QueueLimit = 0, AutoReplenishment = true }));

    /// <summary>Forgets every count (as a restart does).</summary>
    public void Reset() => Interlocked.Exchange(ref _filings, Create()).Dispose();

    /// <summary>Takes one filing for the address; false when it has used up its filings for now.</summary>
    public bool TryFile(string client)
    {
        using var lease = _filings.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _filings.Dispose();
}

/// <summary>
/// The reporter without an account: /Jubao files a complaint (the receipt code answered once, kept only as its keyed hash,
/// like a matter's receipt) and /Jubao/Chaxun follows it with the code (state, the notes meant for the reporter, no
/// names) and adds information while it is open. Wrong codes count against the public ballot's per-address lockout
/// (<see cref="BallotGuard"/>); filings against <see cref="ComplaintFilingGuard"/>. The reporter acts only within the
/// complaint's region (<see cref="ScopeGateway.ComplaintReceipt"/>), so the save, its scope check and audit are the ordinary ones.
/// </summary>
public sealed class ComplaintReceipts(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, BallotGuard guard, ComplaintFilingGuard filings)
{
    /// <summary>The message for a flood of filings from one address.</summary>
    public const string TooManyFilings = "本网络地址提交举报过于频繁，请稍后再试；如情况紧急，请拨打 12388 或到纪委监委来访接待室反映";

    /// <summary>The towns a complaint may concern, for the filing form's first step.</summary>
    public async Task<List<(string Code, string Name)>> TownsAsync(CancellationToken ct = default)
    {
        var rows = await ScopeGateway.PublicRegions(db).Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The villages of <paramref name="town"/>, for the filing form's second step (none when it is not a town).</summary>
    public async Task<List<(string Code, string Name)>> VillagesAsync(string? town, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) return [];
        var rows = await ScopeGateway.PublicRegions(db).Where(r => r.Level == RegionLevel.Village && r.ParentCode == town)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The cadres in office of a village a complaint may name (names only, as the public duty board shows them).</summary>
    public async Task<List<(long Id, string Name)>> CadresAsync(string? region, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(region) != RegionLevel.Village) return [];
        if (!await ScopeGateway.PublicRegions(db).AnyAsync(r => r.Code == region, ct)) return [];
        ScopeGateway.ComplaintReceipt.ActAsReporter(db, region!);
        var rows = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == region && c.Status == Domain.Cadres.CadreStatus.InOffice)
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return rows.Select(c => (c.Id, c.Name)).ToList();
    }

    /// <summary>Files a complaint; answers the receipt code (shown once). Refused (429) past the address's filings.</summary>
    public async Task<string> FileAsync(FileComplaint c, string client, CancellationToken ct = default)
    {
        var region = c.Region?.Trim() ?? "";
        if (RegionCodes.LevelOf(region) is not (RegionLevel.Village or RegionLevel.Town) || !await ScopeGateway.PublicRegions(db).AnyAsync(r => r.Code == region, ct))
            throw new RuleException("complaint.region", "region", "请选择所反映问题所在的乡镇或村");
        // The form picks the town first, then one of its villages (or the town itself): a village of another town is refused.
        if (c.Town?.Trim() is { Length: > 0 } town && region != town && RegionCodes.TownOf(region) != town)
            throw new RuleException("complaint.town", "region", "所选的村不在所选的乡镇，请重新选择");
        ScopeGateway.ComplaintReceipt.ActAsReporter(db, region);
        if (c.CadreId is { } cadre && !await db.Cadres.AnyAsync(x => x.Id == cadre && x.RegionCode.StartsWith(RegionCodes.ScopePrefix(region)), ct))
            throw new RuleException("complaint.cadre", "cadreId", "所选干部不在所选的村");
        var code = BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32);
        var (complaint, entry) = Complaint.File(region, c.Category, c.Subject, c.CadreId, c.Anonymous, c.Name, c.Phone, protector.ReceiptCodeHash(code),
            protector.Protect, clock.Today(), clock.GetUtcNow().UtcDateTime);
        // Counted only once the complaint holds together, so a mistyped form does not use up the address's filings.
        if (!filings.TryFile(client)) throw new ReceiptRefusedException(ReceiptRefusal.TooManyAttempts, TooManyFilings);
        db.Add(complaint);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return BallotCodeFormat.Display(code);
    }

    private async Task<(string Code, long Id)> FindAsync(string? typed, string client, CancellationToken ct)
    {
        if (guard.IsLockedOut(client)) throw new ReceiptRefusedException(ReceiptRefusal.TooManyAttempts, "输错回执码的次数过多，请稍后再试");
        var (code, error) = BallotCodeFormat.Normalize(typed);
        if (code is null)
            throw new ReceiptRefusedException(ReceiptRefusal.BadFormat, error!.Replace("票码", "回执码").Replace("票面", "回执单"));
        if (await ScopeGateway.ComplaintReceipt.FindAsync(db, protector.ReceiptCodeHash(code), ct) is not { } found)
        {
            guard.Fail(client);
            throw new ReceiptRefusedException(ReceiptRefusal.Unknown, "回执码无效，请核对举报回执上的 12 位回执码");
        }
        ScopeGateway.ComplaintReceipt.ActAsReporter(db, found.Region);
        return (code, found.Id);
    }

    private async Task<ComplaintProgress> ViewAsync(string code, long id, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var region = await db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var steps = await db.Set<ComplaintEntry>().AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Text, e.AtUtc }).ToListAsync(ct);
        // The notes are those meant for the reporter; account names and the findings are not shown.
        return new(BallotCodeFormat.Display(code), region, ComplaintRules.CategoryName(c.Category), c.Subject, c.State, ComplaintRules.StateName(c.State),
            c.Outcome is { } o ? ComplaintRules.OutcomeName(o) : null, c.FiledOn, c.Open,
            steps.Select(s => new ComplaintStep(s.Kind, ComplaintRules.EntryName(s.Kind), s.Text, "", clock.ToChina(s.AtUtc))).ToList());
    }

    /// <summary>The complaint's progress for a receipt code.</summary>
    public async Task<ComplaintProgress> OpenAsync(string? typed, string client, CancellationToken ct = default)
    {
        var (code, id) = await FindAsync(typed, client, ct);
        return await ViewAsync(code, id, ct);
    }

    /// <summary>补充材料: the reporter adds text while the complaint is open.</summary>
    public async Task<ComplaintProgress> SupplementAsync(string? typed, string? text, string client, CancellationToken ct = default)
    {
        var (code, id) = await FindAsync(typed, client, ct);
        var c = await db.Set<Complaint>().FirstAsync(x => x.Id == id, ct);
        db.Add(c.Supplement(text, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(code, id, ct);
    }
}
