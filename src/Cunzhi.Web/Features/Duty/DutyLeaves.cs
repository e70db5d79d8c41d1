using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>A leave as shown.</summary>
public sealed record LeaveView(long Id, string Village, long CadreId, string CadreName, DateOnly FromDate, DateOnly ToDate, LeaveKind Kind, string KindName,
    string Reason, LeaveState State, string StateName, string? RequestedBy, string? DecidedBy, long? ReplacementCadreId, string? DecisionNote, int Version) : IVersionedView;

/// <summary>Requests leave for a cadre of the village (by the village on the cadre's behalf, or the town).</summary>
public sealed record RequestLeave(long CadreId, DateOnly FromDate, DateOnly ToDate, LeaveKind Kind, string? Reason);

/// <summary>The town's decision on a leave request; a replacement when approving would leave a day with nobody on duty.</summary>
public sealed record DecideLeave(bool Approve, long? ReplacementCadreId, string? Note) : IVersionedCommand
{
    /// <summary>The leave's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class RequestLeaveValidator : AbstractValidator<RequestLeave>
{
    public RequestLeaveValidator() => RuleFor(c => c).Custom((c, ctx) =>
    {
        foreach (var p in DutyRules.LeaveProblems(c.FromDate, c.ToDate, c.Kind, c.Reason)) ctx.AddFailure(p.Field ?? "", p.Message);
    });
}

public sealed class DecideLeaveValidator : AbstractValidator<DecideLeave>
{
    public DecideLeaveValidator() => RuleFor(c => c.Note).MaximumLength(DutyLeave.MaxReason).WithMessage($"说明不能超过 {DutyLeave.MaxReason} 个字");
}

/// <summary>
/// 休假: requests (village or town), the town's decision. Approving takes the cadre off the roster on their leave days in
/// the same save; a day left with nobody on duty needs a named replacement. Every month the leave touches is marked
/// changed, so two approvals racing over one village's month cannot both pass (one gets 409 and nothing is written).
/// </summary>
public sealed class DutyLeaves(AppDbContext db, DutyRosters rosters, TimeProvider clock)
{
    public const string NotFound = "未找到该休假申请，或其不在您的管辖范围内";

    private IQueryable<LeaveView> Views(IQueryable<DutyLeave> leaves) => leaves.AsNoTracking().Select(l => new LeaveView(l.Id, l.RegionCode, l.CadreId,
        db.Cadres.Where(c => c.Id == l.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", l.FromDate, l.ToDate, l.Kind, "", l.Reason, l.State, "",
        l.RequestedBy, l.DecidedBy, l.ReplacementCadreId, l.DecisionNote, l.RowVersion));

    private static LeaveView Named(LeaveView v) => v with { KindName = DutyLeave.KindName(v.Kind), StateName = DutyLeave.StateName(v.State) };

    /// <summary>Leave in scope (region: a town or village prefix; state filter), newest first, a page at a time.</summary>
    public async Task<Paged<LeaveView>> ListAsync(string? region, LeaveState? state, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<DutyLeave>().AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(region)) q = q.Where(l => l.RegionCode.StartsWith(region.Trim()));
        if (state is { } s) q = q.Where(l => l.State == s);
        var ids = q.OrderByDescending(l => l.FromDate).ThenByDescending(l => l.Id).Select(l => l.Id);
        var paged = await ids.ToPagedAsync(page, ct);
        var views = await Views(db.Set<DutyLeave>().Where(l => paged.Items.Contains(l.Id))).ToListAsync(ct);
        return new(paged.Items.Select(id => Named(views.Single(v => v.Id == id))).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>One leave (null when not in scope).</summary>
    public async Task<LeaveView?> GetAsync(long id, CancellationToken ct = default) =>
        await Views(db.Set<DutyLeave>().Where(l => l.Id == id)).FirstOrDefaultAsync(ct) is { } v ? Named(v) : null;

    /// <summary>Requests leave; a cadre not in office or outside scope, or leave overlapping their approved leave, is refused.</summary>
    public async Task<LeaveView> RequestAsync(RequestLeave c, CancellationToken ct = default)
    {
        RuleException.ThrowIfAny(DutyRules.LeaveProblems(c.FromDate, c.ToDate, c.Kind, c.Reason));
        var cadre = await db.Cadres.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.CadreId, ct)
            ?? throw new RuleException("duty.cadre", "CadreId", "未找到该干部，或其不在您的管辖范围内");
        if (cadre.Status != CadreStatus.InOffice) throw new RuleException("duty.not_in_office", "CadreId", $"{cadre.Name} 已不在任");
        if (RegionCodes.LevelOf(cadre.RegionCode) != RegionLevel.Village) throw new RuleException("duty.cadre", "CadreId", "只能为村干部申请休假");
        RuleException.ThrowIfAny(DutyRules.OverlapProblems(c.FromDate, c.ToDate, await ApprovedOfAsync(cadre.Id, null, ct)));
        var leave = new DutyLeave
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, FromDate = c.FromDate, ToDate = c.ToDate, Kind = c.Kind, Reason = c.Reason!.Trim(),
            RequestedBy = db.User.UserName,
        };
        db.Add(leave);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(leave.Id, ct))!;
    }

