using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Matters;

/// <summary>诉求的类别 (the four kinds Zibo counts).</summary>
public enum MatterKind
{
    /// <summary>微实事.</summary>
    MicroMatter = 1,
    /// <summary>问题.</summary>
    Problem = 2,
    /// <summary>发展项目.</summary>
    DevelopmentProject = 3,
    /// <summary>村庄规划.</summary>
    VillagePlan = 4,
}

/// <summary>Where a matter came from.</summary>
public enum MatterSource
{
    /// <summary>上门走访.</summary>
    Visit = 1,
    /// <summary>来访.</summary>
    WalkIn = 2,
    /// <summary>电话.</summary>
    Phone = 3,
    /// <summary>投诉.</summary>
    Complaint = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>Where a matter stands.</summary>
public enum MatterState
{
    /// <summary>已登记: registered (or just escalated or sent down), waiting for its level to accept it.</summary>
    Received = 1,
    /// <summary>已受理: accepted, with an owner at the current level.</summary>
    Accepted = 2,
    /// <summary>办理中.</summary>
    InProgress = 3,
    /// <summary>已办结: done, saying what was done; the resident confirms or reopens.</summary>
    Done = 4,
    /// <summary>已确认: confirmed by the resident.</summary>
    Confirmed = 5,
}

/// <summary>The level that handles a matter now (村 → 乡镇 → 县).</summary>
public enum MatterLevel
{
    /// <summary>村级.</summary>
    Village = 1,
    /// <summary>乡镇.</summary>
    Town = 2,
    /// <summary>县级.</summary>
    County = 3,
}

/// <summary>What happened to a matter (one <see cref="MatterEvent"/> each).</summary>
public enum MatterEventKind
{
    /// <summary>登记.</summary>
    Registered = 1,
    /// <summary>受理.</summary>
    Accepted = 2,
    /// <summary>开始办理.</summary>
    Started = 3,
    /// <summary>办结.</summary>
    Done = 4,
    /// <summary>群众确认.</summary>
    Confirmed = 5,
    /// <summary>重新办理.</summary>
    Reopened = 6,
    /// <summary>提级.</summary>
    Escalated = 7,
    /// <summary>退回下级.</summary>
    SentDown = 8,
    /// <summary>下沉议事决定.</summary>
    MeetingDecision = 9,
    /// <summary>调整期限: the due date set by hand, with a reason.</summary>
    DueChanged = 10,
}

/// <summary>Who reopens a matter.</summary>
public enum MatterReopener
{
    /// <summary>群众 (with the receipt code; once).</summary>
    Resident = 1,
    /// <summary>村.</summary>
    Village = 2,
    /// <summary>乡镇.</summary>
    Town = 3,
}

/// <summary>
/// 诉求: what a resident (or a visit) asked of a village, handled at the village, or escalated (提级) to the town and the
/// county. Belongs to a village (<see cref="RegionCode"/>) and optionally one of its households. Its history is the
/// <see cref="MatterEvent"/> rows, never edited. The resident holds a receipt code, stored only as a keyed hash.
/// </summary>
public sealed class Matter : Regions.IRegionScoped, IVersioned
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 60;
    /// <summary>Longest description, reason, decision or what was done.</summary>
    public const int MaxText = 1000;

    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The household of the village it concerns, if any.</summary>
    public long? HouseholdId { get; set; }
    /// <summary>The visit (上门走访) it was raised in, if any; set with <see cref="Visit"/> when saved together with the visit.</summary>
    public long? VisitId { get; set; }
    /// <summary>The visit, set only when the matter is saved together with it (one save: the visit and its matters).</summary>
    public Visits.VisitRecord? Visit { get; set; }
    /// <summary>The points entry (积分记录) it was raised from, if any.</summary>
    public long? PointsEntryId { get; set; }
    /// <summary>The complaint (信访举报) it was raised from, if any.</summary>
    public long? ComplaintId { get; set; }
    /// <summary>Kind.</summary>
    public MatterKind Kind { get; set; }
    /// <summary>Source.</summary>
    public MatterSource Source { get; set; }
    /// <summary>A short title (shown to the resident too: no names).</summary>
    public required string Title { get; set; }
    /// <summary>What is asked.</summary>
    public string Description { get; set; } = "";
    /// <summary>The resident's name as given (staff only; never shown on the public page).</summary>
    public string? ResidentName { get; set; }
    /// <summary>State.</summary>
    public MatterState State { get; set; }
    /// <summary>The level that must act now.</summary>
    public MatterLevel Level { get; set; }
    /// <summary>The owner (an account at the current level), once accepted.</summary>
    public string? Owner { get; set; }
    /// <summary>What was done (required to close).</summary>
    public string? DoneText { get; set; }
    /// <summary>China date of registration.</summary>
    public DateOnly ReceivedOn { get; set; }
    /// <summary>China date it is due at its current level (<see cref="MatterDeadlines"/>).</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>China date it was last done.</summary>
    public DateOnly? DoneOn { get; set; }
    /// <summary>China date the resident confirmed it.</summary>
    public DateOnly? ConfirmedOn { get; set; }
    /// <summary>Keyed hash of the resident's receipt code (the code itself is shown once and never stored).</summary>
    public required string ReceiptHash { get; set; }
    /// <summary>The resident has used the receipt code to confirm or reopen (allowed once).</summary>
    public bool ReceiptUsed { get; set; }
    /// <summary>Registering account.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One step in a matter's history; written once, never edited.</summary>
public sealed class MatterEvent : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The matter.</summary>
    public long MatterId { get; set; }
    /// <summary>The matter, set only when it is saved together with its registration event.</summary>
    public Matter? Matter { get; set; }
    /// <summary>The matter's village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>What happened.</summary>
    public MatterEventKind Kind { get; set; }
    /// <summary>The level after it.</summary>
    public MatterLevel Level { get; set; }
    /// <summary>The state after it.</summary>
    public MatterState State { get; set; }
    /// <summary>Reason, decision, what was done, the owner accepted (as the step needs).</summary>
    public string? Text { get; set; }
    /// <summary>The account, or 群众 for the resident.</summary>
    public required string Actor { get; set; }
    /// <summary>The 下沉议事 meeting of a decision.</summary>
    public long? MeetingId { get; set; }
    /// <summary>The matter's due date after it (the history of its due dates; null on events written before it was kept).</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>China date.</summary>
    public DateOnly On { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; set; }
}

