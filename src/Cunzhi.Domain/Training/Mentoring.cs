using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Training;

/// <summary>
/// 1+1 帮带: a new cadre paired with a town leader for a period (default 12 months). The mentor is a person's name and
/// post (乡镇党委委员、副镇长…), not an account: town leaders mostly have no account in the system, and the town's
/// organisation office keeps the pair and its monthly log on their behalf. One ACTIVE pair per cadre (unique where
/// <see cref="EndedOn"/> is null); a pair ends by its period, or early when the town changes the mentor (the old pair
/// gets <see cref="EndedOn"/> and <see cref="EndReason"/>, a new pair starts that day); it is never deleted. <see cref="RegionCode"/> is the cadre's village.
/// </summary>
public sealed class MentorPair : IRegionScoped, IVersioned
{
    /// <summary>Longest mentor name and post.</summary>
    public const int MaxName = 30;
    /// <summary>Default period (months).</summary>
    public const int DefaultMonths = 12;
    /// <summary>Longest period (months).</summary>
    public const int MaxMonths = 36;
    /// <summary>Longest reason for changing the mentor.</summary>
    public const int MaxReason = 200;

    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The new cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The mentor's name.</summary>
    public required string MentorName { get; set; }
    /// <summary>The mentor's post in the town (党委副书记…).</summary>
    public required string MentorPost { get; set; }
    /// <summary>First day.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Period in months.</summary>
    public int Months { get; set; } = DefaultMonths;
    /// <summary>The day the town changed the mentor (the new pair's first day); null while this pair is the cadre's current one.</summary>
    public DateOnly? EndedOn { get; set; }
    /// <summary>Why the mentor was changed (调任、离职…); set with <see cref="EndedOn"/>.</summary>
    public string? EndReason { get; set; }
    /// <summary>Who paired them.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A pair's note for a month (one per pair and month, unique): what the mentor did with the cadre.</summary>
public sealed class MentorLog : IRegionScoped
{
    /// <summary>Longest note.</summary>
    public const int MaxNote = 500;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The pair.</summary>
    public long PairId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The month (its first day).</summary>
    public DateOnly Month { get; set; }
    /// <summary>The note.</summary>
    public required string Note { get; set; }
    /// <summary>Who wrote it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
}
