using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报 — the discipline inspector's desk: the list (region scope: the county inspector sees the county's, a town's
/// inspector its town's), one complaint with its history, the steps (受理 / 不予受理 → 调查 → 办结 with the outcome), 查看举报人
/// (audited, the entry never holding the value), and 转为诉求. A 查实 or 部分查实 outcome against a cadre writes, in the
/// same save, the 信访举报查实 conduct record the promotion rules read (D5).
/// </summary>
public sealed class ComplaintDesk(AppDbContext db, UserContext user, PersonalDataProtector protector, TimeProvider clock, MatterDesk matters)
{
    public const string NotFoundMessage = "未找到该举报（或不在您的管辖范围内）";

    private DateOnly Today => clock.Today();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<ComplaintRow> Rows(IQueryable<Complaint> q, DateOnly today) => q.Select(c => new ComplaintRow(c.Id, c.RegionCode,
        db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault(), c.Category, "", c.Subject, c.CadreId,
        db.Cadres.Where(x => x.Id == c.CadreId).Select(x => x.Name).FirstOrDefault(), c.Anonymous, c.ReporterNameMasked, c.ReporterPhoneMasked,
        c.State, "", c.Outcome, null, c.FiledOn, 0, c.RowVersion));

    private ComplaintRow Named(ComplaintRow r) => r with
    {
        CategoryName = ComplaintRules.CategoryName(r.Category), StateName = ComplaintRules.StateName(r.State),
        OutcomeName = r.Outcome is { } o ? ComplaintRules.OutcomeName(o) : null, AgeDays = Today.DayNumber - r.FiledOn.DayNumber,
    };

