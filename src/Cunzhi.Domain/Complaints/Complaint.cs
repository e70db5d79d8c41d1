using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;

namespace Cunzhi.Domain.Complaints;

/// <summary>What a complaint is about (举报类别).</summary>
public enum ComplaintCategory
{
    /// <summary>违反廉洁纪律.</summary>
    Integrity = 1,
    /// <summary>作风问题.</summary>
    WorkStyle = 2,
    /// <summary>财务资金.</summary>
    Finance = 3,
    /// <summary>选举问题.</summary>
    Election = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>Where a complaint stands: 待受理 → 已受理 / 不予受理 → 调查中 → 办结.</summary>
public enum ComplaintState
{
    /// <summary>待受理.</summary>
    Received = 1,
    /// <summary>已受理.</summary>
    Accepted = 2,
    /// <summary>不予受理 (with a reason); closed.</summary>
    Refused = 3,
    /// <summary>调查中.</summary>
    Investigating = 4,
    /// <summary>办结 (with an outcome and findings); closed.</summary>
    Concluded = 5,
}

/// <summary>The outcome of an investigation.</summary>
public enum ComplaintOutcome
{
    /// <summary>查实.</summary>
    Verified = 1,
    /// <summary>部分查实.</summary>
    PartlyVerified = 2,
    /// <summary>不实.</summary>
    Unfounded = 3,
}

/// <summary>What a complaint's history row records.</summary>
public enum ComplaintEntryKind
{
    /// <summary>收到举报.</summary>
    Filed = 1,
    /// <summary>受理.</summary>
    Accepted = 2,
    /// <summary>不予受理.</summary>
    Refused = 3,
    /// <summary>开始调查.</summary>
    Investigating = 4,
    /// <summary>办结.</summary>
    Concluded = 5,
    /// <summary>举报人补充材料.</summary>
    Supplement = 6,
    /// <summary>转为诉求.</summary>
    MatterRaised = 7,
}

/// <summary>
/// 信访举报: a complaint filed by anyone (named or anonymous) about a village or a town of the county, optionally about one
/// cadre. The reporter's name and phone are kept only encrypted (and masked for the list); the receipt code only as a keyed
/// hash. The state machine and its refusals are here (<see cref="Accept"/>, <see cref="Refuse"/>, <see cref="Investigate"/>,
/// <see cref="Conclude"/>, <see cref="Supplement"/>); each step returns the <see cref="ComplaintEntry"/> to append.
/// </summary>
public sealed class Complaint : Regions.IRegionScoped, IVersioned
{
    /// <summary>Longest subject text.</summary>
    public const int MaxText = 2000;
    /// <summary>Longest note, reason or findings.</summary>
    public const int MaxNote = 1000;
    /// <summary>Longest reporter name.</summary>
    public const int MaxName = 30;

    /// <inheritdoc />
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village or town the complaint concerns (its 12-digit code).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>The cadre it concerns, if any (a cadre of that region).</summary>
    public long? CadreId { get; set; }
    /// <summary>Category.</summary>
    public ComplaintCategory Category { get; set; }
    /// <summary>What is reported.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Filed anonymously (no name, no phone).</summary>
    public bool Anonymous { get; set; }
    /// <summary>Reporter's name, encrypted (named complaints only).</summary>
    public string? ReporterNameCipher { get; set; }
    /// <summary>Reporter's name masked (张*华).</summary>
    public string? ReporterNameMasked { get; set; }
    /// <summary>Reporter's mobile, encrypted.</summary>
    public string? ReporterPhoneCipher { get; set; }
    /// <summary>Reporter's mobile masked (138****5678).</summary>
    public string? ReporterPhoneMasked { get; set; }
    /// <summary>Keyed hash of the receipt code (the code itself is never stored).</summary>
    public string ReceiptHash { get; set; } = "";
    /// <summary>State.</summary>
    public ComplaintState State { get; set; }
    /// <summary>Why it was not accepted (不予受理).</summary>
    public string? RefusalReason { get; set; }
    /// <summary>Outcome once concluded.</summary>
    public ComplaintOutcome? Outcome { get; set; }
    /// <summary>Findings of the investigation (staff only).</summary>
    public string? Findings { get; set; }
    /// <summary>China date filed.</summary>
    public DateOnly FiledOn { get; set; }
    /// <summary>China date accepted or refused.</summary>
    public DateOnly? DecidedOn { get; set; }
    /// <summary>China date concluded.</summary>
    public DateOnly? ConcludedOn { get; set; }
    /// <summary>The conduct record a verified outcome against the cadre created.</summary>
    public long? ConductRecordId { get; set; }
    /// <summary>Navigation to that record (set when both are saved together).</summary>
    public Ranks.ConductRecord? ConductRecord { get; set; }
    /// <summary>The matter (诉求) raised from this complaint.</summary>
    public long? MatterId { get; set; }
    /// <summary>Navigation to that matter (set when both are saved together).</summary>
    public Matters.Matter? Matter { get; set; }
    /// <summary>When it was filed (UTC).</summary>
    public DateTime FiledAtUtc { get; set; }

