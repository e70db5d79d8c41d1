using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>
/// 年度体检: that a cadre had the year's health check — the date and the organiser only. No medical detail (results,
/// findings, hospital records) is stored anywhere. One per cadre and year (unique).
/// </summary>
public sealed class HealthCheck : IRegionScoped
{
    /// <summary>Longest organiser name.</summary>
    public const int MaxOrganiser = 60;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The year (the check date's year).</summary>
    public int Year { get; set; }
    /// <summary>The day of the check.</summary>
    public DateOnly Date { get; set; }
    /// <summary>组织单位 (e.g. 县委组织部、乡镇卫生院).</summary>
    public required string Organiser { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
}
