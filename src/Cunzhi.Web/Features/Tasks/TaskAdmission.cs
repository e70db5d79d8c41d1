using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>
/// A department's task request. Target villages are listed, or whole towns (全镇所有村), or both;
/// <see cref="ItemCode"/> is the list item the department says it falls under.
/// </summary>
public sealed record FileTaskRequest(string Title, string Requirement, List<string>? Villages, List<string>? Towns, DateOnly DueDate,
    bool EvidenceRequired, string? EvidenceJustification, string? ItemCode);

public sealed record ApproveTaskRequest(string? Reason);

public sealed record RejectTaskRequest(string Reason);

public sealed record ImportResult(int Filed, int Admitted, int Refused, int Pending, IReadOnlyList<TaskRequestView> Requests);

public sealed class FileTaskRequestValidator : AbstractValidator<FileTaskRequest>
{
    public FileTaskRequestValidator(TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写任务名称").MaximumLength(100).WithMessage("任务名称不能超过 100 个字");
        RuleFor(c => c.Requirement).NotEmpty().WithMessage("请填写村里需要做什么").MaximumLength(2000).WithMessage("任务要求不能超过 2000 个字");
        RuleFor(c => c).Must(c => (c.Villages?.Count ?? 0) + (c.Towns?.Count ?? 0) > 0).WithName("Villages").WithMessage("请选择下达的村(社区)");
        RuleForEach(c => c.Villages).Must(v => RegionCodes.IsValid(v, RegionLevel.Village)).WithMessage("村(社区)代码无效：{PropertyValue}");
        RuleForEach(c => c.Towns).Must(v => RegionCodes.IsValid(v, RegionLevel.Town)).WithMessage("乡镇代码无效：{PropertyValue}");
        RuleFor(c => c.DueDate).Must(d => d >= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage("完成期限不能早于今天");
        RuleFor(c => c.EvidenceJustification).NotEmpty().When(c => c.EvidenceRequired).WithMessage("要求留存佐证材料的，请说明确需佐证的理由")
            .MaximumLength(500).WithMessage("佐证理由不能超过 500 个字");
        RuleFor(c => c.ItemCode).MaximumLength(20).WithMessage("清单事项编号不能超过 20 个字符");
    }
}

public sealed class RejectTaskRequestValidator : AbstractValidator<RejectTaskRequest>
{
    public RejectTaskRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("驳回申请必须填写理由").MaximumLength(500).WithMessage("理由不能超过 500 个字");
}

public sealed class ApproveTaskRequestValidator : AbstractValidator<ApproveTaskRequest>
{
    public ApproveTaskRequestValidator() => RuleFor(c => c.Reason).MaximumLength(500).WithMessage("理由不能超过 500 个字");
}

/// <summary>
/// 减负's admission gate. Every path that files a request — page, API, import, a form published to villages — goes through
/// <see cref="FileAsync"/>/<see cref="ImportAsync"/> and so through <see cref="Admission.Decide"/>; village tasks come into
/// being only inside the domain's admit step. The coordination office decides what the gate leaves pending.
/// Region scope comes from the data context.
/// </summary>
public sealed class TaskAdmission(AppDbContext db, UserContext user, TimeProvider clock, ResponsibilityLists lists)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Files one request and passes it through the gate (page and API); <paramref name="holds"/> are reasons the coordination
    /// office must see it even when a listed item covers it (a form's duplicate fields).
    /// </summary>
    public async Task<TaskRequestView> FileAsync(FileTaskRequest c, TaskChannel channel, CancellationToken ct = default, IReadOnlyList<string>? holds = null)
    {
        var filed = await FileAllAsync([c], channel, ct, holds);
        return filed[0];
    }

    /// <summary>Files several requests at once (import); each passes the same gate. All or none are filed.</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<FileTaskRequest> commands, CancellationToken ct = default)
    {
        var filed = await FileAllAsync(commands, TaskChannel.Import, ct);
        return new(filed.Count, filed.Count(r => r.Status == TaskRequestStatus.Admitted), filed.Count(r => r.Status == TaskRequestStatus.Refused),
            filed.Count(r => r.Status == TaskRequestStatus.Pending), filed);
    }

    private async Task<List<TaskRequestView>> FileAllAsync(IReadOnlyList<FileTaskRequest> commands, TaskChannel channel, CancellationToken ct,
        IReadOnlyList<string>? holds = null)
    {
        var county = lists.County;
        var gate = await OpenGateAsync(channel, ct);
        var requests = new List<TaskRequest>();
        for (var i = 0; i < commands.Count; i++)
        {
            var villages = await ResolveVillagesAsync(commands[i], county, commands.Count > 1 ? $"第 {i + 1} 条：" : "", ct);
            requests.Add(gate.Pass(commands[i], villages, holds));
        }
        db.AddRange(requests);
        await db.SaveChangesAsync(ct);
        return requests.Select(TaskRequestViews.View).ToList();
    }

