using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tasks;

/// <summary>Where a task request stands at the admission gate (准入).</summary>
public enum TaskRequestStatus
{
    /// <summary>待审批 — not on the list; waiting for the coordination office.</summary>
    Pending = 1,
    /// <summary>已准入 — on the list, or approved by the coordination office; it has reached the villages.</summary>
    Admitted = 2,
    /// <summary>已拒绝（负面清单）— refused automatically: the work is on the list of cancelled items.</summary>
    Refused = 3,
    /// <summary>未获批准 — the coordination office rejected it, with a reason.</summary>
    Rejected = 4,
}

/// <summary>How a request came in; all channels pass the same gate.</summary>
public enum TaskChannel
{
    /// <summary>The page form.</summary>
    Page = 1,
    /// <summary>The JSON API.</summary>
    Api = 2,
    /// <summary>A batch import.</summary>
    Import = 3,
}

/// <summary>
/// 任务准入申请: a county department asks for work to be put on villages. Filed, it passes the
/// admission gate at once (<see cref="Admission.Decide"/>): admitted, refused, or left pending for the
/// county coordination office (县规范村级组织工作事务协调小组办公室), which alone approves or rejects.
/// Only when it becomes <see cref="TaskRequestStatus.Admitted"/> does it create its
/// <see cref="VillageTask"/>s — the only way work reaches a village
/// (Wanzai: "实行准入机制……未经批准不得安排部署").
/// </summary>
public sealed class TaskRequest : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code of the requesting department.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Account id of the requester (a department sees only its own requests).</summary>
    public required string RequestedByUserId { get; set; }
    /// <summary>Account name of the requester.</summary>
    public required string RequestedBy { get; set; }
    /// <summary>Unit name, e.g. 万载县农业农村局 (the statistics group by it).</summary>
    public required string DepartmentName { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>What villages must do.</summary>
    public required string Requirement { get; set; }
    /// <summary>Village codes the task is for.</summary>
    public List<string> TargetVillages { get; set; } = [];
    /// <summary>When villages must be done.</summary>
    public DateOnly DueDate { get; set; }
    /// <summary>Whether evidence (photos, records) is truly required — never a default.</summary>
    public bool EvidenceRequired { get; set; }
    /// <summary>Why evidence is needed, when it is.</summary>
    public string? EvidenceJustification { get; set; }
    /// <summary>The list item the department says the task falls under, if any.</summary>
    public string? ClaimedItemCode { get; set; }
    /// <summary>How it came in.</summary>
    public TaskChannel Channel { get; set; }
    /// <summary>When it was filed (UTC).</summary>
    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Where it stands.</summary>
    public TaskRequestStatus Status { get; private set; } = TaskRequestStatus.Pending;
    /// <summary>Version of the list in force when it passed the gate (null when the county had none).</summary>
    public int? ListVersion { get; private set; }
    /// <summary>Code of the list item that decided it (own/assist item admitted, or the cancelled item refused).</summary>
    public string? MatchedItemCode { get; private set; }
    /// <summary>Title of that item, as it stood in that version.</summary>
    public string? MatchedItemTitle { get; private set; }
    /// <summary>Why it was admitted, refused, left pending, approved or rejected.</summary>
    public string? DecisionReason { get; private set; }
    /// <summary>Who decided: the account of the coordination office, or <see cref="GateName"/> for automatic decisions.</summary>
    public string? DecidedBy { get; private set; }
    /// <summary>When it was decided (UTC).</summary>
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>The villages' copies, created on admission only.</summary>
    public List<VillageTask> VillageTasks { get; private set; } = [];

    /// <summary>Longest decision reason stored (a longer gate reason is cut, ending in …).</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>Name recorded as the decider of automatic decisions.</summary>
    public const string GateName = "准入清单自动判定";

    /// <summary>Applies the gate's decision to a newly filed request.</summary>
    public void Pass(AdmissionDecision decision, DateTime atUtc)
    {
        if (Status != TaskRequestStatus.Pending || DecidedAtUtc is not null || ListVersion is not null || VillageTasks.Count > 0)
            throw new RuleException("该申请已经过准入判定");
        var reason = decision.Reason.Length > ReasonMaxLength ? decision.Reason[..(ReasonMaxLength - 1)] + "…" : decision.Reason;
        (ListVersion, MatchedItemCode, MatchedItemTitle, DecisionReason) = (decision.ListVersion, decision.ItemCode, decision.ItemTitle, reason);
        switch (decision.Outcome)
        {
            case AdmissionOutcome.Admitted:
                (DecidedBy, DecidedAtUtc) = (GateName, atUtc);
                Admit(atUtc);
                break;
            case AdmissionOutcome.AutoRefused:
                (Status, DecidedBy, DecidedAtUtc) = (TaskRequestStatus.Refused, GateName, atUtc);
                break;
        }
    }

    /// <summary>The coordination office approves a pending request; it reaches the villages now.</summary>
    public void Approve(string by, string? reason, DateTime atUtc)
    {
        EnsurePending("批准");
        (DecidedBy, DecidedAtUtc) = (by, atUtc);
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? "经县减负协调办审批准入" : reason.Trim();
        Admit(atUtc);
    }

    /// <summary>The coordination office rejects a pending request; a reason is required.</summary>
    public void Reject(string by, string reason, DateTime atUtc)
    {
        EnsurePending("驳回");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("驳回申请必须填写理由");
        (Status, DecidedBy, DecidedAtUtc, DecisionReason) = (TaskRequestStatus.Rejected, by, atUtc, reason.Trim());
    }

    private void EnsurePending(string action)
    {
        if (Status != TaskRequestStatus.Pending || DecidedBy is null && ListVersion is null && DecisionReason is null)
            throw new RuleException(Status == TaskRequestStatus.Pending
                ? $"该申请尚未经过准入判定，不能{action}"
                : $"该申请{StatusName(Status)}，不能再{action}");
    }

    // The one place VillageTasks are made: the request has just become Admitted.
    private void Admit(DateTime atUtc)
    {
        Status = TaskRequestStatus.Admitted;
        VillageTasks = TargetVillages.Distinct().Select(v => VillageTask.ForAdmitted(this, v, atUtc)).ToList();
    }

    /// <summary>Chinese name of a status.</summary>
    public static string StatusName(TaskRequestStatus s) => s switch
    {
        TaskRequestStatus.Pending => "待审批",
        TaskRequestStatus.Admitted => "已准入",
        TaskRequestStatus.Refused => "已拒绝（负面清单）",
        TaskRequestStatus.Rejected => "未获批准",
        _ => s.ToString(),
    };
}

