using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>A tuition claim's state.</summary>
public enum ClaimStatus
{
    /// <summary>待审批.</summary>
    Pending = 0,
    /// <summary>已报销.</summary>
    Approved = 1,
    /// <summary>未通过.</summary>
    Rejected = 2,
}

/// <summary>
/// 学费报销申请: tuition paid for one term of a programme (fen) and the county's decision — approved for the policy's share
/// within the caps (<see cref="DegreeRules.Reimbursement"/>), or rejected with a reason. Receipts are
/// <see cref="TuitionReceipt"/> files.
/// </summary>
public sealed class TuitionClaim : IRegionScoped, IVersioned
{
    /// <summary>Longest term text (e.g. 2026 年春季学期).</summary>
    public const int MaxTerm = 30;
    /// <summary>Longest rejection reason.</summary>
    public const int MaxReason = 200;

    /// <summary>Concurrency version (<see cref="IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The programme.</summary>
    public long ProgrammeId { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The year the tuition counts in (the yearly cap's year).</summary>
    public int Year { get; set; }
    /// <summary>学期 (free text).</summary>
    public required string Term { get; set; }
    /// <summary>Tuition paid (fen).</summary>
    public long TuitionFen { get; set; }
    /// <summary>Reimbursed (fen) once approved.</summary>
    public long? ReimbursedFen { get; set; }
    /// <summary>State.</summary>
    public ClaimStatus Status { get; set; }
    /// <summary>Why it was rejected.</summary>
    public string? RejectReason { get; set; }
    /// <summary>Who filed it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }
}

/// <summary>A receipt file of a tuition claim: stored on disk like task evidence (random name), the row keeps name, type, size and SHA-256.</summary>
public sealed class TuitionReceipt : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The claim.</summary>
    public long ClaimId { get; set; }
    /// <summary>Original file name.</summary>
    public required string FileName { get; set; }
    /// <summary>Type detected from the content.</summary>
    public required string ContentType { get; set; }
    /// <summary>Bytes.</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 (hex).</summary>
    public required string Sha256 { get; set; }
    /// <summary>Name on disk.</summary>
    public required string StoredName { get; set; }
    /// <summary>Who uploaded it.</summary>
    public required string UploadedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime UploadedAtUtc { get; set; }
}
