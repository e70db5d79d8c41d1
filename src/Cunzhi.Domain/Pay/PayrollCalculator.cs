using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Pay;

/// <summary>A post held over a period, as payroll reads it.</summary>
/// <param name="PostCode">Post code.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day, null while held.</param>
public sealed record PostSpan(string PostCode, DateOnly From, DateOnly? To);

/// <summary>A cadre as payroll reads it.</summary>
public sealed record PayCadre(long Id, string RegionCode, string Name, string PostCode, int Rank, CadreStatus Status,
    DateOnly BirthDate, DateOnly StartDate, DateOnly? DepartureDate, IReadOnlyList<PostSpan> Posts);

/// <summary>A reward due to a cadre in the month.</summary>
/// <param name="CadreId">The cadre.</param>
/// <param name="AmountFen">Amount.</param>
/// <param name="Label">What it is, e.g. "2026 年度担当作为好支书奖励".</param>
public sealed record DueReward(long CadreId, long AmountFen, string Label);

/// <summary>Everything a town's month is computed from.</summary>
public sealed record PayrollInput(
    DateOnly MonthStart,
    PaySettings Settings,
    long AllowanceStepFen,
    int? RankPolicyVersion,
    IReadOnlyList<PayCadre> Cadres,
    IReadOnlyDictionary<long, IReadOnlyList<RankChange>> RankChanges,
    IReadOnlyDictionary<long, decimal> Scores,
    IReadOnlyList<DueReward> Rewards);

/// <summary>The computed lines (without run id) and the run's warnings.</summary>
public sealed record PayrollComputation(IReadOnlyList<PayLine> Lines, IReadOnlyList<string> Warnings, int MissingScores, long TotalFen);

/// <summary>
/// Computes a town's month in memory from rows loaded in a few queries (SPEC §2). Deterministic: the same input gives
/// the same lines in the same order, so recomputing a draft changes nothing unless the data did.
/// <list type="bullet">
/// <item>Who: every cadre whose service (post history, else <c>StartDate</c>…<c>DepartureDate</c>) overlaps the month.</item>
/// <item>Base pay: per post held in the month, the post's monthly base × its days ÷ days in month (a post change mid-month
/// splits the month), each rounded half-up to the fen (<see cref="PayRules.Prorate"/>).</item>
/// <item>Rank allowance: <see cref="RankHistory.RankInForce"/> on the 1st (changes take effect on a 1st) → (13 − rank) × step, prorated.</item>
/// <item>Performance: the monthly full amount base × coefficient(score), rounded, then prorated. <b>No score: 0 and a
/// warning on the line and the run; the county cannot approve the run until the town scores and recomputes.</b></item>
/// <item>驻村第一书记: paid by the sending unit — a line of zeros that says so.</item>
/// <item>Rewards due this month (好支书, income increment) added to the cadre's line, or on a reward line if the cadre
/// has none this month. Retirement allowances (<see cref="PayRules.RetirementFen"/>) on their own lines, never prorated.</item>
/// </list>
/// </summary>
public static class PayrollCalculator
{
    /// <summary>Posts paid by their sending unit (SPEC §1: first secretaries are sent from above).</summary>
    public static readonly IReadOnlySet<string> PaidBySendingUnit = new HashSet<string>(StringComparer.Ordinal) { "first-secretary" };