/// <summary>
/// 村级任务: an admitted task as one village sees it (the future Monday list). There is no public
/// constructor: the only way to make one is <see cref="TaskRequest"/> becoming admitted, so nothing
/// outside the admission gate can put work on a village.
/// </summary>
public sealed class VillageTask : IRegionScoped
{
    private VillageTask() { }

    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The request it comes from.</summary>
    public long TaskRequestId { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";
    /// <summary>What the village must do.</summary>
    public string Requirement { get; private set; } = "";
    /// <summary>Requesting department.</summary>
    public string DepartmentName { get; private set; } = "";
    /// <summary>Due date.</summary>
    public DateOnly DueDate { get; private set; }
    /// <summary>Whether evidence is required (photos only where the task says so).</summary>
    public bool EvidenceRequired { get; private set; }
    /// <summary>Why evidence is required.</summary>
    public string? EvidenceJustification { get; private set; }
    /// <summary>List item it falls under, when admitted by the list.</summary>
    public string? ItemCode { get; private set; }
    /// <summary>That item's title.</summary>
    public string? ItemTitle { get; private set; }
    /// <summary>When it was admitted (UTC).</summary>
    public DateTime AdmittedAtUtc { get; private set; }

    internal static VillageTask ForAdmitted(TaskRequest r, string village, DateTime atUtc)
    {
        if (r.Status != TaskRequestStatus.Admitted) throw new RuleException("未准入的任务不能下达到村");
        return new()
        {
            RegionCode = village, Title = r.Title, Requirement = r.Requirement, DepartmentName = r.DepartmentName, DueDate = r.DueDate,
            EvidenceRequired = r.EvidenceRequired, EvidenceJustification = r.EvidenceJustification,
            ItemCode = r.MatchedItemCode, ItemTitle = r.MatchedItemTitle, AdmittedAtUtc = atUtc,
        };
    }
}