    /// <summary>Open: not refused and not concluded.</summary>
    public bool Open => State is ComplaintState.Received or ComplaintState.Accepted or ComplaintState.Investigating;

    /// <summary>查实 or 部分查实.</summary>
    public bool Verified => Outcome is ComplaintOutcome.Verified or ComplaintOutcome.PartlyVerified;

    /// <summary>
    /// A new complaint, checked: a category, a subject (at most <see cref="MaxText"/>); named complaints need a name and a
    /// valid mobile number, anonymous ones take neither. <paramref name="protect"/> encrypts the name and the phone.
    /// </summary>
    public static (Complaint Complaint, ComplaintEntry Entry) File(string region, ComplaintCategory category, string? subject, long? cadreId,
        bool anonymous, string? name, string? phone, string receiptHash, Func<string, string> protect, DateOnly today, DateTime atUtc)
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(category)) problems.Add(new("complaint.category", "category", "请选择举报类别"));
        var text = subject?.Trim() ?? "";
        if (text.Length == 0) problems.Add(new("complaint.subject", "subject", "请填写举报内容"));
        else if (text.Length > MaxText) problems.Add(new("complaint.subject", "subject", $"举报内容不能超过 {MaxText} 个字"));
        var who = name?.Trim() ?? "";
        string? normalizedPhone = null;
        if (anonymous)
        {
            if (who.Length > 0 || !string.IsNullOrWhiteSpace(phone))
                problems.Add(new("complaint.anonymous", "anonymous", "匿名举报不填写姓名和电话；如需留下联系方式，请选择实名举报"));
        }
        else
        {
            if (who.Length == 0) problems.Add(new("complaint.name", "name", "实名举报请填写姓名"));
            else if (who.Length > MaxName) problems.Add(new("complaint.name", "name", $"姓名不能超过 {MaxName} 个字"));
            var check = MobilePhone.Parse(phone);
            if (!check.IsValid) problems.AddRange(check.Errors.Select(e => new RuleProblem("complaint.phone", "phone", e)));
            normalizedPhone = check.Normalized;
        }
        if (problems.Count > 0) throw new RuleException(problems);
        var c = new Complaint
        {
            RegionCode = region, Category = category, Subject = text, CadreId = cadreId, Anonymous = anonymous, ReceiptHash = receiptHash,
            State = ComplaintState.Received, FiledOn = today, FiledAtUtc = atUtc,
        };
        if (!anonymous)
        {
            (c.ReporterNameCipher, c.ReporterNameMasked) = (protect(who), PersonName.Mask(who));
            (c.ReporterPhoneCipher, c.ReporterPhoneMasked) = (protect(normalizedPhone!), MobilePhone.Mask(normalizedPhone!));
        }
        return (c, c.Entry(ComplaintEntryKind.Filed, null, ComplaintRules.ReporterActor, atUtc));
    }

    /// <summary>受理: only a complaint waiting for it; an optional note to the reporter.</summary>
    public ComplaintEntry Accept(string? note, string by, DateOnly today, DateTime atUtc)
    {
        if (State != ComplaintState.Received) throw new RuleException("complaint.state", null, $"该举报{ComplaintRules.StateName(State)}，不能再受理");
        var n = Note(note, false, "note", "答复");
        (State, DecidedOn) = (ComplaintState.Accepted, today);
        return Entry(ComplaintEntryKind.Accepted, n, by, atUtc);
    }

    /// <summary>不予受理 with a reason (told to the reporter): only a complaint waiting for acceptance.</summary>
    public ComplaintEntry Refuse(string? reason, string by, DateOnly today, DateTime atUtc)
    {
        if (State != ComplaintState.Received) throw new RuleException("complaint.state", null, $"该举报{ComplaintRules.StateName(State)}，不能再作不予受理");
        var n = Note(reason, true, "reason", "不予受理理由")!;
        (State, DecidedOn, RefusalReason) = (ComplaintState.Refused, today, n);
        return Entry(ComplaintEntryKind.Refused, n, by, atUtc);
    }

    /// <summary>开始调查: only an accepted complaint.</summary>
    public ComplaintEntry Investigate(string? note, string by, DateTime atUtc)
    {
        if (State != ComplaintState.Accepted) throw new RuleException("complaint.state", null,
            State == ComplaintState.Received ? "请先受理该举报，再开始调查" : $"该举报{ComplaintRules.StateName(State)}，不能开始调查");
        var n = Note(note, false, "note", "答复");
        State = ComplaintState.Investigating;
        return Entry(ComplaintEntryKind.Investigating, n, by, atUtc);
    }

    /// <summary>办结 with an outcome (查实 / 部分查实 / 不实) and the findings: only a complaint under investigation.</summary>
    public ComplaintEntry Conclude(ComplaintOutcome? outcome, string? findings, string? note, string by, DateOnly today, DateTime atUtc)
    {
        if (State != ComplaintState.Investigating) throw new RuleException("complaint.state", null,
            State is ComplaintState.Received or ComplaintState.Accepted ? "该举报尚未开始调查，不能办结" : $"该举报{ComplaintRules.StateName(State)}，不能再办结");
        var problems = new List<RuleProblem>();
        if (outcome is null || !Enum.IsDefined(outcome.Value)) problems.Add(new("complaint.outcome", "outcome", "请选择调查结果（查实、部分查实或不实）"));
        var f = findings?.Trim() ?? "";
        if (f.Length == 0) problems.Add(new("complaint.findings", "findings", "请填写调查结论"));
        else if (f.Length > MaxNote) problems.Add(new("complaint.findings", "findings", $"调查结论不能超过 {MaxNote} 个字"));
        var n = note?.Trim() ?? "";
        if (n.Length > MaxNote) problems.Add(new("complaint.note", "note", $"答复不能超过 {MaxNote} 个字"));
        if (problems.Count > 0) throw new RuleException(problems);
        (State, Outcome, Findings, ConcludedOn) = (ComplaintState.Concluded, outcome, f, today);
        return Entry(ComplaintEntryKind.Concluded, n.Length == 0 ? null : n, by, atUtc);
    }

    /// <summary>补充材料 by the reporter (text): only while the complaint is open.</summary>
    public ComplaintEntry Supplement(string? text, DateTime atUtc)
    {
        if (!Open) throw new RuleException("complaint.closed", null, $"该举报{ComplaintRules.StateName(State)}，不能再补充材料");
        var n = Note(text, true, "text", "补充材料")!;
        return Entry(ComplaintEntryKind.Supplement, n, ComplaintRules.ReporterActor, atUtc);
    }

    /// <summary>转为诉求: links the matter raised from it, once; not from a refused complaint.</summary>
    public ComplaintEntry RaiseMatter(Matters.Matter matter, string by, DateTime atUtc)
    {
        if (MatterId is not null || Matter is not null) throw new RuleException("complaint.matter", null, "该举报已转为诉求，不能重复转办");
        if (State == ComplaintState.Refused) throw new RuleException("complaint.state", null, "该举报不予受理，不能转为诉求");
        Matter = matter;
        return Entry(ComplaintEntryKind.MatterRaised, null, by, atUtc);
    }

    /// <summary>The cadre a verified outcome should be recorded against: the cadre, once 查实 or 部分查实; null otherwise.</summary>
    public long? CadreToRecord => State == ComplaintState.Concluded && Verified && ConductRecordId is null ? CadreId : null;

    private static string? Note(string? text, bool required, string field, string label)
    {
        var n = text?.Trim() ?? "";
        if (required && n.Length == 0) throw new RuleException("complaint." + field, field, $"请填写{label}");
        if (n.Length > MaxNote) throw new RuleException("complaint." + field, field, $"{label}不能超过 {MaxNote} 个字");
        return n.Length == 0 ? null : n;
    }

    private ComplaintEntry Entry(ComplaintEntryKind kind, string? text, string by, DateTime atUtc) =>
        new() { Complaint = this, ComplaintId = Id, RegionCode = RegionCode, Kind = kind, Text = text, Actor = by, AtUtc = atUtc };
}

