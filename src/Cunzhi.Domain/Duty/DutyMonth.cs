using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Duty;

/// <summary>
/// 坐班值班表: one village's duty roster of one month (门常开、人常在、事常办) — who is on duty on each working day. One row
/// per village and month (unique), versioned: editing a day, generating the month and approving leave that changes it all
/// advance the version, so two such changes made at once cannot both succeed (one is told to refresh, 409).
/// </summary>
public sealed class DutyMonth : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version.</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Year.</summary>
    public int Year { get; set; }
    /// <summary>Month 1–12.</summary>
    public int Month { get; set; }
    /// <summary>Who last changed it.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? UpdatedAtUtc { get; set; }
    /// <summary>The duty assignments of the month, one per cadre and day.</summary>
    public List<DutyAssignment> Assignments { get; set; } = [];
}

/// <summary>One cadre on duty on one day (unique per village, day and cadre).</summary>
public sealed class DutyAssignment : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The month's roster.</summary>
    public long DutyMonthId { get; set; }
    /// <summary>Village code (the roster's).</summary>
    public required string RegionCode { get; set; }
    /// <summary>The day.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The cadre on duty (a cadre in office in the village, resident cadres included).</summary>
    public long CadreId { get; set; }
}