/// <summary>下沉议事: a town's meeting held in a village on escalated matters.</summary>
public sealed class MatterMeeting : Regions.IRegionScoped, IVersioned
{
    /// <summary>Longest attendee list or notes.</summary>
    public const int MaxText = 1000;

    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village it is held in.</summary>
    public required string RegionCode { get; set; }
    /// <summary>China date.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Subject (one line).</summary>
    public required string Subject { get; set; }
    /// <summary>Attendees (names or accounts, free text).</summary>
    public string Attendees { get; set; } = "";
    /// <summary>The town account that holds it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A matter on a meeting's agenda and, once taken, the meeting's decision on it.</summary>
public sealed class MatterMeetingItem : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The meeting.</summary>
    public long MeetingId { get; set; }
    /// <summary>The matter.</summary>
    public long MatterId { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The decision (also a <see cref="MatterEventKind.MeetingDecision"/> event of the matter).</summary>
    public string? Decision { get; set; }
}

/// <summary>The county's matter settings: how long after confirmation a matter may still be reopened.</summary>
public sealed class MatterSettings : IVersioned
{
    /// <summary>Default reopen window after confirmation, in days.</summary>
    public const int DefaultReopenDays = 30;

    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The county (12 digits).</summary>
    public required string CountyCode { get; set; }
    /// <summary>Days after confirmation within which a matter may be reopened (1–365).</summary>
    public int ReopenDays { get; set; } = DefaultReopenDays;
}