    /// <summary>
    /// The admission gate for the acting department: the county's list in force and the department's name, loaded once.
    /// Every path that files requests — page, API, JSON and Excel import — builds them through <see cref="TaskGate.Pass"/>.
    /// </summary>
    public async Task<TaskGate> OpenGateAsync(TaskChannel channel, CancellationToken ct = default)
    {
        var county = lists.County;
        var me = user.UserId;
        var department = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(department)) department = user.UserName;
        return new TaskGate(county, me, user.UserName, department, await lists.LoadAsync(ListStatus.Published, ct), channel, Now);
    }

    // Villages through the scoped Regions set: a code outside the account's county is simply not found.
    private async Task<List<string>> ResolveVillagesAsync(FileTaskRequest c, string county, string prefix, CancellationToken ct)
    {
        var villages = (c.Villages ?? []).Select(v => v.Trim()).Distinct().ToList();
        var towns = (c.Towns ?? []).Select(v => v.Trim()).Distinct().ToList();
        var countyPrefix = RegionCodes.ScopePrefix(county);
        var foundTowns = await db.Regions.Towns(county).Where(r => towns.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        var foundVillages = await db.Regions.Where(r => villages.Contains(r.Code) && r.Level == RegionLevel.Village && r.Code.StartsWith(countyPrefix)).Select(r => r.Code).ToListAsync(ct);
        var missing = villages.Except(foundVillages).Concat(towns.Except(foundTowns)).ToList();
        if (missing.Count > 0) throw new RuleException($"{prefix}以下区划不存在或不在本县：{string.Join("、", missing)}");
        var ofTowns = await db.Regions.Where(r => r.ParentCode != null && foundTowns.Contains(r.ParentCode) && r.Level == RegionLevel.Village).Select(r => r.Code).ToListAsync(ct);
        var all = foundVillages.Concat(ofTowns).Distinct().Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0) throw new RuleException($"{prefix}所选乡镇下没有村(社区)");
        return all;
    }

    public Task<TaskRequestView?> ApproveAsync(long id, ApproveTaskRequest c, CancellationToken ct = default) =>
        DecideAsync(id, r => r.Approve(user.UserName, c.Reason, Now), ct);

    public Task<TaskRequestView?> RejectAsync(long id, RejectTaskRequest c, CancellationToken ct = default) =>
        DecideAsync(id, r => r.Reject(user.UserName, c.Reason, Now), ct);

    private async Task<TaskRequestView?> DecideAsync(long id, Action<TaskRequest> decide, CancellationToken ct)
    {
        var r = await db.Set<TaskRequest>().Include(x => x.VillageTasks).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        Apply(() => { decide(r); return r; });
        await db.SaveChangesAsync(ct);
        return TaskRequestViews.View(r);
    }

    private static T Apply<T>(Func<T> rule)
    {
        return rule();
    }
}

/// <summary>
/// One department's pass through the admission gate (<see cref="Admission.Decide"/>): a request built here is admitted
/// (and only then has village tasks), refused, or left pending for the coordination office. Villages are resolved by the caller.
/// </summary>
public sealed class TaskGate(string county, string userId, string userName, string department, ResponsibilityList? published, TaskChannel channel, DateTime now)
{
    /// <summary>
    /// A new request from <paramref name="c"/> to <paramref name="villages"/>, decided by the gate (held for the office when
    /// <paramref name="holds"/> has reasons); the caller adds it to the context.
    /// </summary>
    public TaskRequest Pass(FileTaskRequest c, IReadOnlyList<string> villages, IReadOnlyList<string>? holds = null)
    {
        var r = new TaskRequest
        {
            RegionCode = county, RequestedByUserId = userId, RequestedBy = userName, DepartmentName = department,
            Title = c.Title.Trim(), Requirement = c.Requirement.Trim(), TargetVillages = [.. villages], DueDate = c.DueDate,
            EvidenceRequired = c.EvidenceRequired, EvidenceJustification = c.EvidenceRequired ? c.EvidenceJustification?.Trim() : null,
            ClaimedItemCode = string.IsNullOrWhiteSpace(c.ItemCode) ? null : c.ItemCode.Trim().ToUpperInvariant(),
            Channel = channel, SubmittedAtUtc = now,
        };
        r.Pass(Admission.Decide(r, published, holds), now);
        return r;
    }
}
