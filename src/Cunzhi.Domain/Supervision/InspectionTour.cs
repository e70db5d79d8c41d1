using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Supervision;

/// <summary>
/// 巡察: an inspection tour of some of a town's villages by a team between two dates. Lives in the town's region (the town
/// reads it; a village reads only its own findings). The villages covered are kept as their 12-digit codes separated by
/// commas (<see cref="Villages"/>). Versioned.
/// </summary>
public sealed class InspectionTour : IRegionScoped, IVersioned
{
    /// <summary>Longest name.</summary>
    public const int MaxName = 60;
    /// <summary>Longest team text.</summary>
    public const int MaxTeam = 200;
    /// <summary>Most villages in one tour.</summary>
    public const int MaxVillages = 60;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The town's code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Name, e.g. 2026年第一轮巡察.</summary>
    public required string Name { get; set; }
    /// <summary>Village codes covered, comma-separated.</summary>
    public required string Villages { get; set; }
    /// <summary>First day.</summary>
    public DateOnly From { get; set; }
    /// <summary>Last day.</summary>
    public DateOnly To { get; set; }
    /// <summary>巡察组 (leader and members as text).</summary>
    public required string Team { get; set; }
    /// <summary>Who planned it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <inheritdoc />
    public int RowVersion { get; set; }

    /// <summary>The villages covered.</summary>
    public IReadOnlyList<string> VillageCodes => Villages.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the tour covers <paramref name="village"/>.</summary>
    public bool Covers(string village) => VillageCodes.Contains(village);
}
