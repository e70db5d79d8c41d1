namespace Cunzhi.Domain.Assessment;

/// <summary>An annual score with what the reviewer should know about it.</summary>
/// <param name="Score">0–100, 2 decimals; null when no component is present.</param>
/// <param name="Warnings">Chinese warnings, e.g. a missing component and how it was handled.</param>
public sealed record AnnualScore(decimal? Score, IReadOnlyList<string> Warnings);

/// <summary>How many 优秀 a town may propose, and why.</summary>
/// <param name="Cadres">The town's cadres in the batch.</param>
/// <param name="Percent">The county's cap percentage.</param>
/// <param name="Cap">The resulting maximum (<see cref="AnnualRules.ExcellentCap"/>).</param>
public sealed record ExcellentQuota(int Cadres, int Percent, int Cap)
{
    /// <summary>The rule in words, for messages.</summary>
    public string Explain => $"在任村干部 {Cadres} 人 × {Percent}%，向下取整，有干部时至少 1 人，即 {Cap} 人";
}

/// <summary>One cadre's line in a town's annual proposal, as the cap rule reads it.</summary>
/// <param name="CadreId">The cadre.</param>
/// <param name="Name">Name, for messages.</param>
/// <param name="Score">Annual score, or null without data.</param>
/// <param name="Rating">The rating the town proposes, or null when not chosen.</param>
public sealed record ProposedRating(long CadreId, string Name, decimal? Score, Rating? Rating);

/// <summary>The system's suggestion for a town's batch.</summary>
/// <param name="Ratings">Suggested rating per cadre id (null: no data, the town must choose).</param>
/// <param name="Notices">Why some candidates were not suggested as 优秀 (cap, tie at the boundary).</param>
public sealed record Suggestion(IReadOnlyDictionary<long, Rating?> Ratings, IReadOnlyList<string> Notices);

/// <summary>
/// 年终综合考核 rules. All pure; the thresholds and weights come from <see cref="AssessmentSettings"/>.
/// </summary>
public static class AnnualRules
{
    /// <summary>
    /// The annual score:
    /// <code>score = (wₘ × M + w_q × Q + wₛ × S×100) / (wₘ + w_q + wₛ)</code>
    /// where M is the average of the year's monthly totals, Q the average of its quarterly totals, S the 双述双评
    /// satisfaction rate (0–1) and w the county's weights (default 40/40/20). A missing component (no monthly
    /// scores, no quarterly scores, no ballots) is left out and the sum is taken over the weights of the present
    /// ones — reweighting, so a cadre is neither punished nor rewarded for a review that did not happen — with a
    /// warning naming it. A component whose weight is 0 is ignored. With nothing present there is no score.
    /// Rounded half away from zero to 2 decimals.
    /// </summary>
    public static AnnualScore Compute(decimal? monthlyAverage, decimal? quarterlyAverage, decimal? satisfactionRate, AssessmentSettings s)
    {
        var parts = new (string Name, int Weight, decimal? Value)[]
        {
            ("月度考评", s.MonthlyWeight, monthlyAverage),
            ("季度实绩考核", s.QuarterlyWeight, quarterlyAverage),
            ("双述双评满意率", s.SatisfactionWeight, satisfactionRate is { } r ? r * 100 : null),
        };
        var counted = parts.Where(p => p.Weight > 0).ToList();
        var present = counted.Where(p => p.Value is not null).ToList();
        var missing = counted.Where(p => p.Value is null).Select(p => p.Name).ToList();
        if (present.Count == 0)
            return new(null, ["没有月度、季度考评得分，也没有双述双评结果，无法计算年度得分，请乡镇直接确定等次"]);
        var weight = present.Sum(p => p.Weight);
        var score = decimal.Round(present.Sum(p => p.Weight * p.Value!.Value) / weight, 2, MidpointRounding.AwayFromZero);
        var warnings = missing.Count == 0
            ? (IReadOnlyList<string>)[]
            : [$"缺少{string.Join("、", missing)}，按其余项目的权重（{string.Join(" : ", present.Select(p => $"{p.Name} {p.Weight}"))}）折算"];
        return new(score, warnings);
    }

    /// <summary>Why a year's annual review cannot be prepared on <paramref name="asOf"/>, or null: a past year, or the current one from 1 December.</summary>
    public static string? YearProblem(int year, DateOnly asOf)
    {
        if (year < 2000 || year > asOf.Year) return $"{year} 年度尚未开始年终考核";
        if (year == asOf.Year && asOf.Month < 12) return $"{year} 年度的年终考核从 12 月 1 日起进行";
        return null;
    }

