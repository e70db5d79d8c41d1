namespace Cunzhi.Domain.Ranks;

/// <summary>
/// 定级: placing a serving cadre on the 13-rank ladder when the county starts the rank pilot, or when a cadre who took
/// office later has not been placed yet (SPEC §2; the pilot graded its 130 cadres before promoting any). A grading is a
/// <see cref="RankChange"/> of kind <see cref="RankChangeKind.Initial"/> and happens once per cadre: every later change is
/// a promotion or a demotion. Like every rank change it takes effect on the first day of a month.
/// </summary>
public static class RankGrading
{
    /// <summary>Reason recorded when the county gives none.</summary>
    public const string DefaultReason = "职级管理定级";

    /// <summary>
    /// The first 1st of a month on which a cadre who took office on <paramref name="tookOffice"/> can hold a rank: that
    /// day if it is a 1st, else the 1st of the following month (15 March → 1 April).
    /// </summary>
    /// <remarks>
    /// Rank pilot (SPEC §2, seeds/004): "初始职级为十三级" — a cadre serves at the initial rank 13 until graded — and a rank
    /// allowance is enjoyed from a whole month ("从职级晋升批复后的次月开始享受职级补贴"), so a rank takes effect on a 1st and
    /// payroll reads the rank in force on the 1st. The source gives no earlier start for a grading; a grading from the 1st of
    /// the month taken office mid-month would put the rank in force on days the cadre held no office and count those days
    /// towards B1's minimum months at rank. So the month of taking office is at rank 13 unless office began on its 1st.
    /// </remarks>
    public static DateOnly FirstEffectiveDate(DateOnly tookOffice) =>
        tookOffice.Day == 1 ? tookOffice : new DateOnly(tookOffice.Year, tookOffice.Month, 1).AddMonths(1);

    /// <summary>The latest effective date a grading made on <paramref name="today"/> may have: the 1st of next month (31 Dec 2026 → 1 Jan 2027).</summary>
    public static DateOnly LatestEffectiveDate(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1);

    /// <summary>
    /// Every reason a grading cannot be made, in Chinese, in a fixed order (empty when it can): the cadre not in office;
    /// already graded (has any rank change); the rank outside 1–13; the effective date not a 1st, after
    /// <see cref="LatestEffectiveDate"/>, or before <see cref="FirstEffectiveDate"/> of the day the cadre took office.
    /// </summary>
    public static IReadOnlyList<string> Check(bool inOffice, bool hasRankHistory, DateOnly tookOffice, int rank, DateOnly effectiveFrom, DateOnly today)
    {
        var problems = new List<string>();
        if (!inOffice) problems.Add("不在任，不能定级");
        if (hasRankHistory) problems.Add("已定级：职级变动须走晋升或降级");
        if (rank is < RankHistory.TopRank or > RankHistory.EntryRank) problems.Add($"职级应在 {RankHistory.TopRank} 至 {RankHistory.EntryRank} 之间");
        if (effectiveFrom.Day != 1)
        {
            problems.Add("定级须从某月 1 日起生效");
            return problems;
        }
        var latest = LatestEffectiveDate(today);
        if (effectiveFrom > latest) problems.Add($"生效日期不能晚于 {latest:yyyy-MM-dd}");
        var earliest = FirstEffectiveDate(tookOffice);
        if (effectiveFrom < earliest) problems.Add($"{tookOffice:yyyy-MM-dd} 任职，定级最早从 {earliest:yyyy-MM-dd} 起生效");
        return problems;
    }
}
