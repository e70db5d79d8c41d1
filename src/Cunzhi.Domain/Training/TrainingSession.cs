using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Training;

/// <summary>The kind of a training session (SPEC §7; the Wudu article's 轮训, 擂台比武 and 大讲堂).</summary>
public enum TrainingKind
{
    /// <summary>集中轮训: the yearly rotation class every 书记 and 主任 attends.</summary>
    RotationClass = 1,
    /// <summary>专题培训.</summary>
    Topical = 2,
    /// <summary>练兵比武 / 擂台比武.</summary>
    Contest = 3,
    /// <summary>大讲堂 (every two months).</summary>
    Lecture = 4,
    /// <summary>外出学习.</summary>
    StudyTrip = 5,
}

/// <summary>
/// A training session organised by the county or a town (<see cref="RegionCode"/> is the organiser's region): its kind,
/// title and topic, dates (China dates, inclusive), hours (at most <see cref="TrainingRules.MaxHoursPerDay"/> a day of the
/// session) and place. Cancelled sessions are kept (no deletes) and take no attendance.
/// </summary>
public sealed class TrainingSession : IRegionScoped, IVersioned
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 60;
    /// <summary>Longest topic and place.</summary>
    public const int MaxText = 200;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The organiser's region (county or town code).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Kind.</summary>
    public TrainingKind Kind { get; set; }
    /// <summary>Title (2026 年村党组织书记集中轮训).</summary>
    public required string Title { get; set; }
    /// <summary>Topic (optional).</summary>
    public string? Topic { get; set; }
    /// <summary>First day.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Last day.</summary>
    public DateOnly EndDate { get; set; }
    /// <summary>Hours of the whole session (the most one attendance may credit).</summary>
    public decimal Hours { get; set; }
    /// <summary>Place.</summary>
    public string? Place { get; set; }
    /// <summary>Cancelled (kept, takes no attendance).</summary>
    public bool Cancelled { get; set; }
    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A cadre enrolled in a session (one per session and cadre, unique), with the attendance the organiser marks after the
/// session has been held: attended or absent, and the hours credited (≤ the session's hours; partial attendance is fewer).
/// <see cref="RegionCode"/> is the cadre's village.
/// </summary>
public sealed class TrainingEnrolment : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The session.</summary>
    public long SessionId { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre's post when enrolled.</summary>
    public required string PostCode { get; set; }
    /// <summary>Null until marked; true 出勤, false 缺勤.</summary>
    public bool? Attended { get; set; }
    /// <summary>Hours credited (0 when absent).</summary>
    public decimal CreditedHours { get; set; }
    /// <summary>Who marked the attendance.</summary>
    public string? MarkedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? MarkedAtUtc { get; set; }
}

/// <summary>
/// 年度学时要求: a county's required training hours per year for a post, effective from a year (the latest row whose
/// <see cref="FromYear"/> is not after the year asked applies); one row per county, post and year (unique).
/// </summary>
public sealed class TrainingRequirement : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Post code.</summary>
    public required string PostCode { get; set; }
    /// <summary>First year it applies.</summary>
    public int FromYear { get; set; }
    /// <summary>Hours required per year.</summary>
    public decimal Hours { get; set; }
    /// <summary>Who set it.</summary>
    public required string UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
