using Cunzhi.Domain.Grid;

namespace Cunzhi.Domain.Points;

/// <summary>积分联奖惩: how a Party member's yearly score takes in the points of the households they are linked to (党员联农户).</summary>
public enum LinkedScoreRule
{
    /// <summary>不计入: the member's score is their own points.</summary>
    None = 0,
    /// <summary>本人积分 + 联系农户平均积分.</summary>
    Average = 1,
    /// <summary>本人积分 + 权重 × 联系农户平均积分.</summary>
    Weighted = 2,
}

/// <summary>One household a member was linked to during the year: the days the link held within the year and the household's points of that year.</summary>
public sealed record LinkedHousehold(long HouseholdId, int Days, int Points);

/// <summary>A Party member's yearly score: own points, the linked households' average and the score the county's rule makes of them.</summary>
public sealed record LinkedScoreResult(int Own, decimal LinkedAverage, int Households, decimal Score, string Explanation);

/// <summary>
/// The pure calculation of 积分联奖惩. A household counts for a member in a year when a link between them held on any day
/// of that year; partial-year links count by time: each household weighs by the days its link(s) held within the year,
/// so the average is Σ(days × points) ÷ Σ days — a household looked after all year counts twelve times one looked after
/// for a month, and a member linked for part of the year is judged on the households of that part. A household's points
/// are its own movement of the year (earned − deducted, without carry-over), as is the member's own. Scores are rounded
/// to one decimal, half away from zero.
/// </summary>
public static class LinkedScore
{
    /// <summary>The days of <paramref name="year"/> on which a link from <paramref name="from"/> to <paramref name="to"/> (inclusive; null: current) holds.</summary>
    public static int DaysInYear(DateOnly from, DateOnly? to, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var a = from > start ? from : start;
        var b = to is { } t && t < end ? t : end;
        return b < a ? 0 : b.DayNumber - a.DayNumber + 1;
    }

    /// <summary>
    /// The households of one member's links in <paramref name="year"/> with their days (a household linked twice in the
    /// year adds up its periods, capped at the year's length); links that never held in the year are left out.
    /// </summary>
    public static IReadOnlyList<(long HouseholdId, int Days)> HouseholdDays(IEnumerable<MemberHouseholdLink> links, int year)
    {
        var yearDays = DaysInYear(new DateOnly(year, 1, 1), null, year);
        return links.Select(l => (l.HouseholdId, Days: DaysInYear(l.FromDate, l.ToDate, year)))
            .Where(x => x.Days > 0)
            .GroupBy(x => x.HouseholdId)
            .Select(g => (g.Key, Math.Min(yearDays, g.Sum(x => x.Days))))
            .OrderBy(x => x.Key)
            .ToList();
    }

    /// <summary>The member's score under <paramref name="rule"/> (weight <paramref name="weightPercent"/> for <see cref="LinkedScoreRule.Weighted"/>).</summary>
    public static LinkedScoreResult Score(int own, IReadOnlyCollection<LinkedHousehold> households, LinkedScoreRule rule, int weightPercent)
    {
        var days = households.Sum(h => (long)h.Days);
        var average = days == 0 ? 0m : Round(households.Sum(h => (decimal)h.Days * h.Points) / days);
        var (score, how) = rule switch
        {
            LinkedScoreRule.Average => (own + average, $"本人 {own} 分 + 联系农户平均 {average:0.#} 分"),
            LinkedScoreRule.Weighted => (own + Round(weightPercent * average / 100m), $"本人 {own} 分 + {weightPercent}% × 联系农户平均 {average:0.#} 分"),
            _ => ((decimal)own, $"本人 {own} 分（本县不计入联系农户积分）"),
        };
        if (rule != LinkedScoreRule.None && households.Count == 0) how += "；本年无联系农户";
        return new LinkedScoreResult(own, average, households.Count, Round(score), how);
    }

    /// <summary>Rounds to one decimal, half away from zero.</summary>
    public static decimal Round(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);

    /// <summary>Ranks by score, highest first: equal scores share a place (1, 2, 2, 4), and the order among them is by <paramref name="tieBreak"/>.</summary>
    public static IReadOnlyList<(T Item, int Place)> Rank<T>(IEnumerable<T> items, Func<T, decimal> score, Func<T, long> tieBreak)
    {
        var sorted = items.OrderByDescending(score).ThenBy(tieBreak).ToList();
        var result = new List<(T, int)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
            result.Add((sorted[i], i > 0 && score(sorted[i]) == score(sorted[i - 1]) ? result[i - 1].Item2 : i + 1));
        return result;
    }
}
