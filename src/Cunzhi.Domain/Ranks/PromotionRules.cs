using Cunzhi.Domain.Assessment;

namespace Cunzhi.Domain.Ranks;

/// <summary>An approved annual rating (年度考核等次) of a year.</summary>
/// <param name="Year">Assessment year.</param>
/// <param name="Rating">The approved rating.</param>
public sealed record YearRating(int Year, Rating Rating);

/// <summary>A 双述双评 satisfaction rate (0–1) of a year.</summary>
/// <param name="Year">Evaluation year.</param>
/// <param name="Rate">(满意 + 基本满意) / valid ballots.</param>
public sealed record YearSatisfaction(int Year, decimal Rate);

/// <summary>Everything the promotion rules read about one cadre.</summary>
/// <param name="CadreId">The cadre.</param>
/// <param name="Rank">Rank after all approved changes (<c>Cadre.Rank</c>).</param>
/// <param name="InOffice">Serving.</param>
/// <param name="StartDate">Date of taking the current post, the start at the rank when there is no rank history.</param>
/// <param name="Changes">The cadre's rank changes.</param>
/// <param name="Ratings">Approved annual ratings.</param>
/// <param name="Satisfaction">双述双评 satisfaction rates.</param>
/// <param name="Conduct">Conduct records; withdrawn ones (撤销) may be included and are ignored by the rules.</param>
public sealed record RankCandidate(long CadreId, int Rank, bool InOffice, DateOnly StartDate, IReadOnlyList<RankChange> Changes,
    IReadOnlyList<YearRating> Ratings, IReadOnlyList<YearSatisfaction> Satisfaction, IReadOnlyList<ConductRecord> Conduct);

/// <summary>
/// One promotion condition's answer. <see cref="Passed"/> means the condition does not stand in the way: a basic
/// condition (B1, B2) is met, or a disqualifying condition (D1–D7) is absent.
/// </summary>
/// <param name="Code">B1, B2, D1 … D7.</param>
/// <param name="Title">The condition in Chinese.</param>
/// <param name="Passed">True when it does not prevent promotion.</param>
/// <param name="Evidence">Why, in Chinese, naming the records it read.</param>
public sealed record RankCondition(string Code, string Title, bool Passed, string Evidence);

/// <summary>A cadre's promotion eligibility on a date, fully explained.</summary>
/// <param name="Eligible">May be proposed for promotion.</param>
/// <param name="Rank">Current rank.</param>
/// <param name="TargetRank">The rank a promotion would give; null at rank 1.</param>
/// <param name="RankSince">Start at the current rank (latest rank change, else the post's start date).</param>
/// <param name="MonthsAtRank">Whole months at the current rank on the date.</param>
/// <param name="BaseMonths">The policy's minimum months at the rank (0 at rank 1).</param>
/// <param name="Points">Bonus points accumulated at the current rank.</param>
/// <param name="MonthsOff">Months the points take off the wait (0 when vetoed).</param>
/// <param name="RequiredMonths">Months required after points.</param>
/// <param name="PolicyVersion">Version of the policy applied.</param>
/// <param name="Conditions">B1, B2, D1–D7 in order.</param>
/// <param name="PointsDetail">Each bonus item with its points.</param>
/// <param name="Vetoes">Vetoes in force on the date.</param>
/// <param name="Reasons">Why not eligible (empty when eligible).</param>
public sealed record RankEligibility(bool Eligible, int Rank, int? TargetRank, DateOnly RankSince, int MonthsAtRank, int BaseMonths, int Points,
    int MonthsOff, int RequiredMonths, int PolicyVersion, IReadOnlyList<RankCondition> Conditions, IReadOnlyList<string> PointsDetail,
    IReadOnlyList<string> Vetoes, IReadOnlyList<string> Reasons);

