using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

public sealed record ListVersionView(long Id, int Version, ListStatus Status, string Title, DateTime CreatedAtUtc, DateTime? PublishedAtUtc, string? PublishedBy,
    int Items, int OwnDuties, int Assists, int Cancelled);

public sealed record ListItemView(string Code, string Title, ItemCategory Category, string? Area, string? Department, string? Keywords, string? Note);

public sealed record ItemFilter(ItemCategory? Category, string? Q);

/// <summary>Adds an item to the draft, or changes the draft's item with that code.</summary>
public sealed record SaveListItem(string Code, string Title, ItemCategory Category, string? Area, string? Department, string? Keywords, string? Note);

/// <summary>
/// A department's task request. Target villages are listed, or whole towns (全镇所有村), or both;
/// <see cref="ItemCode"/> is the list item the department says it falls under.
/// </summary>
public sealed record FileTaskRequest(string Title, string Requirement, List<string>? Villages, List<string>? Towns, DateOnly DueDate,
    bool EvidenceRequired, string? EvidenceJustification, string? ItemCode);

public sealed record ApproveTaskRequest(string? Reason);

public sealed record RejectTaskRequest(string Reason);

public sealed record RequestFilter(TaskRequestStatus? Status, string? Q, TaskChannel? Channel = null);

public sealed record TaskRequestView(long Id, string DepartmentName, string RequestedBy, string Title, string Requirement, IReadOnlyList<string> TargetVillages,
    DateOnly DueDate, bool EvidenceRequired, string? EvidenceJustification, string? ClaimedItemCode, TaskChannel Channel, DateTime SubmittedAtUtc,
    TaskRequestStatus Status, int? ListVersion, string? MatchedItemCode, string? MatchedItemTitle, string? DecisionReason, string? DecidedBy, DateTime? DecidedAtUtc);

public sealed record ImportResult(int Filed, int Admitted, int Refused, int Pending, IReadOnlyList<TaskRequestView> Requests);

public sealed record DepartmentStats(string DepartmentName, int Requested, int Admitted, int Refused, int Rejected, int Pending);

public sealed record VillageTaskView(long Id, long TaskRequestId, string RegionCode, string? VillageName, string Title, string Requirement, string DepartmentName,
    DateOnly DueDate, bool EvidenceRequired, string? EvidenceJustification, string? ItemCode, string? ItemTitle, DateTime AdmittedAtUtc);

