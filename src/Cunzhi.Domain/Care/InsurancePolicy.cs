using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Care;

/// <summary>
/// 意外保险: an accident insurance policy a county or a town buys for its cadres — insurer, policy number, period
/// (China dates, inclusive) and the cadres covered (<see cref="InsuredCadre"/>, written with the policy in one save). The
/// policy number is the insurer's contract number, not personal data: it is stored and shown as is.
/// </summary>
public sealed class InsurancePolicy : IRegionScoped
{
    /// <summary>Longest insurer name.</summary>
    public const int MaxInsurer = 60;
    /// <summary>Longest policy number.</summary>
    public const int MaxNumber = 40;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The county or town that bought it.</summary>
    public required string RegionCode { get; set; }
    /// <summary>保险公司.</summary>
    public required string Insurer { get; set; }
    /// <summary>保单号 (unique per insurer).</summary>
    public required string PolicyNumber { get; set; }
    /// <summary>First day covered.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>Last day covered.</summary>
    public DateOnly ToDate { get; set; }
    /// <summary>Who recorded it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The cadres covered.</summary>
    public List<InsuredCadre> Insured { get; set; } = [];
}

/// <summary>
/// One cadre covered by a policy. Carries the cadre's village (so a town reads its own cadres' cover even under a county
/// policy) and the policy's period (so coverage on a day is one indexed read). One row per cadre and policy (unique).
/// A group policy covers hundreds: recording it writes one summary event, not an entry per row.
/// </summary>
public sealed class InsuredCadre : IRegionScoped, ISummaryAudited
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The policy.</summary>
    public long PolicyId { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The policy's first day.</summary>
    public DateOnly FromDate { get; set; }
    /// <summary>The policy's last day.</summary>
    public DateOnly ToDate { get; set; }
}
