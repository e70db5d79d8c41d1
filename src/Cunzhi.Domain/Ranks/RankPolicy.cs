namespace Cunzhi.Domain.Ranks;

/// <summary>
/// 晋升办法: one county's rank-and-promotion policy, versioned. A version is in force from its
/// <see cref="EffectiveFrom"/> until the next published version's; decisions and pay for a date are computed under the
/// version in force on that date (<see cref="InForce"/>), so last year's answers stay last year's.
/// <para>Payroll reads only <see cref="AllowanceStepFen"/>; the promotion conditions, waiting times, points and veto
/// reasons are the rank area's.</para>
/// </summary>
public sealed class RankPolicy
{
    /// <summary>Default allowance step: 100 CNY a month per rank above 13.</summary>
    public const long DefaultAllowanceStepFen = 100_00;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code (12 digits).</summary>
    public required string CountyCode { get; set; }
    /// <summary>Version number, 1, 2, … per county.</summary>
    public int Version { get; set; }
    /// <summary>First day this version applies.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>True once published; a published version is never edited (a new version is made instead).</summary>
    public bool IsPublished { get; set; }
    /// <summary>Monthly allowance per rank above 13, in fen (default 10,000 fen = 100 CNY).</summary>
    public long AllowanceStepFen { get; set; } = DefaultAllowanceStepFen;
    /// <summary>Account that published it.</summary>
    public string? PublishedBy { get; set; }
    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The published version in force on <paramref name="date"/> (latest effective date on or before it, highest version on a tie); null when none.</summary>
    public static RankPolicy? InForce(IEnumerable<RankPolicy> versions, DateOnly date) =>
        versions.Where(v => v.IsPublished && v.EffectiveFrom <= date)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).FirstOrDefault();
}