/// <summary>
/// One row of a complaint's history (never edited): each step with its note to the reporter, and the reporter's follow-ups
/// (补充材料).
/// </summary>
public sealed class ComplaintEntry : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The complaint.</summary>
    public long ComplaintId { get; set; }
    /// <summary>Navigation to the complaint (set when both are new).</summary>
    public Complaint? Complaint { get; set; }
    /// <summary>The complaint's region.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Kind.</summary>
    public ComplaintEntryKind Kind { get; set; }
    /// <summary>Note to the reporter, the refusal reason, or the reporter's added text.</summary>
    public string? Text { get; set; }
    /// <summary>Account, or <see cref="ComplaintRules.ReporterActor"/>.</summary>
    public string Actor { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; set; }
}

/// <summary>Names and age buckets of complaints.</summary>
public static class ComplaintRules
{
    /// <summary>How the history and audit log name the reporter.</summary>
    public const string ReporterActor = "举报人（回执码）";

    /// <summary>The state's label.</summary>
    public static string StateName(ComplaintState s) => s switch
    {
        ComplaintState.Received => "待受理",
        ComplaintState.Accepted => "已受理",
        ComplaintState.Refused => "不予受理",
        ComplaintState.Investigating => "调查中",
        ComplaintState.Concluded => "已办结",
        _ => "",
    };

