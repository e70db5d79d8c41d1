using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Duty;

/// <summary>Kind of leave (休假类别).</summary>
public enum LeaveKind
{
    /// <summary>年休假.</summary>
    Annual = 1,
    /// <summary>事假.</summary>
    Personal = 2,
    /// <summary>病假.</summary>
    Sick = 3,
    /// <summary>婚丧假、产假等其他.</summary>
    Other = 4,
}

/// <summary>Where a leave request stands.</summary>
public enum LeaveState
{
    /// <summary>待审批.</summary>
    Requested = 1,
    /// <summary>已批准.</summary>
    Approved = 2,
    /// <summary>未批准.</summary>
    Rejected = 3,
}

/// <summary>
/// 休假: a village cadre's leave, requested by the village (for the cadre) or the town, decided by the town. Approving
/// it takes the cadre off the roster on those days; a day left with nobody needs a named replacement.
/// </summary>
public sealed class DutyLeave : IRegionScoped, IVersioned
{
    /// <summary>Longest reason.</summary>
    public const int MaxReason = 200;
    /// <summary>Longest leave in days.</summary>
    public const int MaxDays = 180;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code (the cadre's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre on leave.</summary>
    public long CadreId { get; set; }
    /// <summary>First day of leave.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day of leave (inclusive).</summary>
    public DateOnly ToDate { get; set; }
    /// <summary>Kind.</summary>
    public LeaveKind Kind { get; set; }
    /// <summary>Reason as given.</summary>
    public required string Reason { get; set; }
    /// <summary>State.</summary>
    public LeaveState State { get; set; } = LeaveState.Requested;
    /// <summary>Who requested it.</summary>
    public string? RequestedBy { get; set; }
    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When decided (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }
    /// <summary>The replacement named on approval, if any.</summary>
    public long? ReplacementCadreId { get; set; }
    /// <summary>Why it was not approved.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>Chinese label of a kind.</summary>
    public static string KindName(LeaveKind k) => k switch
    {
        LeaveKind.Annual => "年休假", LeaveKind.Personal => "事假", LeaveKind.Sick => "病假", _ => "其他",
    };

    /// <summary>Chinese label of a state.</summary>
    public static string StateName(LeaveState s) => s switch
    {
        LeaveState.Requested => "待审批", LeaveState.Approved => "已批准", _ => "未批准",
    };
}
