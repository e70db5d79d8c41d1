using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Visits;

/// <summary>
/// 上门问事: a town's round of household visits — a name and its dates (China dates, inclusive). Its villages and
/// households are its <see cref="VisitAssignment"/>s, generated from the household registry when it is planned.
/// </summary>
public sealed class VisitRound : IRegionScoped, IVersioned
{
    /// <summary>Longest name.</summary>
    public const int MaxName = 60;
    /// <summary>Longest round (days).</summary>
    public const int MaxDays = 366;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Town code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Name (2026 年冬季走访).</summary>
    public required string Name { get; set; }
    /// <summary>First day.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day.</summary>
    public DateOnly ToDate { get; set; }
    /// <summary>Who planned it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Its households and officials (written with the round in one save).</summary>
    public List<VisitAssignment> Assignments { get; set; } = [];
}

/// <summary>
/// One household of a round and the town official who is to visit it; one per household and round (unique). A round
/// holds hundreds or thousands: planning records one summary event (households per official) and a reassignment one
/// event (household, from, to), not a row-by-row entry each.
/// </summary>
public sealed class VisitAssignment : IRegionScoped, IVersioned, ISummaryAudited
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The round.</summary>
    public long RoundId { get; set; }
    /// <summary>The household's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The household's villager group (null: not in a group).</summary>
    public string? GroupCode { get; set; }
    /// <summary>The household.</summary>
    public long HouseholdId { get; set; }
    /// <summary>The official's account (user name, a town staff account of the round's town).</summary>
    public required string Official { get; set; }
}

/// <summary>
/// A visit (走访记录): one household on one day, who went (the recording official by default, companions optional),
/// notes and the matters raised (a count and their description; none is fine). No GPS, selfie or photo. Never edited;
/// a second visit of a household in the same round is another record, and coverage counts the household once.
/// </summary>
public sealed class VisitRecord : IRegionScoped
{
    /// <summary>Longest notes and matters text.</summary>
    public const int MaxText = 1000;
    /// <summary>Longest companions text.</summary>
    public const int MaxCompanions = 100;
    /// <summary>Most matters in one visit.</summary>
    public const int MaxMatters = 50;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The round.</summary>
    public long RoundId { get; set; }
    /// <summary>The household's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The household.</summary>
    public long HouseholdId { get; set; }
    /// <summary>The day of the visit (China date, within the round, not after today).</summary>
    public DateOnly Date { get; set; }
    /// <summary>The official who went (account user name).</summary>
    public required string VisitedBy { get; set; }
    /// <summary>Others who went (names, free text).</summary>
    public string? Companions { get; set; }
    /// <summary>What was seen and said.</summary>
    public string? Notes { get; set; }
    /// <summary>How many matters (诉求) the household raised; 0 is fine.</summary>
    public int MattersRaised { get; set; }
    /// <summary>The matters, described (until matters link here).</summary>
    public string? MattersText { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
}