    /// <summary>The rating a score earns by the county's thresholds (优秀 is only a candidacy: the cap may take it away).</summary>
    public static Rating CandidateRating(decimal score, AssessmentSettings s) =>
        score >= s.ExcellentThreshold ? Rating.Excellent
        : score >= s.CompetentThreshold ? Rating.Competent
        : score >= s.BasicThreshold ? Rating.BasicallyCompetent
        : Rating.Incompetent;

    /// <summary>
    /// The 优秀 cap of a town: ⌊cadres × percent / 100⌋, but at least 1 when the town has any cadre and the percentage
    /// is above 0 — otherwise a town of fewer than 5 cadres could never have an 优秀 (1, 2, 4 cadres → 1; 5 → 1; 6 → 1;
    /// 10 → 2; 0 cadres or 0% → 0).
    /// </summary>
    public static ExcellentQuota ExcellentCap(int cadres, int percent)
    {
        if (cadres <= 0 || percent <= 0) return new(Math.Max(cadres, 0), Math.Max(percent, 0), 0);
        return new(cadres, percent, Math.Max(1, cadres * percent / 100));
    }

    /// <summary>
    /// The system's suggestion: each cadre gets the rating the score earns; if more are 优秀 candidates than the cap,
    /// the highest scores keep 优秀 and the rest are suggested 称职. Ties at the boundary are not broken by the system:
    /// when the last place within the cap is shared by candidates with the same score and not all fit, none of the tied
    /// candidates is suggested 优秀 (they are suggested 称职), and a notice asks the town to choose among them itself
    /// (it may upgrade up to the free places, since each of them is a candidate). Deterministic whatever the input order.
    /// </summary>
    public static Suggestion Suggest(IReadOnlyList<ProposedRating> rows, ExcellentQuota quota, AssessmentSettings s)
    {
        var ratings = rows.ToDictionary(r => r.CadreId, r => r.Score is { } sc ? CandidateRating(sc, s) : (Rating?)null);
        var notices = new List<string>();
        var candidates = rows.Where(r => ratings[r.CadreId] == Rating.Excellent)
            .OrderByDescending(r => r.Score).ThenBy(r => r.CadreId).ToList();
        if (candidates.Count <= quota.Cap) return new(ratings, notices);
        var boundary = quota.Cap == 0 ? decimal.MaxValue : candidates[quota.Cap - 1].Score!.Value;
        var firstOut = candidates[quota.Cap].Score!.Value;
        var keep = boundary == firstOut ? candidates.Where(c => c.Score > boundary).ToList() : candidates.Take(quota.Cap).ToList();
        foreach (var c in candidates.Except(keep)) ratings[c.CadreId] = Rating.Competent;
        notices.Add($"达到优秀分数线的有 {candidates.Count} 人，超过优秀名额（{quota.Explain}），名额外的按得分高低建议为称职");
        if (boundary == firstOut)
        {
            var tied = candidates.Where(c => c.Score == boundary).ToList();
            var free = quota.Cap - keep.Count;
            notices.Add($"{string.Join("、", tied.Select(t => t.Name))} 同为 {boundary:0.00} 分，并列跨越名额边界，系统不代为取舍：" +
                        $"请乡镇在这 {tied.Count} 人中确定至多 {free} 人为优秀，其余为称职");
        }
        return new(ratings, notices);
    }

    /// <summary>
    /// Every reason a town's proposal cannot go to the county: a cadre without a rating; a rating better than the score
    /// earns (a town may rate lower than the score, never higher; with no score at most 称职); more 优秀 than the cap.
    /// </summary>
    public static IReadOnlyList<string> CheckProposal(IReadOnlyList<ProposedRating> rows, ExcellentQuota quota, AssessmentSettings s)
    {
        var p = new List<string>();
        foreach (var r in rows.OrderBy(r => r.CadreId))
        {
            if (r.Rating is null) { p.Add($"{r.Name} 尚未确定等次"); continue; }
            var best = r.Score is { } sc ? CandidateRating(sc, s) : Rating.Competent;
            if (r.Rating < best)
                p.Add(r.Score is { } score
                    ? $"{r.Name} 年度得分 {score:0.00}，按分数线最高为{Ratings.Name(best)}，不能评为{Ratings.Name(r.Rating.Value)}"
                    : $"{r.Name} 没有考核得分，最高只能评为称职");
        }
        var excellent = rows.Count(r => r.Rating == Rating.Excellent);
        if (excellent > quota.Cap)
            p.Add($"拟定优秀 {excellent} 人，超过优秀名额 {quota.Cap} 人（{quota.Explain}），请将其中 {excellent - quota.Cap} 人调整为称职后再上报");
        return p;
    }
}