    /// <summary>
    /// Approves or rejects a request (null when not in scope). Approval: no overlap with the cadre's approved leave; the
    /// cadre comes off the roster on the leave's days, a day left empty takes the replacement or refuses the approval.
    /// </summary>
    public async Task<LeaveView?> DecideAsync(long id, DecideLeave c, CancellationToken ct = default)
    {
        if (await db.Set<DutyLeave>().FirstOrDefaultAsync(l => l.Id == id, ct) is not { } leave) return null;
        db.ExpectVersion(leave, c.Version);
        if (leave.State != LeaveState.Requested) throw new RuleException("duty.leave_decided", "Approve", $"该申请已{DutyLeave.StateName(leave.State)}，不能再审批");
        (leave.DecidedBy, leave.DecidedAtUtc, leave.DecisionNote) = (db.User.UserName, clock.GetUtcNow().UtcDateTime, c.Note?.Trim());
        if (!c.Approve)
        {
            leave.State = LeaveState.Rejected;
            await db.SaveChangesAsync(ct);
            return await GetAsync(id, ct);
        }
        RuleException.ThrowIfAny(DutyRules.OverlapProblems(leave.FromDate, leave.ToDate, await ApprovedOfAsync(leave.CadreId, leave.Id, ct)));
        var span = new LeaveSpan(leave.CadreId, leave.FromDate, leave.ToDate);
        var others = (await rosters.ApprovedLeaveAsync(leave.RegionCode, leave.FromDate, leave.ToDate, ct)).Where(l => l.CadreId != leave.CadreId).ToList();
        var cadres = await rosters.CadresAsync(leave.RegionCode, ct);
        // Every month the leave touches is opened (created when none): the approvals of one village serialize on its version.
        var months = new List<DutyMonth>();
        for (var m = new DateOnly(leave.FromDate.Year, leave.FromDate.Month, 1); m <= leave.ToDate; m = m.AddMonths(1))
            months.Add(await rosters.OpenMonthAsync(leave.RegionCode, m.Year, m.Month, null, ct));
        var roster = months.SelectMany(m => DutyRosters.Roster(m)).ToDictionary(kv => kv.Key, kv => kv.Value);
        var changed = DutyRules.ApplyLeave(span, roster, others, c.ReplacementCadreId, cadres);
        foreach (var (day, ids) in changed)
        {
            var month = months.Single(m => m.Year == day.Year && m.Month == day.Month);
            foreach (var a in month.Assignments.Where(a => a.Date == day && !ids.Contains(a.CadreId)).ToList()) month.Assignments.Remove(a);
            foreach (var cid in ids.Where(i => month.Assignments.All(a => a.Date != day || a.CadreId != i)))
                month.Assignments.Add(new DutyAssignment { RegionCode = leave.RegionCode, Date = day, CadreId = cid });
        }
        (leave.State, leave.ReplacementCadreId) = (LeaveState.Approved, c.ReplacementCadreId);
        await rosters.SaveAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task<List<LeaveSpan>> ApprovedOfAsync(long cadreId, long? except, CancellationToken ct) =>
        await db.Set<DutyLeave>().AsNoTracking().Where(l => l.CadreId == cadreId && l.State == LeaveState.Approved && l.Id != except)
            .Select(l => new LeaveSpan(l.CadreId, l.FromDate, l.ToDate)).ToListAsync(ct);
}
