using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>A degree programme's state: 在读, 毕业 or 退学.</summary>
public enum DegreeStatus
{
    /// <summary>在读.</summary>
    Studying = 0,
    /// <summary>毕业 (the cadre's education is raised when the level is higher).</summary>
    Graduated = 1,
    /// <summary>退学 (no further tuition claims).</summary>
    DroppedOut = 2,
}

/// <summary>
/// 学历提升: a cadre's enrolment in a degree programme — school, level (an education code of the registry's list:
/// 大专/本科/研究生), major, start and expected end (China dates). Enrolled by the cadre's town or the county; finished as
/// 毕业 (raising <c>Cadre.EducationCode</c> in the same save when the level is higher) or 退学. Carries what has been
/// reimbursed under it so far, so a per-programme cap and parallel approvals are checked against one versioned row.
/// </summary>
public sealed class DegreeProgramme : IRegionScoped, IVersioned
{
    /// <summary>Longest school name.</summary>
    public const int MaxSchool = 60;
    /// <summary>Longest major.</summary>
    public const int MaxMajor = 60;

    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>学校.</summary>
    public required string School { get; set; }
    /// <summary>层次: an education code (college, bachelor, postgraduate).</summary>
    public required string LevelCode { get; set; }
    /// <summary>专业.</summary>
    public required string Major { get; set; }
    /// <summary>入学日期.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>预计毕业日期.</summary>
    public DateOnly EndDate { get; set; }
    /// <summary>在读/毕业/退学.</summary>
    public DegreeStatus Status { get; set; }
    /// <summary>The day it was finished (毕业 or 退学), or null while studying.</summary>
    public DateOnly? FinishedOn { get; set; }
    /// <summary>Reimbursed under this programme so far (fen), the sum of its approved claims.</summary>
    public long ReimbursedFen { get; set; }
    /// <summary>Who enrolled it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// What a cadre has been reimbursed in one year (fen), over all programmes: one row per cadre and year (unique), versioned,
/// so two approvals at once cannot together pass the yearly cap — the second save is stale (409).
/// </summary>
public sealed class DegreeAllowance : IRegionScoped, IVersioned
{
    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The claims' year.</summary>
    public int Year { get; set; }
    /// <summary>Reimbursed in that year (fen).</summary>
    public long ReimbursedFen { get; set; }
}
