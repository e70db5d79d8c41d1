using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Ranks;

/// <summary>One row of the table by which bonus points shorten the wait (加分缩短晋升年限): at least <see cref="MinPoints"/> points take <see cref="MonthsOff"/> months off.</summary>
/// <param name="MinPoints">Points needed for this row.</param>
/// <param name="MonthsOff">Months taken off the minimum time at the current rank.</param>
public sealed record PointsStep(int MinPoints, int MonthsOff);

/// <summary>
/// 晋升办法: one county's rank-and-promotion policy, versioned. A version is in force from its
/// <see cref="VersionedPolicy{TSelf}.EffectiveFrom"/> until the next published version's; decisions and pay for a date are computed under the
/// version in force on that date (<see cref="VersionedPolicy{TSelf}.InForce"/>), so last year's answers stay last year's.
/// <para>Payroll reads only <see cref="AllowanceStepFen"/>; the promotion conditions, waiting times, points and veto
/// reasons are the rank area's.</para>
/// <para>Defaults (rank-and-pay pilot, SPEC §2; the county changes them): minimum months at rank 13…2 of
/// 12, 12, 12, 24, 24, 24, 36, 36, 36, 48, 48, 60 (逐级增加晋升难度); B2 last approved annual rating at least 称职;
/// D2 a sanction within 24 months; D4 satisfaction below 60%; D5, D6 and vetoes within the 12-month period; D6 more
/// than 3 days of unexcused absence; points 优秀 2, commendation 县级 1 / 市级 2 / 省级 3 / 国家级 5, accumulated at the
/// current rank; 2 points take 3 months off the wait, 4 points 6 months, 6 points 12 months; veto reasons 履职不力,
/// 群众满意度低, 违法违纪.</para>
/// </summary>
public sealed class RankPolicy : VersionedPolicy<RankPolicy>
{
    /// <summary>Default allowance step: 100 CNY a month per rank above 13.</summary>
    public const long DefaultAllowanceStepFen = 100_00;

    /// <summary>Default minimum months at rank 13, 12, …, 2 (index 0 is rank 13).</summary>
    public static readonly IReadOnlyList<int> DefaultMinMonths = [12, 12, 12, 24, 24, 24, 36, 36, 36, 48, 48, 60];

    /// <summary>Default points table.</summary>
    public static readonly IReadOnlyList<PointsStep> DefaultPointsSteps = [new(2, 3), new(4, 6), new(6, 12)];

    /// <summary>Default veto reasons (一票否决): failing duties, low satisfaction, breaking law or discipline (SPEC §2).</summary>
    public static readonly IReadOnlyList<string> DefaultVetoReasons = ["履职不力", "群众满意度低", "违法违纪"];

    // Id, CountyCode, Version, EffectiveFrom, IsPublished, PublishedBy/At: VersionedPolicy.

    /// <inheritdoc/>
    protected override string PolicyName => "晋升办法";

    /// <summary>Monthly allowance per rank above 13, in fen (default 10,000 fen = 100 CNY).</summary>
    public long AllowanceStepFen { get; set; } = DefaultAllowanceStepFen;

    /// <summary>B1: minimum months at rank 13, 12, …, 2 before promotion (12 entries; index 0 is rank 13).</summary>
    public List<int> MinMonths { get; set; } = [.. DefaultMinMonths];
    /// <summary>B2: the last approved annual rating must be this or better (default 称职).</summary>
    public Rating MinimumRating { get; set; } = Rating.Competent;
    /// <summary>D2: a Party or government sanction (处分) within this many months before the date disqualifies (default 24).</summary>
    public int SanctionMonths { get; set; } = 24;
    /// <summary>The period (考察期) of D5, D6 and the veto: this many months before the date (default 12).</summary>
    public int PeriodMonths { get; set; } = 12;
    /// <summary>D4: 双述双评 satisfaction below this percentage disqualifies (default 60).</summary>
    public int MinSatisfactionPercent { get; set; } = 60;
    /// <summary>D6: more than this many days of unexcused duty absence in the period disqualifies (default 3).</summary>
    public int MaxAbsenceDays { get; set; } = 3;
    /// <summary>Points for each annual rating of 优秀 at the current rank (default 2).</summary>
    public int ExcellentPoints { get; set; } = 2;
    /// <summary>Points for a county-level commendation (县级, default 1).</summary>
    public int CountyCommendationPoints { get; set; } = 1;
    /// <summary>Points for a city-level commendation (市级, default 2).</summary>
    public int CityCommendationPoints { get; set; } = 2;
    /// <summary>Points for a province-level commendation (省级, default 3).</summary>
    public int ProvinceCommendationPoints { get; set; } = 3;
    /// <summary>Points for a national commendation (国家级, default 5).</summary>
    public int NationalCommendationPoints { get; set; } = 5;
    /// <summary>How accumulated points shorten the wait; the row with the most points reached applies.</summary>
    public List<PointsStep> PointsSteps { get; set; } = [.. DefaultPointsSteps];
    /// <summary>Reasons the discipline inspector may give for a veto (一票否决).</summary>
    public List<string> VetoReasons { get; set; } = [.. DefaultVetoReasons];

    /// <summary>The default policy of a county as version 1, published, in force from <paramref name="effectiveFrom"/>.</summary>
    public static RankPolicy Default(string countyCode, DateOnly effectiveFrom, string publishedBy, DateTime publishedAtUtc) => new()
    {
        CountyCode = countyCode, Version = 1, EffectiveFrom = effectiveFrom, IsPublished = true, PublishedBy = publishedBy, PublishedAtUtc = publishedAtUtc,
    };

