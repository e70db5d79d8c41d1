using Cunzhi.Domain.Cadres;

namespace Cunzhi.Domain.Pay;

/// <summary>The pool of an income-increment reward and why.</summary>
/// <param name="IncrementFen">This year's collective operating income minus last year's (may be negative).</param>
/// <param name="PoolFen">What may be shared: <c>⌊increment × cap% ⌋</c> when the increment is positive, else 0.</param>
/// <param name="Explanation">In Chinese, with the figures.</param>
public sealed record IncrementPool(long IncrementFen, long PoolFen, string Explanation);

/// <summary>One cadre's part of a shared amount.</summary>
/// <param name="CadreId">The cadre.</param>
/// <param name="Weight">Their weight (post share, editable per village).</param>
/// <param name="AmountFen">Their amount in fen.</param>
public sealed record ShareResult(long CadreId, int Weight, long AmountFen);

/// <summary>
/// Pure pay arithmetic (SPEC §2), all in integer fen.
/// <para><b>Proration</b>: a cadre in office for part of a month gets <c>amount × days in office ÷ days in the month</c>,
/// rounded to the fen half-up (0.5 fen and more rounds up, away from zero for negative amounts). Both the first and the
/// last day in office count: joined on the 1st and still serving = the whole month; left on the last day = the whole
/// month; joined on the 10th and left on the 20th of a 30-day month = 11/30.</para>
/// </summary>
public static class PayRules
{
    /// <summary><c>numerator ÷ denominator</c> rounded to the nearest integer, halves away from zero (denominator &gt; 0).</summary>
    public static long RoundHalfUp(long numerator, long denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator));
        var q = Math.DivRem(Math.Abs(numerator), denominator, out var r);
        if (r * 2 >= denominator) q++;
        return numerator < 0 ? -q : q;
    }

    /// <summary>Number of days in the month of <paramref name="monthStart"/>.</summary>
    public static int DaysInMonth(DateOnly monthStart) => DateTime.DaysInMonth(monthStart.Year, monthStart.Month);

    /// <summary>
    /// Days of the month of <paramref name="monthStart"/> inside <c>[from, to]</c> (both inclusive; <paramref name="to"/>
    /// null = still serving). Zero when the interval misses the month.
    /// </summary>
    public static int DaysIn(DateOnly monthStart, DateOnly from, DateOnly? to)
    {
        var first = new DateOnly(monthStart.Year, monthStart.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var a = from > first ? from : first;
        var b = to is { } t && t < last ? t : last;
        return b < a ? 0 : b.DayNumber - a.DayNumber + 1;
    }

    /// <summary>A full month's amount for <paramref name="days"/> of <paramref name="daysInMonth"/>, rounded half-up to the fen.</summary>
    public static long Prorate(long monthlyFen, int days, int daysInMonth)
    {
        if (days < 0 || days > daysInMonth) throw new ArgumentOutOfRangeException(nameof(days), days, "在任天数超出当月天数");
        return days == daysInMonth ? monthlyFen : RoundHalfUp(monthlyFen * days, daysInMonth);
    }

    /// <summary>The coefficient (‰) for a monthly score: the row with the highest threshold not above the score; 0 below every row; null without a score.</summary>
    public static int? CoefficientPermille(IReadOnlyList<CoefficientStep> table, decimal? score)
    {
        if (score is not { } s) return null;
        foreach (var step in table.OrderByDescending(t => t.MinScore))
            if (s >= step.MinScore) return step.Permille;
        return 0;
    }

    /// <summary>Performance pay for a full month: base × coefficient ‰ ÷ 1000, rounded half-up to the fen.</summary>
    public static long PerformanceFen(long baseFen, int permille) => RoundHalfUp(baseFen * permille, 1000);

    /// <summary>
    /// 村集体经济收益增量奖励: at most <paramref name="capPercent"/>% of this year's collective operating income minus last
    /// year's, rounded down to the fen (a cap is never exceeded), only when the increment is positive; otherwise nothing.
    /// </summary>
    public static IncrementPool IncrementReward(long thisYearFen, long lastYearFen, int capPercent)
    {
        var increment = thisYearFen - lastYearFen;
        if (increment <= 0)
            return new(increment, 0, increment == 0
                ? "本年度集体经营收益与上年度持平，没有增量，不发增量奖励"
                : $"本年度集体经营收益比上年度减少 {Yuan(-increment)} 元，没有增量，不发增量奖励");
        var pool = increment * capPercent / 100;
        return new(increment, pool, $"增量 {Yuan(increment)} 元 × {capPercent}% = 奖励总额 {Yuan(pool)} 元（不足一分的部分舍去）");
    }

    /// <summary>
    /// Splits <paramref name="totalFen"/> by weight. Each gets <c>⌊total × weight ÷ Σweights⌋</c>; the fen left over go one
    /// each to the largest remainders, ties to the higher weight, then to the lower cadre id — so the result is the same on
    /// every run and the parts add up exactly to the total. All weights zero: nobody gets anything (the caller explains).
    /// </summary>
    public static IReadOnlyList<ShareResult> Share(long totalFen, IReadOnlyList<(long CadreId, int Weight)> weights)
    {
        if (weights.Any(w => w.Weight < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "权重不能为负");
        long sum = weights.Sum(w => (long)w.Weight);
        if (sum == 0 || totalFen <= 0) return weights.Select(w => new ShareResult(w.CadreId, w.Weight, 0)).ToList();
        var parts = weights.Select(w => (w.CadreId, w.Weight, Amount: totalFen * w.Weight / sum, Remainder: totalFen * w.Weight % sum)).ToList();
        var left = totalFen - parts.Sum(p => p.Amount);
        var extra = parts.Where(p => p.Weight > 0).OrderByDescending(p => p.Remainder).ThenByDescending(p => p.Weight).ThenBy(p => p.CadreId)
            .Take((int)left).Select(p => p.CadreId).ToHashSet();
        return parts.Select(p => new ShareResult(p.CadreId, p.Weight, p.Amount + (extra.Contains(p.CadreId) ? 1 : 0))).ToList();
    }

    /// <summary>Whole years of service from <paramref name="start"/> to <paramref name="end"/> (anniversaries reached; 29 February counts on 1 March in common years).</summary>
    public static int YearsOfService(DateOnly start, DateOnly end) => end < start ? 0 : Cadre.AgeOn(start, end);

    /// <summary>
    /// 正常离任村干部生活补贴 for the month of <paramref name="monthStart"/>, or null when none is due: only for a cadre who
    /// left office normally before that month, and whose age on the first day of the month has reached
    /// <paramref name="age"/> (so the allowance starts the month after the birthday, or the birthday's month when it falls
    /// on the 1st). Amount = full years of service × <paramref name="fenPerYear"/>, not prorated.
    /// </summary>
    public static long? RetirementFen(CadreStatus status, DateOnly birth, DateOnly serviceStart, DateOnly? departure, DateOnly monthStart, int age, long fenPerYear)
    {
        if (status != CadreStatus.DepartedNormally || departure is not { } left || left >= monthStart) return null;
        if (Cadre.AgeOn(birth, monthStart) < age) return null;
        return YearsOfService(serviceStart, left) * fenPerYear;
    }

    /// <summary>
    /// Fen as yuan with two decimals and a comma every three digits ("1,234.56", "-0.50"), for explanations: the same
    /// text as formatting fen ÷ 100 with "#,##0.00" in the invariant culture, written digit by digit because a payroll
    /// run formats several amounts for every line.
    /// </summary>
    public static string Yuan(long fen)
    {
        Span<char> text = stackalloc char[32];
        var pos = text.Length;
        var rest = fen < 0 ? (ulong)-(fen + 1) + 1 : (ulong)fen; // long.MinValue has no positive long
        text[--pos] = (char)('0' + (int)(rest % 10));
        text[--pos] = (char)('0' + (int)(rest / 10 % 10));
        text[--pos] = '.';
        rest /= 100;
        var digits = 0;
        do
        {
            if (digits > 0 && digits % 3 == 0) text[--pos] = ',';
            text[--pos] = (char)('0' + (int)(rest % 10));
            rest /= 10;
            digits++;
        } while (rest > 0);
        if (fen < 0) text[--pos] = '-';
        return new string(text[pos..]);
    }
}
