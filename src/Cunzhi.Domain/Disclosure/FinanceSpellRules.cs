using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// Whether a busy-finance spell (集体财务往来较多时段) may be declared for a village: it runs whole quarters (the calendar
/// settles each quarter on its first day, <see cref="DisclosureRules.Calendar"/>), so it starts on a quarter's first day
/// and, when it has an end, ends on a quarter's last day after its start and at most <see cref="MaxYears"/> years later;
/// and it does not overlap another spell of the same village (an open spell lasts for ever).
/// </summary>
public static class FinanceSpellRules
{
    /// <summary>Longest spell with an end, in years.</summary>
    public const int MaxYears = 5;

    /// <summary>Every reason (in Chinese) the spell <paramref name="from"/>–<paramref name="until"/> may not be declared beside <paramref name="others"/> (the village's other spells); empty when it may.</summary>
    public static IReadOnlyList<RuleProblem> Problems(DateOnly from, DateOnly? until, IEnumerable<FrequentFinanceSpell> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var p = new List<RuleProblem>();
        if (DisclosureRules.QuarterStart(from) != from)
            p.Add(new("disclosure.spell-from", "from", $"起始日期须为季度第一天（1 月 1 日、4 月 1 日、7 月 1 日或 10 月 1 日），{from:yyyy-MM-dd} 不是"));
        if (until is { } u)
        {
            if (u < from) p.Add(new("disclosure.spell-until", "until", "截止日期不能早于起始日期"));
            else if (DisclosureRules.QuarterStart(u).AddMonths(3).AddDays(-1) != u)
                p.Add(new("disclosure.spell-until", "until", $"截止日期须为季度最后一天（3 月 31 日、6 月 30 日、9 月 30 日或 12 月 31 日），{u:yyyy-MM-dd} 不是"));
            if (u >= from.AddYears(MaxYears)) p.Add(new("disclosure.spell-long", "until", $"一个时段最长 {MaxYears} 年，期满仍往来较多请另行认定"));
        }
        foreach (var o in others.Where(o => Overlaps(from, until, o.From, o.Until)).OrderBy(o => o.From))
            p.Add(new("disclosure.spell-overlap", "from",
                $"与该村已认定的时段 {o.From:yyyy-MM-dd} 至 {(o.Until is { } ou ? ou.ToString("yyyy-MM-dd") : "今后")} 重叠"));
        return p;
    }

    /// <summary>Whether two spells share a day (null end: no end).</summary>
    public static bool Overlaps(DateOnly from1, DateOnly? until1, DateOnly from2, DateOnly? until2) =>
        from1 <= (until2 ?? DateOnly.MaxValue) && from2 <= (until1 ?? DateOnly.MaxValue);
}