public sealed class SaveListItemValidator : AbstractValidator<SaveListItem>
{
    public SaveListItemValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("请填写事项编号").MaximumLength(20).WithMessage("事项编号不能超过 20 个字符")
            .Matches("^[A-Za-z0-9-]*$").WithMessage("事项编号只能包含字母、数字和连字符");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写事项名称").MaximumLength(200).WithMessage("事项名称不能超过 200 个字");
        RuleFor(c => c.Category).IsInEnum().WithMessage("请选择事项类别");
        RuleFor(c => c.Area).MaximumLength(30).WithMessage("所属领域不能超过 30 个字");
        RuleFor(c => c.Department).MaximumLength(60).WithMessage("责任部门不能超过 60 个字");
        RuleFor(c => c.Department).NotEmpty().When(c => c.Category == ItemCategory.AssistGovernment).WithMessage("协助政府事项请填写责任部门");
        RuleFor(c => c.Keywords).MaximumLength(200).WithMessage("识别关键词不能超过 200 个字");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("备注不能超过 500 个字");
    }
}

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
/// 减负: the responsibility list and the admission gate. Every path that files a request — page,
/// API, import — goes through <see cref="FileAsync"/>/<see cref="ImportAsync"/> and so through
/// <see cref="Admission.Decide"/>; village tasks come into being only inside the domain's admit step.
/// Region scope comes from the data context; a department additionally sees only its own requests.
/// </summary>
public sealed class TaskHandlers(AppDbContext db, UserContext user, IHttpContextAccessor http, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该申请，或其不在您的管辖范围内";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The acting account's county, or an error for accounts not bound to a county.</summary>
    private string County => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.County
        ? user.RegionCode
        : throw new RuleException("只有县级账号可以办理此事项");

    private bool SeesAllRequests
    {
        get
        {
            var p = http.HttpContext?.User;
            return p.Can(Permissions.TaskRequestsReadAll);
        }
    }

    private IQueryable<ResponsibilityList> Lists => db.Set<ResponsibilityList>();

    private static ListVersionView VersionView(ResponsibilityList l) => new(l.Id, l.Version, l.Status, l.Title, l.CreatedAtUtc, l.PublishedAtUtc, l.PublishedBy,
        l.Items.Count, l.Items.Count(i => i.Category == ItemCategory.OwnDuty), l.Items.Count(i => i.Category == ItemCategory.AssistGovernment),
        l.Items.Count(i => i.Category == ItemCategory.Cancelled));

    private IQueryable<ListVersionView> VersionViews(IQueryable<ResponsibilityList> q) => q.Select(l => new ListVersionView(l.Id, l.Version, l.Status, l.Title,
        l.CreatedAtUtc, l.PublishedAtUtc, l.PublishedBy, l.Items.Count, l.Items.Count(i => i.Category == ItemCategory.OwnDuty),
        l.Items.Count(i => i.Category == ItemCategory.AssistGovernment), l.Items.Count(i => i.Category == ItemCategory.Cancelled)));

    /// <summary>Every version of the county's list, newest first (history).</summary>
    public async Task<IReadOnlyList<ListVersionView>> VersionsAsync(CancellationToken ct = default) =>
        await VersionViews(Lists.OrderByDescending(l => l.Version)).ToListAsync(ct);

    /// <summary>A version by number, or the one in force when <paramref name="version"/> is null.</summary>
    public Task<ListVersionView?> VersionAsync(int? version, CancellationToken ct = default) =>
        VersionViews(version is { } v ? Lists.Where(l => l.Version == v) : Lists.Where(l => l.Status == ListStatus.Published)).FirstOrDefaultAsync(ct);

    /// <summary>The draft being edited, if any.</summary>
    public Task<ListVersionView?> DraftAsync(CancellationToken ct = default) => VersionViews(Lists.Where(l => l.Status == ListStatus.Draft)).FirstOrDefaultAsync(ct);

    /// <summary>Items of one version, filtered by category and text, in list order.</summary>
    public Task<Paged<ListItemView>> ItemsAsync(long listId, ItemFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<ResponsibilityItem>().AsNoTracking().Where(i => i.ListId == listId);
        if (f.Category is { } c) q = q.Where(i => i.Category == c);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            q = q.Where(i => i.Title.Contains(s) || i.Code.Contains(s) || (i.Department != null && i.Department.Contains(s)) || (i.Area != null && i.Area.Contains(s)));
        }
        return q.OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .Select(i => new ListItemView(i.Code, i.Title, i.Category, i.Area, i.Department, i.Keywords, i.Note)).ToPagedAsync(page, ct);
    }

    private Task<ResponsibilityList?> LoadAsync(ListStatus status, CancellationToken ct)
    {
        var county = County;
        return Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.RegionCode == county && l.Status == status, ct);
    }

    /// <summary>
    /// The draft to edit: the existing one, else a copy of the version in force, else (a county
    /// with no list at all) the illustrative defaults.
    /// </summary>
    public async Task<ListVersionView> StartDraftAsync(CancellationToken ct = default)
    {
        if (await LoadAsync(ListStatus.Draft, ct) is { } existing) return VersionView(existing);
        var county = County;
        var next = (await Lists.Where(l => l.RegionCode == county).MaxAsync(l => (int?)l.Version, ct) ?? 0) + 1;
        var draft = await LoadAsync(ListStatus.Published, ct) is { } published
            ? published.NewDraft(next, Now)
            : ResponsibilityListDefaults.Draft(county, await db.Regions.Where(r => r.Code == county).Select(r => r.Name).FirstAsync(ct), next, Now);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return VersionView(draft);
    }

    public async Task<ListItemView> SaveItemAsync(SaveListItem c, CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有正在编辑的草稿，请先新建草稿");
        var item = Apply(() => draft.Find(c.Code) is null
            ? draft.AddItem(c.Code, c.Title, c.Category, c.Area, c.Department, c.Keywords, c.Note)
            : draft.UpdateItem(c.Code, c.Title, c.Category, c.Area, c.Department, c.Keywords, c.Note));
        await db.SaveChangesAsync(ct);
        return new(item.Code, item.Title, item.Category, item.Area, item.Department, item.Keywords, item.Note);
    }

    /// <summary>Removes an item from the draft; false when the draft has no such item.</summary>
    public async Task<bool> RemoveItemAsync(string code, CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有正在编辑的草稿，请先新建草稿");
        if (draft.Find(code) is null) return false;
        var item = Apply(() => draft.RemoveItem(code));
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Publishes the draft; the version in force becomes history. Requests already decided keep naming their version.</summary>
    public async Task<ListVersionView> PublishAsync(CancellationToken ct = default)
    {
        var draft = await LoadAsync(ListStatus.Draft, ct) ?? throw new RuleException("没有待发布的草稿");
        var current = await LoadAsync(ListStatus.Published, ct);
        Apply(() => { draft.Publish(current, user.UserName, Now); return draft; });
        await db.SaveChangesAsync(ct);
        return VersionView(draft);
    }

    private IQueryable<TaskRequest> VisibleRequests()
    {
        var q = db.Set<TaskRequest>().AsNoTracking();
        // A department is county-bound like the office, so region scope alone would show it every department's requests.
        if (!SeesAllRequests)
        {
            var me = user.UserId;
            q = q.Where(r => r.RequestedByUserId == me);
        }
        return q;
    }

    private static IQueryable<TaskRequestView> RequestViews(IQueryable<TaskRequest> q) => q.Select(r => new TaskRequestView(r.Id, r.DepartmentName, r.RequestedBy,
        r.Title, r.Requirement, r.TargetVillages, r.DueDate, r.EvidenceRequired, r.EvidenceJustification, r.ClaimedItemCode, r.Channel, r.SubmittedAtUtc,
        r.Status, r.ListVersion, r.MatchedItemCode, r.MatchedItemTitle, r.DecisionReason, r.DecidedBy, r.DecidedAtUtc));

    private static TaskRequestView View(TaskRequest r) => new(r.Id, r.DepartmentName, r.RequestedBy, r.Title, r.Requirement, r.TargetVillages, r.DueDate,
        r.EvidenceRequired, r.EvidenceJustification, r.ClaimedItemCode, r.Channel, r.SubmittedAtUtc, r.Status, r.ListVersion, r.MatchedItemCode,
        r.MatchedItemTitle, r.DecisionReason, r.DecidedBy, r.DecidedAtUtc);

    /// <summary>Requests the account may see (a department: its own), newest first.</summary>
    public Task<Paged<TaskRequestView>> RequestsAsync(RequestFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = VisibleRequests();
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        if (f.Channel is { } ch) q = q.Where(r => r.Channel == ch);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(r => r.Title.Contains(f.Q.Trim()) || r.DepartmentName.Contains(f.Q.Trim()));
        return RequestViews(q.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id)).ToPagedAsync(page, ct);
    }

    public Task<TaskRequestView?> GetRequestAsync(long id, CancellationToken ct = default) => RequestViews(VisibleRequests().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Files one request and passes it through the gate (page and API).</summary>
    public async Task<TaskRequestView> FileAsync(FileTaskRequest c, TaskChannel channel, CancellationToken ct = default)
    {
        var filed = await FileAllAsync([c], channel, ct);
        return filed[0];
    }

    /// <summary>Files several requests at once (import); each passes the same gate. All or none are filed.</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<FileTaskRequest> commands, CancellationToken ct = default)
    {
        var filed = await FileAllAsync(commands, TaskChannel.Import, ct);
        return new(filed.Count, filed.Count(r => r.Status == TaskRequestStatus.Admitted), filed.Count(r => r.Status == TaskRequestStatus.Refused),
            filed.Count(r => r.Status == TaskRequestStatus.Pending), filed);
    }

    private async Task<List<TaskRequestView>> FileAllAsync(IReadOnlyList<FileTaskRequest> commands, TaskChannel channel, CancellationToken ct)
    {
        var county = County;
        var gate = await OpenGateAsync(channel, ct);
        var requests = new List<TaskRequest>();
        for (var i = 0; i < commands.Count; i++)
        {
            var villages = await ResolveVillagesAsync(commands[i], county, commands.Count > 1 ? $"第 {i + 1} 条：" : "", ct);
            requests.Add(gate.Pass(commands[i], villages));
        }
        db.AddRange(requests);
        await db.SaveChangesAsync(ct);
        return requests.Select(View).ToList();
    }

    /// <summary>
    /// The admission gate for the acting department: the county's list in force and the department's name, loaded once.
    /// Every path that files requests — page, API, JSON and Excel import — builds them through <see cref="TaskGate.Pass"/>.
    /// </summary>
    public async Task<TaskGate> OpenGateAsync(TaskChannel channel, CancellationToken ct = default)
    {
        var county = County;
        var me = user.UserId;
        var department = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(department)) department = user.UserName;
        return new TaskGate(county, me, user.UserName, department, await LoadAsync(ListStatus.Published, ct), channel, Now);
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

    /// <summary>Pending requests of the county, oldest first (the office's queue).</summary>
    public Task<Paged<TaskRequestView>> QueueAsync(PageRequest page, CancellationToken ct = default) =>
        RequestViews(db.Set<TaskRequest>().AsNoTracking().Where(r => r.Status == TaskRequestStatus.Pending).OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)).ToPagedAsync(page, ct);

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
        return View(r);
    }

    /// <summary>Per-department counts for the county (SPEC §4: public to the county).</summary>
    public async Task<IReadOnlyList<DepartmentStats>> StatsAsync(CancellationToken ct = default)
    {
        var counts = await db.Set<TaskRequest>().AsNoTracking().GroupBy(r => new { r.DepartmentName, r.Status })
            .Select(g => new { g.Key.DepartmentName, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Of(string d, TaskRequestStatus s) => counts.Where(x => x.DepartmentName == d && x.Status == s).Sum(x => x.Count);
        return counts.Select(x => x.DepartmentName).Distinct().Order(StringComparer.Ordinal)
            .Select(d => new DepartmentStats(d, counts.Where(x => x.DepartmentName == d).Sum(x => x.Count), Of(d, TaskRequestStatus.Admitted),
                Of(d, TaskRequestStatus.Refused), Of(d, TaskRequestStatus.Rejected), Of(d, TaskRequestStatus.Pending)))
            .OrderByDescending(s => s.Requested).ThenBy(s => s.DepartmentName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Admitted tasks of the villages in scope (a village: its own; a town: its villages), by due date.</summary>
    public Task<Paged<VillageTaskView>> VillageTasksAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<VillageTask>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(t => t.RegionCode.StartsWith(prefix));
        }
        return q.OrderBy(t => t.DueDate).ThenBy(t => t.RegionCode).ThenBy(t => t.Id)
            .Select(t => new VillageTaskView(t.Id, t.TaskRequestId, t.RegionCode, db.Regions.Where(r => r.Code == t.RegionCode).Select(r => r.Name).FirstOrDefault(),
                t.Title, t.Requirement, t.DepartmentName, t.DueDate, t.EvidenceRequired, t.EvidenceJustification, t.ItemCode, t.ItemTitle, t.AdmittedAtUtc))
            .ToPagedAsync(page, ct);
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
    /// <summary>A new request from <paramref name="c"/> to <paramref name="villages"/>, decided by the gate; the caller adds it to the context.</summary>
    public TaskRequest Pass(FileTaskRequest c, IReadOnlyList<string> villages)
    {
        var r = new TaskRequest
        {
            RegionCode = county, RequestedByUserId = userId, RequestedBy = userName, DepartmentName = department,
            Title = c.Title.Trim(), Requirement = c.Requirement.Trim(), TargetVillages = [.. villages], DueDate = c.DueDate,
            EvidenceRequired = c.EvidenceRequired, EvidenceJustification = c.EvidenceRequired ? c.EvidenceJustification?.Trim() : null,
            ClaimedItemCode = string.IsNullOrWhiteSpace(c.ItemCode) ? null : c.ItemCode.Trim().ToUpperInvariant(),
            Channel = channel, SubmittedAtUtc = now,
        };
        r.Pass(Admission.Decide(r, published), now);
        return r;
    }
}

/// <summary>Chinese names shared by pages and exports.</summary>
public static class TaskNames
{
    public static string Category(ItemCategory c) => ResponsibilityItem.CategoryName(c);
    public static string Status(TaskRequestStatus s) => TaskRequest.StatusName(s);
    public static string ListStatus(ListStatus s) => s switch { Domain.Tasks.ListStatus.Draft => "草稿", Domain.Tasks.ListStatus.Published => "现行", _ => "已废止" };
    public static string Channel(TaskChannel c) => c switch { TaskChannel.Page => "网页", TaskChannel.Api => "接口", _ => "批量导入" };
    public static string Badge(TaskRequestStatus s) => s switch
    {
        TaskRequestStatus.Admitted => "text-bg-success",
        TaskRequestStatus.Refused => "text-bg-danger",
        TaskRequestStatus.Rejected => "text-bg-secondary",
        _ => "text-bg-warning",
    };
}