    /// <summary>The outcome's label.</summary>
    public static string OutcomeName(ComplaintOutcome o) => o switch
    {
        ComplaintOutcome.Verified => "查实",
        ComplaintOutcome.PartlyVerified => "部分查实",
        ComplaintOutcome.Unfounded => "不实",
        _ => "",
    };

    /// <summary>The category's label.</summary>
    public static string CategoryName(ComplaintCategory c) => c switch
    {
        ComplaintCategory.Integrity => "违反廉洁纪律",
        ComplaintCategory.WorkStyle => "作风问题",
        ComplaintCategory.Finance => "财务资金",
        ComplaintCategory.Election => "选举问题",
        ComplaintCategory.Other => "其他",
        _ => "",
    };

    /// <summary>The history row's label.</summary>
    public static string EntryName(ComplaintEntryKind k) => k switch
    {
        ComplaintEntryKind.Filed => "收到举报",
        ComplaintEntryKind.Accepted => "受理",
        ComplaintEntryKind.Refused => "不予受理",
        ComplaintEntryKind.Investigating => "开始调查",
        ComplaintEntryKind.Concluded => "办结",
        ComplaintEntryKind.Supplement => "举报人补充材料",
        ComplaintEntryKind.MatterRaised => "转为诉求办理",
        _ => "",
    };

    /// <summary>Open-age buckets in days (upper bounds, inclusive): 0–7, 8–30, 31–90, over 90.</summary>
    public static readonly IReadOnlyList<(string Label, int FromDays, int? ToDays)> AgeBuckets =
        [("7 天内", 0, 7), ("8–30 天", 8, 30), ("31–90 天", 31, 90), ("90 天以上", 91, null)];

    /// <summary>The bucket index of an open complaint filed on <paramref name="filedOn"/>, as of <paramref name="today"/>.</summary>
    public static int AgeBucket(DateOnly filedOn, DateOnly today)
    {
        var days = today.DayNumber - filedOn.DayNumber;
        for (var i = 0; i < AgeBuckets.Count; i++)
            if (AgeBuckets[i].ToDays is not { } to || days <= to) return i;
        return AgeBuckets.Count - 1;
    }

    /// <summary>Days after which an open complaint counts as 超期未办结 on the inspector's home.</summary>
    public const int OverdueDays = 30;
}