    /// <summary>Minimum months at <paramref name="rank"/> (13 … 2) before promotion to the next rank.</summary>
    public int MinMonthsAt(int rank)
    {
        if (rank is <= RankHistory.TopRank or > RankHistory.EntryRank) throw new ArgumentOutOfRangeException(nameof(rank), rank, "只有 2 至 13 级可以晋升");
        return MinMonths[RankHistory.EntryRank - rank];
    }

    /// <summary>Months taken off the wait for <paramref name="points"/> accumulated points (0 below the table's first row).</summary>
    public int MonthsOffFor(int points) => PointsSteps.Where(s => points >= s.MinPoints).Select(s => s.MonthsOff).DefaultIfEmpty(0).Max();

    /// <summary>Points for a commendation of <paramref name="level"/>.</summary>
    public int PointsFor(CommendationLevel level) => level switch
    {
        CommendationLevel.County => CountyCommendationPoints,
        CommendationLevel.City => CityCommendationPoints,
        CommendationLevel.Province => ProvinceCommendationPoints,
        CommendationLevel.National => NationalCommendationPoints,
        _ => 0,
    };

    /// <summary>Every problem with the numbers of this version, in Chinese; empty when it may be published.</summary>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (AllowanceStepFen is < 0 or > 100_000_00) p.Add("职级补贴级差应在 0 至 100000 元之间");
        if (MinMonths.Count != RankHistory.EntryRank - RankHistory.TopRank) p.Add("最低任职月数须为 13 级至 2 级共 12 项");
        else
        {
            if (MinMonths.Any(m => m is < 0 or > 240)) p.Add("最低任职月数应在 0 至 240 之间");
            for (var i = 1; i < MinMonths.Count; i++)
                if (MinMonths[i] < MinMonths[i - 1])
                {
                    p.Add($"逐级增加晋升难度：{RankHistory.EntryRank - i} 级的最低任职月数（{MinMonths[i]}）不能少于 {RankHistory.EntryRank - i + 1} 级的（{MinMonths[i - 1]}）");
                    break;
                }
        }
        if (!Enum.IsDefined(MinimumRating) || MinimumRating > Rating.Competent) p.Add("晋升所需年度考核等次应为优秀或称职");
        if (SanctionMonths is < 1 or > 120) p.Add("处分影响期应在 1 至 120 个月之间");
        if (PeriodMonths is < 1 or > 60) p.Add("考察期应在 1 至 60 个月之间");
        if (MinSatisfactionPercent is < 0 or > 100) p.Add("满意率下限应在 0 至 100 之间");
        if (MaxAbsenceDays is < 0 or > 365) p.Add("无故缺勤天数上限应在 0 至 365 之间");
        if (new[] { ExcellentPoints, CountyCommendationPoints, CityCommendationPoints, ProvinceCommendationPoints, NationalCommendationPoints }.Any(x => x is < 0 or > 100))
            p.Add("加分分值应在 0 至 100 之间");
        if (PointsSteps.Any(s => s.MinPoints < 1 || s.MonthsOff < 0 || s.MonthsOff > 120)) p.Add("加分缩短年限表：分数至少为 1，缩短月数应在 0 至 120 之间");
        if (PointsSteps.Select(s => s.MinPoints).Distinct().Count() != PointsSteps.Count) p.Add("加分缩短年限表中分数不能重复");
        var ordered = PointsSteps.OrderBy(s => s.MinPoints).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].MonthsOff < ordered[i - 1].MonthsOff) { p.Add("加分越多缩短的月数不能越少"); break; }
        if (VetoReasons.Count == 0) p.Add("至少需要一项一票否决情形");
        if (VetoReasons.Any(string.IsNullOrWhiteSpace) || VetoReasons.Any(r => r.Length > 30)) p.Add("一票否决情形不能为空，且不超过 30 个字");
        if (VetoReasons.Distinct().Count() != VetoReasons.Count) p.Add("一票否决情形不能重复");
        return p;
    }

    /// <summary>A draft copy of this version's numbers as <paramref name="version"/>, with its effective date.</summary>
    public RankPolicy DraftCopy(int version) => NewDraft(version, EffectiveFrom);

    /// <inheritdoc/>
    protected override void CopyMutableMembers() => (MinMonths, PointsSteps, VetoReasons) = ([.. MinMonths], [.. PointsSteps], [.. VetoReasons]);

    /// <summary>
    /// Publishes this draft from <paramref name="effectiveFrom"/>: not before <paramref name="today"/> (decisions already
    /// taken keep the version they were taken under) and after every published version's effective date; the numbers
    /// must have no <see cref="Problems"/>.
    /// </summary>
    public void Publish(DateOnly effectiveFrom, IEnumerable<RankPolicy> published, DateOnly today, string by, DateTime atUtc)
    {
        EnsureDraft();
        var problems = Problems();
        if (problems.Count > 0) throw RuleException.Of(problems);
        if (effectiveFrom < today) throw new RuleException($"生效日期不能早于今天（{today:yyyy-MM-dd}）：已作出的决定按当时的办法计算");
        var latest = LatestPublished(published);
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
            throw new RuleException($"生效日期须晚于第 {latest.Version} 版的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）");
        EffectiveFrom = effectiveFrom;
        MarkPublished(by, atUtc);
    }
}