/// <summary>
/// The promotion and demotion rules of the rank-and-pay pilot (SPEC §2) as pure functions of explicit inputs.
/// </summary>
public static class PromotionRules
{
    /// <summary>
    /// Whole months from <paramref name="from"/> to <paramref name="to"/>: the largest n with from + n months ≤ to, where
    /// adding months keeps the day or falls on the month's last day (31 January + 1 month = 28/29 February). 0 when to &lt; from.
    /// </summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var n = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(n) > to) n--;
        return Math.Max(0, n);
    }

    /// <summary>Start at the current rank: the latest rank change's effective date (even a future one), else the post's start date.</summary>
    public static DateOnly RankSince(RankCandidate c) =>
        c.Changes.OrderByDescending(x => x.EffectiveFrom).ThenByDescending(x => x.Id).Select(x => (DateOnly?)x.EffectiveFrom).FirstOrDefault() ?? c.StartDate;

    /// <summary>The rank a demotion gives: one rank down, but 13 stays 13 (null: there is no lower rank).</summary>
    public static int? DemotionTarget(int rank) => rank >= RankHistory.EntryRank ? null : rank + 1;

    /// <summary>
    /// Checks every condition of <paramref name="p"/> for <paramref name="c"/> on <paramref name="asOf"/>. Records dated after
    /// the date are ignored, so an answer for a past date is the answer that was right then; withdrawn records (entered in
    /// error) are ignored for every date, as if never entered. A veto in the period makes the
    /// cadre ineligible whatever the points (and the points then shorten nothing); rank 1 cannot be promoted.
    /// </summary>
    public static RankEligibility Check(RankCandidate c, RankPolicy p, DateOnly asOf)
    {
        var since = RankSince(c);
        var months = MonthsBetween(since, asOf);
        var top = c.Rank <= RankHistory.TopRank;
        var baseMonths = top ? 0 : p.MinMonthsAt(c.Rank);
        var periodStart = asOf.AddMonths(-p.PeriodMonths);
        var sanctionStart = asOf.AddMonths(-p.SanctionMonths);
        var conduct = c.Conduct.Where(r => !r.Withdrawn && r.Date <= asOf).OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();

        var vetoes = conduct.Where(r => r.Kind == ConductKind.Veto && r.Date > periodStart)
            .Select(r => $"{r.Date:yyyy-MM-dd} 一票否决：{r.VetoReason}（{r.Description}）").ToList();

        var pointsDetail = new List<string>();
        var points = 0;
        foreach (var r in c.Ratings.Where(r => r.Rating == Rating.Excellent && r.Year >= since.Year && r.Year <= asOf.Year).OrderBy(r => r.Year))
        {
            points += p.ExcellentPoints;
            pointsDetail.Add($"{r.Year} 年度考核优秀 +{p.ExcellentPoints}");
        }
        foreach (var r in conduct.Where(r => r.Kind == ConductKind.Commendation && r.Level is not null && r.Date >= since))
        {
            var add = p.PointsFor(r.Level!.Value);
            points += add;
            pointsDetail.Add($"{r.Date:yyyy-MM-dd} {ConductNames.Level(r.Level.Value)}表彰（{r.Description}）+{add}");
        }
        var monthsOff = vetoes.Count > 0 ? 0 : Math.Min(baseMonths, p.MonthsOffFor(points));
        var required = baseMonths - monthsOff;

        var conditions = new List<RankCondition>();

        // B1 — minimum time at the current rank, shortened by points (逐级增加晋升难度).
        if (top)
            conditions.Add(new("B1", "任现职级满规定年限", false, $"已是最高职级（{RankHistory.TopRank} 级），不能再晋升"));
        else
        {
            var shortened = monthsOff > 0 ? $"，加分 {points} 分缩短 {monthsOff} 个月，须满 {required} 个月" : "";
            var vetoNote = vetoes.Count > 0 && points > 0 ? "（一票否决，加分不予缩短）" : "";
            conditions.Add(new("B1", "任现职级满规定年限", months >= required,
                $"{since:yyyy-MM-dd} 起任 {c.Rank} 级，至 {asOf:yyyy-MM-dd} 满 {months} 个月；{c.Rank} 级须满 {baseMonths} 个月{shortened}{vetoNote}"));
        }

        // B2 and D1 read the most recent approved annual rating.
        var last = c.Ratings.Where(r => r.Year <= asOf.Year).OrderByDescending(r => r.Year).FirstOrDefault();
        conditions.Add(last is null
            ? new("B2", $"最近一次年度考核{Ratings.Name(p.MinimumRating)}及以上", false, "没有已审定的年度考核等次")
            : new("B2", $"最近一次年度考核{Ratings.Name(p.MinimumRating)}及以上", last.Rating <= p.MinimumRating, $"{last.Year} 年度考核 {Ratings.Name(last.Rating)}"));
        conditions.Add(last is null
            ? new("D1", "最近一次年度考核为基本称职或不称职", true, "没有已审定的年度考核等次")
            : new("D1", "最近一次年度考核为基本称职或不称职", last.Rating < Rating.BasicallyCompetent, $"{last.Year} 年度考核 {Ratings.Name(last.Rating)}"));

        conditions.Add(Records("D2", $"近 {p.SanctionMonths} 个月内受党纪政务处分", conduct.Where(r => r.Kind == ConductKind.Sanction && r.Date > sanctionStart), "无处分记录"));
        conditions.Add(Records("D3", "正在接受立案审查", conduct.Where(r => r.Kind == ConductKind.Investigation && r.OpenOn(asOf)), "未在立案审查中"));

        var satisfaction = c.Satisfaction.Where(s => s.Year <= asOf.Year).OrderByDescending(s => s.Year).FirstOrDefault();
        conditions.Add(satisfaction is null
            ? new("D4", $"双述双评满意率低于 {p.MinSatisfactionPercent}%", true, "没有双述双评结果")
            : new("D4", $"双述双评满意率低于 {p.MinSatisfactionPercent}%", satisfaction.Rate * 100 >= p.MinSatisfactionPercent,
                $"{satisfaction.Year} 年双述双评满意率 {decimal.Round(satisfaction.Rate * 100, 1)}%"));

        conditions.Add(Records("D5", $"近 {p.PeriodMonths} 个月内信访举报查实", conduct.Where(r => r.Kind == ConductKind.Complaint && r.Date > periodStart), "无查实的信访举报"));

        var absence = conduct.Where(r => r.Kind == ConductKind.Absence && r.Date > periodStart).ToList();
        var days = absence.Sum(r => r.Days ?? 0);
        conditions.Add(new("D6", $"近 {p.PeriodMonths} 个月内无故缺勤超过 {p.MaxAbsenceDays} 天", days <= p.MaxAbsenceDays,
            absence.Count == 0 ? "无缺勤记录" : $"无故缺勤共 {days} 天（{string.Join("；", absence.Select(r => $"{r.Date:yyyy-MM-dd} {r.Days} 天"))}）"));

        conditions.Add(Records("D7", "审计发现问题未整改", conduct.Where(r => r.Kind == ConductKind.AuditFinding && r.OpenOn(asOf)), "无未整改的审计问题"));

        var reasons = new List<string>();
        if (!c.InOffice) reasons.Add("已不在任");
        reasons.AddRange(conditions.Where(x => !x.Passed).Select(x => $"{x.Code} {x.Title}：{x.Evidence}"));
        reasons.AddRange(vetoes.Select(v => $"一票否决取消晋升资格：{v}"));
        return new(reasons.Count == 0, c.Rank, top ? null : c.Rank - 1, since, months, baseMonths, points, monthsOff, required, p.Version,
            conditions, pointsDetail, vetoes, reasons);
    }

    private static RankCondition Records(string code, string title, IEnumerable<ConductRecord> found, string none)
    {
        var list = found.ToList();
        return new(code, title, list.Count == 0, list.Count == 0 ? none : string.Join("；", list.Select(r => $"{r.Date:yyyy-MM-dd} {ConductNames.Kind(r.Kind)}：{r.Description}")));
    }
}
