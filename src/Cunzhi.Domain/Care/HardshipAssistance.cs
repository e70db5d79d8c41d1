using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>Reason category of hardship assistance (a category only: no medical or family detail is stored).</summary>
public enum AssistanceReason
{
    /// <summary>因病.</summary>
    Illness = 0,
    /// <summary>因灾.</summary>
    Disaster = 1,
    /// <summary>意外事故.</summary>
    Accident = 2,
    /// <summary>家庭困难.</summary>
    FamilyHardship = 3,
    /// <summary>其他.</summary>
    Other = 4,
}

/// <summary>Where an application stands.</summary>
public enum AssistanceStatus
{
    /// <summary>乡镇已推荐，待县审批.</summary>
    Recommended = 0,
    /// <summary>已批准 (with the amount granted).</summary>
    Approved = 1,
    /// <summary>未批准 (with the reason).</summary>
    Rejected = 2,
}

/// <summary>
/// 困难帮扶: the cadre's town recommends assistance for a cadre in office (reason category, a short description, amount
/// requested); the county approves with the amount granted (more than 0, not more than requested) or rejects with a reason.
/// The description is short on purpose (<see cref="MaxDescription"/>): no ID numbers, no medical or family detail.
/// </summary>
public sealed class HardshipAssistance : IRegionScoped, IVersioned
{
    /// <summary>Longest description.</summary>
    public const int MaxDescription = 100;
    /// <summary>Longest rejection reason.</summary>
    public const int MaxReason = 200;

    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>Reason category.</summary>
    public AssistanceReason Reason { get; set; }
    /// <summary>简要说明.</summary>
    public required string Description { get; set; }
    /// <summary>申请金额 (fen).</summary>
    public long RequestedFen { get; set; }
    /// <summary>批准金额 (fen), once approved.</summary>
    public long? GrantedFen { get; set; }
    /// <summary>State.</summary>
    public AssistanceStatus Status { get; set; }
    /// <summary>Why it was rejected.</summary>
    public string? RejectReason { get; set; }
    /// <summary>Who recommended it (the town's account).</summary>
    public required string RecommendedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecommendedAtUtc { get; set; }
    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }
}
