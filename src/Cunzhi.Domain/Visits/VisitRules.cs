using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Visits;

/// <summary>A household to be shared out: its id, village and group (the order they are listed in is kept).</summary>
public sealed record PlannedHousehold(long HouseholdId, string VillageCode, string? GroupCode);

/// <summary>Households visited of those planned.</summary>
public sealed record VisitCoverage(int Planned, int Visited)
{
    /// <summary>Nothing planned.</summary>
    public static VisitCoverage Empty { get; } = new(0, 0);
    /// <summary>Visited ÷ planned in percent, one decimal (0 when nothing is planned).</summary>
    public decimal Percent => Planned == 0 ? 0 : Math.Round(Visited * 100m / Planned, 1, MidpointRounding.AwayFromZero);
    /// <summary>The sum of two coverages.</summary>
    public VisitCoverage Add(VisitCoverage other) => new(Planned + other.Planned, Visited + other.Visited);
}

/// <summary>The pure rules of visit rounds: the round's dates, sharing households among officials, a visit's day, coverage.</summary>
public static class VisitRules
{
    /// <summary>Why a round cannot be planned as given (every reason).</summary>
    public static IReadOnlyList<RuleProblem> RoundProblems(string? name, DateOnly from, DateOnly to, int villages, int officials)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new("visits.name", "Name", "请填写本轮走访的名称"));
        else if (name.Trim().Length > VisitRound.MaxName) problems.Add(new("visits.name", "Name", $"名称不能超过 {VisitRound.MaxName} 个字"));
        if (to < from) problems.Add(new("visits.dates", "ToDate", "结束日期不能早于开始日期"));
        else if (to.DayNumber - from.DayNumber + 1 > VisitRound.MaxDays) problems.Add(new("visits.dates", "ToDate", $"一轮走访不能超过 {VisitRound.MaxDays} 天"));
        if (villages == 0) problems.Add(new("visits.villages", "Villages", "请至少选择一个村"));
        if (officials == 0) problems.Add(new("visits.officials", "Officials", "请至少选择一名乡镇干部"));
        return problems;
    }

    /// <summary>
    /// Shares <paramref name="households"/> among <paramref name="officials"/> in near-equal parts (sizes differ by at
    /// most one, the first officials taking the extra ones) and in listing order, so that each official's share is a run
    /// of neighbouring households (same village and group as far as the counts allow). Every household once; refused
    /// with no household or no official.
    /// </summary>
    public static IReadOnlyList<(PlannedHousehold Household, string Official)> Share(IReadOnlyList<PlannedHousehold> households, IReadOnlyList<string> officials)
    {
        var problems = new List<RuleProblem>();
        if (households.Count == 0) problems.Add(new("visits.no_households", "Villages", "所选的村没有登记农户，无法安排走访"));
        if (officials.Count == 0) problems.Add(new("visits.officials", "Officials", "请至少选择一名乡镇干部"));
        if (officials.Distinct(StringComparer.Ordinal).Count() != officials.Count) problems.Add(new("visits.officials", "Officials", "同一名干部不能重复选择"));
        RuleException.ThrowIfAny(problems);

        var result = new List<(PlannedHousehold, string)>(households.Count);
        int n = households.Count, k = officials.Count, next = 0;
        for (var i = 0; i < k; i++)
        {
            var size = n / k + (i < n % k ? 1 : 0);
            for (var j = 0; j < size; j++) result.Add((households[next++], officials[i]));
        }
        return result;
    }

    /// <summary>Why a visit on <paramref name="date"/> cannot be recorded in a round of <paramref name="from"/>–<paramref name="to"/> on <paramref name="today"/>.</summary>
    public static IReadOnlyList<RuleProblem> DateProblems(DateOnly date, DateOnly from, DateOnly to, DateOnly today)
    {
        if (date < from || date > to)
            return [new("visits.date_outside", "Date", $"走访日期须在本轮走访期间（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}）")];
        if (date > today)
            return [new("visits.date_future", "Date", $"走访日期不能晚于今天（{today:yyyy-MM-dd}）")];
        return [];
    }

    /// <summary>
    /// Coverage of planned households: each planned household counts once as visited when it has at least one visit
    /// (a second visit does not count again); visits of households not planned are ignored.
    /// </summary>
    public static VisitCoverage Coverage(IEnumerable<long> planned, IEnumerable<long> visited)
    {
        var plan = planned.ToHashSet();
        return new(plan.Count, visited.Where(plan.Contains).Distinct().Count());
    }
}
