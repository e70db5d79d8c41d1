using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Supervision;

/// <summary>What a finding is about.</summary>
public enum FindingCategory
{
    /// <summary>财务管理.</summary>
    Finance = 1,
    /// <summary>资产资源.</summary>
    Assets = 2,
    /// <summary>工程项目.</summary>
    Projects = 3,
    /// <summary>惠民资金.</summary>
    Benefits = 4,
    /// <summary>作风纪律.</summary>
    Conduct = 5,
    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>一般.</summary>
    Minor = 1,
    /// <summary>较重.</summary>
    Major = 2,
    /// <summary>严重.</summary>
    Severe = 3,
}

/// <summary>Rectification: 待整改 → 整改中 → 已整改 (evidence given) → 已销号 (accepted by the inspecting side).</summary>
public enum FindingState
{
    /// <summary>待整改.</summary>
    Open = 1,
    /// <summary>整改中.</summary>
    Rectifying = 2,
    /// <summary>已整改 (evidence submitted, waiting for 销号).</summary>
    Rectified = 3,
    /// <summary>已销号.</summary>
    Closed = 4,
}

/// <summary>
/// A finding (发现问题) of an audit or an inspection tour: text, category, severity, the remedy required, its owner (a village,
/// or a cadre of that village), a deadline on a working day, and its rectification. Lives in the owner village's region,
/// so the village records its evidence, the town reads and records for its villages. A finding against a cadre may carry
/// the 审计发现问题 conduct record the promotion rules read (<see cref="ConductRecord"/>), closed when the finding is 销号.
/// Versioned.
/// </summary>
public sealed class SupervisionFinding : IRegionScoped, IVersioned
{
    /// <summary>Longest finding text.</summary>
    public const int MaxText = 1000;
    /// <summary>Longest remedy text.</summary>
    public const int MaxRemedy = 500;
    /// <summary>Longest evidence text.</summary>
    public const int MaxEvidence = 1000;
    /// <summary>Longest source label.</summary>
    public const int MaxSource = 100;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The owner village's code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The audit it came from, if any.</summary>
    public long? AuditId { get; set; }
    /// <summary>The tour it came from, if any.</summary>
    public long? TourId { get; set; }
    /// <summary>Where it came from, as shown to the village (e.g. 巡察：2026年第一轮巡察) — the village cannot read the town's tour.</summary>
    public required string Source { get; set; }
    /// <summary>The cadre owning it, when the finding is against a person.</summary>
    public long? CadreId { get; set; }
    /// <summary>问题描述.</summary>
    public required string Text { get; set; }
    /// <summary>Category.</summary>
    public FindingCategory Category { get; set; }
    /// <summary>Severity.</summary>
    public FindingSeverity Severity { get; set; }
    /// <summary>整改要求.</summary>
    public required string Remedy { get; set; }
    /// <summary>整改期限 (a working day).</summary>
    public DateOnly Deadline { get; set; }
    /// <summary>State.</summary>
    public FindingState State { get; set; } = FindingState.Open;
    /// <summary>整改情况 (evidence text).</summary>
    public string? EvidenceText { get; set; }
    /// <summary>Evidence file's name.</summary>
    public string? EvidenceName { get; set; }
    /// <summary>Evidence file's content type (sniffed).</summary>
    public string? EvidenceType { get; set; }
    /// <summary>Evidence file's size in bytes.</summary>
    public int? EvidenceSize { get; set; }
    /// <summary>Evidence file's SHA-256 (its name in the store).</summary>
    public string? EvidenceSha256 { get; set; }
    /// <summary>Who reported it rectified.</summary>
    public string? RectifiedBy { get; set; }
    /// <summary>When it was reported rectified (China date).</summary>
    public DateOnly? RectifiedOn { get; set; }
    /// <summary>Who accepted it (销号).</summary>
    public string? ClosedBy { get; set; }
    /// <summary>When it was accepted (China date).</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Why evidence was last sent back, if it was.</summary>
    public string? ReturnReason { get; set; }
    /// <summary>The 审计发现问题 conduct record, when one was created with the finding.</summary>
    public long? ConductRecordId { get; set; }
    /// <summary>That record (set when recording, so one save writes both).</summary>
    public ConductRecord? Conduct { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <inheritdoc />
    public int RowVersion { get; set; }

    /// <summary>Overdue on <paramref name="today"/>: not yet rectified and past its deadline.</summary>
    public bool OverdueOn(DateOnly today) => SupervisionRules.Overdue(State, Deadline, today);

    /// <summary>待整改 → 整改中: the owner starts work (with a note of what is being done, kept as evidence text so far).</summary>
    public void StartRectifying(string? note)
    {
        if (State != FindingState.Open) throw new RuleException("supervision.finding_state", "State", $"该问题当前为「{SupervisionNames.State(State)}」，只有待整改的问题可以开始整改");
        var text = note?.Trim();
        if (text is { Length: > MaxEvidence }) throw new RuleException("supervision.evidence", "Evidence", $"整改情况不能超过 {MaxEvidence} 个字");
        State = FindingState.Rectifying;
        if (!string.IsNullOrEmpty(text)) EvidenceText = text;
    }

    /// <summary>
    /// 待整改/整改中 → 已整改: the owner reports it rectified with the evidence text (required) and optionally a stored file
    /// (name, sniffed type, size, SHA-256).
    /// </summary>
    public void ReportRectified(string? evidence, (string Name, string Type, int Size, string Sha256)? file, string by, DateOnly today)
    {
        if (State is not (FindingState.Open or FindingState.Rectifying))
            throw new RuleException("supervision.finding_state", "State", $"该问题当前为「{SupervisionNames.State(State)}」，不能再报整改完成");
        var text = evidence?.Trim() ?? "";
        if (text.Length == 0) throw new RuleException("supervision.evidence", "Evidence", "请填写整改佐证（整改了什么、怎样整改的），没有佐证不能报整改完成");
        if (text.Length > MaxEvidence) throw new RuleException("supervision.evidence", "Evidence", $"整改佐证不能超过 {MaxEvidence} 个字");
        (State, EvidenceText, RectifiedBy, RectifiedOn, ReturnReason) = (FindingState.Rectified, text, by, today, null);
        if (file is { } f) (EvidenceName, EvidenceType, EvidenceSize, EvidenceSha256) = (f.Name, f.Type, f.Size, f.Sha256);
    }

    /// <summary>已整改 → 整改中: the inspecting side sends the evidence back with a reason.</summary>
    public void ReturnEvidence(string? reason)
    {
        if (State != FindingState.Rectified) throw new RuleException("supervision.finding_state", "State", $"该问题当前为「{SupervisionNames.State(State)}」，只有已整改待销号的问题可以退回");
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) throw new RuleException("supervision.reason", "Reason", "请填写退回理由");
        if (text.Length > MaxRemedy) throw new RuleException("supervision.reason", "Reason", $"退回理由不能超过 {MaxRemedy} 个字");
        (State, ReturnReason) = (FindingState.Rectifying, text);
    }

    /// <summary>已整改 → 已销号: the inspecting side accepts the rectification; a finding without evidence is refused.</summary>
    public void Close(string by, DateOnly today)
    {
        if (State == FindingState.Closed) throw new RuleException("supervision.finding_state", "State", $"该问题已于 {ClosedOn:yyyy-MM-dd} 由 {ClosedBy} 销号");
        if (State != FindingState.Rectified || string.IsNullOrWhiteSpace(EvidenceText))
            throw new RuleException("supervision.finding_state", "State", "该问题尚未报送整改佐证，不能销号");
        (State, ClosedBy, ClosedOn) = (FindingState.Closed, by, today);
    }
}
