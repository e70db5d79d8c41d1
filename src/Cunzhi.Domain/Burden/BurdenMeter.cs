namespace Cunzhi.Domain.Burden;

/// <summary>One village's load in one month, by source (报表, 会议, 检查, 任务事项, 佐证上传, 周报…).</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Counts">Count per source key; a missing key counts 0.</param>
public sealed record MeterMonth(DateOnly Month, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>All sources together.</summary>
    public int Total => Counts.Values.Sum();
    /// <summary>The count of one source.</summary>
    public int Of(string source) => Counts.TryGetValue(source, out var n) ? n : 0;
}

/// <summary>The baseline a village's months are compared with: the average month over a window.</summary>
/// <param name="From">First month of the window.</param>
/// <param name="Months">Months of the window that have passed and are averaged.</param>
/// <param name="PerMonth">Average per month, per source.</param>
public sealed record MeterBaseline(DateOnly From, int Months, IReadOnlyDictionary<string, double> PerMonth)
{
    /// <summary>All sources together.</summary>
    public double Total => PerMonth.Values.Sum();
}

/// <summary>
/// 负担监测: the village's monthly load against its own baseline. The baseline is the average month of a window of
/// <c>months</c> months starting at the county's configured month, or — when the county configured none — at the
/// village's first month with any recorded load ("the first N months"). Only months up to the one viewed count.
/// </summary>
public static class BurdenMeter
{
    /// <summary>First day of the month of <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The baseline for <paramref name="asOfMonth"/>, or null when its window has no month up to it.</summary>
    public static MeterBaseline? Baseline(IReadOnlyList<MeterMonth> history, IReadOnlyCollection<string> sources, DateOnly? from, int months, DateOnly asOfMonth)
    {
        if (months < 1) throw new ArgumentOutOfRangeException(nameof(months));
        var asOf = MonthOf(asOfMonth);
        DateOnly start;
        if (from is { } f) start = MonthOf(f);
        else if (history.Where(m => m.Total > 0).Select(m => (DateOnly?)MonthOf(m.Month)).Min() is { } first) start = first;
        else return null;
        var window = Enumerable.Range(0, months).Select(start.AddMonths).Where(m => m <= asOf).ToList();
        if (window.Count == 0) return null;
        var byMonth = history.GroupBy(m => MonthOf(m.Month)).ToDictionary(g => g.Key, g => g.ToList());
        int Count(DateOnly m, string s) => byMonth.TryGetValue(m, out var l) ? l.Sum(x => x.Of(s)) : 0;
        return new(start, window.Count, sources.ToDictionary(s => s, s => window.Sum(m => Count(m, s)) / (double)window.Count));
    }

    /// <summary>Change of a month against the baseline in percent; null when the baseline is zero (nothing to compare with).</summary>
    public static double? ChangePercent(int current, double baseline) =>
        baseline <= 0 ? null : Math.Round((current - baseline) / baseline * 100, 1);
}