    /// <summary>Chinese name of a post code.</summary>
    public static string PostName(string code) => ReferenceData.Posts.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    /// <summary>Computes the lines.</summary>
    public static PayrollComputation Compute(PayrollInput input)
    {
        var s = input.Settings;
        var month = input.MonthStart;
        var dim = PayRules.DaysInMonth(month);
        var coefficients = s.CoefficientTable;
        // BaseFenFor parses the settings' post table; once per post code and run, not once per line.
        var baseOf = new Dictionary<string, long>(StringComparer.Ordinal);
        long BaseFen(string code) => baseOf.TryGetValue(code, out var fen) ? fen : baseOf[code] = s.BaseFenFor(code);
        var rewards = input.Rewards.GroupBy(r => r.CadreId).ToDictionary(g => g.Key, g => g.ToList());
        var lines = new List<PayLine>();
        var warnings = new List<string>();
        var missing = 0;
        var versions = $"报酬标准第 {s.Version} 版；" + (input.RankPolicyVersion is { } rp ? $"晋升办法第 {rp} 版" : "未发布晋升办法，职级补贴级差按默认值");

        foreach (var c in input.Cadres.OrderBy(c => c.RegionCode, StringComparer.Ordinal).ThenBy(c => c.Id))
        {
            var spans = Spans(c);
            var serviceStart = spans.Min(p => p.From);
            var segments = spans.Select(p => (p.PostCode, Days: PayRules.DaysIn(month, p.From, p.To))).Where(x => x.Days > 0).ToList();
            var days = segments.Sum(x => x.Days);
            rewards.TryGetValue(c.Id, out var due);
            var rewardFen = due?.Sum(r => r.AmountFen) ?? 0;
            var rewardText = due is null ? "" : "；" + string.Join("；", due.Select(r => $"{r.Label} {PayRules.Yuan(r.AmountFen)}"));

            if (days > 0)
            {
                if (days > dim) days = dim; // overlapping post rows in bad data never pay more than the month
                var post = segments[^1].PostCode;
                var line = new PayLine { RegionCode = c.RegionCode, CadreId = c.Id, CadreName = c.Name, PostCode = post, Kind = PayLineKind.Regular, Days = days, DaysInMonth = dim };
                var parts = new List<string>();
                if (PaidBySendingUnit.Contains(post))
                {
                    parts.Add($"{PostName(post)}由派出单位发放报酬，本表不发");
                }
                else
                {
                    foreach (var (code, d) in segments)
                    {
                        var full = BaseFen(code);
                        var amount = PayRules.Prorate(full, d, dim);
                        line.BaseFen += amount;
                        parts.Add($"基本报酬 {PostName(code)} {PayRules.Yuan(full)} × {d}/{dim} 天 = {PayRules.Yuan(amount)}");
                    }
                    var rank = RankHistory.RankInForce(input.RankChanges.GetValueOrDefault(c.Id) ?? [], c.Rank, month);
                    line.Rank = rank;
                    var allowance = RankHistory.AllowanceFen(rank, input.AllowanceStepFen);
                    line.AllowanceFen = PayRules.Prorate(allowance, days, dim);
                    parts.Add($"职级补贴 {rank} 级 (13−{rank})×{PayRules.Yuan(input.AllowanceStepFen)} = {PayRules.Yuan(allowance)} × {days}/{dim} 天 = {PayRules.Yuan(line.AllowanceFen)}");
                    if (input.Scores.TryGetValue(c.Id, out var score))
                    {
                        var permille = PayRules.CoefficientPermille(coefficients, score)!.Value;
                        var full = PayRules.PerformanceFen(s.PerformanceBaseFen, permille);
                        line.PerformanceFen = PayRules.Prorate(full, days, dim);
                        (line.Score, line.CoefficientPermille) = (score, permille);
                        parts.Add($"绩效报酬 考评 {score:0.##} 分 → 系数 {permille / 1000m:0.0##}，{PayRules.Yuan(s.PerformanceBaseFen)} × {permille / 1000m:0.0##} = {PayRules.Yuan(full)} × {days}/{dim} 天 = {PayRules.Yuan(line.PerformanceFen)}");
                    }
                    else if (s.PerformanceBaseFen > 0)
                    {
                        missing++;
                        line.Warning = $"缺少 {month.Year} 年 {month.Month} 月月度考评得分：绩效报酬暂按 0 计，审批前须评分并重新计算";
                        parts.Add("绩效报酬 未评分，暂按 0");
                    }
                }
                line.RewardFen = rewardFen;
                line.Explanation = string.Join("；", parts) + rewardText + "；" + versions;
                line.Total();
                lines.Add(line);
                continue;
            }

            var retirement = PayRules.RetirementFen(c.Status, c.BirthDate, serviceStart, c.DepartureDate, month, s.RetirementAge, s.RetirementFenPerYear);
            if (retirement is > 0 || rewardFen > 0)
            {
                var line = new PayLine
                {
                    RegionCode = c.RegionCode, CadreId = c.Id, CadreName = c.Name, PostCode = c.PostCode, DaysInMonth = dim,
                    Kind = retirement is > 0 ? PayLineKind.Retirement : PayLineKind.Reward, RetirementFen = retirement ?? 0, RewardFen = rewardFen,
                };
                var years = PayRules.YearsOfService(serviceStart, c.DepartureDate ?? month);
                line.Explanation = (retirement is > 0
                    ? $"正常离任生活补贴 任职 {serviceStart:yyyy-MM-dd} 至 {c.DepartureDate:yyyy-MM-dd} 满 {years} 年 × {PayRules.Yuan(s.RetirementFenPerYear)} = {PayRules.Yuan(retirement.Value)}（年满 {s.RetirementAge} 岁起发）"
                    : "本月不在任，仅发奖励") + rewardText + "；" + versions;
                line.Total();
                lines.Add(line);
            }
        }

        if (input.RankPolicyVersion is null) warnings.Add($"县委组织部尚未发布晋升办法，职级补贴级差按默认 {PayRules.Yuan(input.AllowanceStepFen)} 元计算");
        if (missing > 0) warnings.Add($"{missing} 名干部缺少 {month.Year} 年 {month.Month} 月月度考评得分，绩效报酬暂按 0 计；评分并重新计算前不能审批");
        var known = input.Cadres.Select(c => c.Id).ToHashSet();
        foreach (var r in input.Rewards.Where(r => !known.Contains(r.CadreId)))
            warnings.Add($"{r.Label}（干部编号 {r.CadreId}）的干部不在本乡镇，未发放");
        return new(lines, warnings, missing, lines.Sum(l => l.TotalFen));
    }

    private static IReadOnlyList<PostSpan> Spans(PayCadre c)
    {
        if (c.Posts.Count == 0) return [new PostSpan(c.PostCode, c.StartDate, c.DepartureDate)];
        // A departure closes the open post (Cadre.Depart); clip anything later to the departure date all the same.
        return c.Posts.OrderBy(p => p.From)
            .Select(p => c.DepartureDate is { } d && (p.To is null || p.To > d) ? p with { To = d } : p).ToList();
    }
}