    /// <summary>The complaints in scope, filtered; open ones oldest first, then the rest newest first (paged).</summary>
    public async Task<Paged<ComplaintRow>> ListAsync(ComplaintFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<Complaint>().AsNoTracking();
        if (f.State is { } s) q = q.Where(c => c.State == s);
        if (f.OpenOnly) q = q.Where(c => c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Investigating);
        if (f.OlderThanDays is { } days)
        {
            if (days is < 0 or > 3650) throw new BadInputException("olderThanDays", "天数应为 0 至 3650");
            var before = Today.AddDays(-days);
            q = q.Where(c => c.FiledOn < before && (c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Investigating));
        }
        var paged = await Rows(q.OrderBy(c => c.State == ComplaintState.Refused || c.State == ComplaintState.Concluded).ThenBy(c => c.FiledOn).ThenBy(c => c.Id), Today)
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(Named).ToList() };
    }

    /// <summary>One complaint in scope with its history; null when not found.</summary>
    public async Task<ComplaintDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var row = await Rows(db.Set<Complaint>().AsNoTracking().Where(c => c.Id == id), Today).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var more = await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.RefusalReason, c.Findings, c.DecidedOn, c.ConcludedOn, c.ConductRecordId, c.MatterId }).FirstAsync(ct);
        var steps = await db.Set<ComplaintEntry>().AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Text, e.Actor, e.AtUtc }).ToListAsync(ct);
        return new(Named(row), more.RefusalReason, more.Findings, more.DecidedOn, more.ConcludedOn, more.ConductRecordId, more.MatterId,
            steps.Select(e => new ComplaintStep(e.Kind, ComplaintRules.EntryName(e.Kind), e.Text, e.Actor, clock.ToChina(e.AtUtc))).ToList());
    }

    private async Task<ComplaintDetail?> StepAsync(long id, int? version, Func<Complaint, Task<ComplaintEntry>> step, CancellationToken ct)
    {
        if (await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return null;
        db.ExpectVersion(c, version);
        db.Add(await step(c));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A cadre of the complaint's region (village, or a village of the town), or a refusal.</summary>
    private async Task EnsureCadreAsync(string region, long cadreId, CancellationToken ct)
    {
        var prefix = RegionCodes.ScopePrefix(region);
        if (!await db.Cadres.AnyAsync(x => x.Id == cadreId && x.RegionCode.StartsWith(prefix), ct))
            throw new RuleException("complaint.cadre", "cadreId", "所选干部不在该举报所涉的村（乡镇）");
    }

    /// <summary>受理 (optionally naming the cadre concerned); null when not found.</summary>
    public Task<ComplaintDetail?> AcceptAsync(long id, AcceptComplaint c, CancellationToken ct = default) => StepAsync(id, c.Version, async x =>
    {
        if (c.CadreId is { } cadre)
        {
            await EnsureCadreAsync(x.RegionCode, cadre, ct);
            x.CadreId = cadre;
        }
        return x.Accept(c.Note, user.UserName, Today, Now);
    }, ct);

    /// <summary>不予受理 with a reason; null when not found.</summary>
    public Task<ComplaintDetail?> RefuseAsync(long id, RefuseComplaint c, CancellationToken ct = default) =>
        StepAsync(id, c.Version, x => Task.FromResult(x.Refuse(c.Reason, user.UserName, Today, Now)), ct);

    /// <summary>开始调查; null when not found.</summary>
    public Task<ComplaintDetail?> InvestigateAsync(long id, InvestigateComplaint c, CancellationToken ct = default) =>
        StepAsync(id, c.Version, x => Task.FromResult(x.Investigate(c.Note, user.UserName, Now)), ct);

    /// <summary>
    /// 办结 with the outcome and findings; a 查实 or 部分查实 outcome against a cadre adds the 信访举报查实 conduct record
    /// (dated today) in the same save and links it. Null when not found.
    /// </summary>
    public Task<ComplaintDetail?> ConcludeAsync(long id, ConcludeComplaint c, CancellationToken ct = default) => StepAsync(id, c.Version, async x =>
    {
        var entry = x.Conclude(c.Outcome, c.Findings, c.Note, user.UserName, Today, Now);
        if (x.CadreToRecord is { } cadreId)
        {
            var village = await db.Cadres.Where(k => k.Id == cadreId).Select(k => k.RegionCode).FirstAsync(ct);
            var text = $"信访举报{ComplaintRules.OutcomeName(x.Outcome!.Value)}（第 {x.Id} 号）：{x.Findings}";
            var record = ConductRecord.Create(cadreId, village, ConductKind.Complaint, Today, null, null, null, null,
                text.Length > ConductDescriptionMax ? text[..ConductDescriptionMax] : text, [], Today, user.UserName, Now);
            db.Add(record);
            x.ConductRecord = record;
        }
        return entry;
    }, ct);

    /// <summary>Longest conduct record description (its column).</summary>
    private const int ConductDescriptionMax = 500;

    /// <summary>
    /// 查看举报人: the reporter's name and phone in full. The reveal is an audit entry naming the complaint only, never the
    /// value. Null when not found.
    /// </summary>
    public async Task<RevealedReporter?> RevealAsync(long id, CancellationToken ct = default)
    {
        var c = await db.Set<Complaint>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.RegionCode, x.Anonymous, x.ReporterNameCipher, x.ReporterPhoneCipher }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        if (c.Anonymous) return new(true, null, null);
        db.RecordEvent(AuditActions.Reveal, nameof(Complaint), id.ToString(), c.RegionCode);
        await db.SaveChangesAsync(ct);
        return new(false, c.ReporterNameCipher is null ? null : protector.Unprotect(c.ReporterNameCipher),
            c.ReporterPhoneCipher is null ? null : protector.Unprotect(c.ReporterPhoneCipher));
    }

    /// <summary>
    /// 转为诉求: registers a matter (source 投诉, linked both ways) in the complaint's village, or the village named for a
    /// town's complaint; its receipt code is answered once. Null when not found.
    /// </summary>
    public async Task<ComplaintMatterRaised?> RaiseMatterAsync(long id, RaiseComplaintMatter c, CancellationToken ct = default)
    {
        if (await db.Set<Complaint>().FirstOrDefaultAsync(x => x.Id == id, ct) is not { } complaint) return null;
        db.ExpectVersion(complaint, c.Version);
        var village = RegionCodes.LevelOf(complaint.RegionCode) == RegionLevel.Village ? complaint.RegionCode : c.Village?.Trim() ?? "";
        if (RegionCodes.LevelOf(village) != RegionLevel.Village || !village.StartsWith(RegionCodes.ScopePrefix(complaint.RegionCode), StringComparison.Ordinal)
            || !await db.Regions.AnyAsync(r => r.Code == village, ct))
            throw new RuleException("complaint.village", "village", "请选择诉求所在的村（须为该举报所涉乡镇的村）");
        if (!Enum.IsDefined(c.Kind)) throw new RuleException("complaint.kind", "kind", "请选择诉求类别");
        var title = c.Title?.Trim() ?? "";
        if (title.Length == 0) throw new RuleException("complaint.title", "title", "请填写诉求标题（不写姓名）");
        if (title.Length > Matter.MaxTitle) throw new RuleException("complaint.title", "title", $"标题不能超过 {Matter.MaxTitle} 个字");
        var description = complaint.Subject.Length > Matter.MaxText ? complaint.Subject[..Matter.MaxText] : complaint.Subject;
        var m = matters.New(village, null, c.Kind, MatterSource.Complaint, title, description, null);
        m.ComplaintId = complaint.Id;
        db.Add(complaint.RaiseMatter(m, user.UserName, Now));
        var code = matters.Stage(m, await matters.DeadlinesAsync(village, ct));
        await db.SaveChangesAsync(ct);
        return new((await GetAsync(id, ct))!, m.Id, code);
    }
}
