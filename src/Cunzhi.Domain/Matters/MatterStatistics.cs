using System.Linq.Expressions;

namespace Cunzhi.Domain.Matters;

/// <summary>The six figures Zibo counts (走访村数, 走访户数, 微实事办结, 问题解决, 项目指导, 规划完善), in the seed's order.</summary>
public enum MatterFigure
{
    /// <summary>走访村数.</summary>
    VillagesVisited = 1,
    /// <summary>走访户数.</summary>
    HouseholdsVisited = 2,
    /// <summary>微实事办结.</summary>
    MicroMattersDone = 3,
    /// <summary>问题解决.</summary>
    ProblemsSolved = 4,
    /// <summary>项目指导.</summary>
    ProjectsGuided = 5,
    /// <summary>规划完善.</summary>
    PlansImproved = 6,
}

/// <summary>A figure: its key (API, Excel), its Chinese name, its definition shown on the page, and the matter kind it counts (none for visits).</summary>
public sealed record MatterFigureDefinition(MatterFigure Figure, string Key, string Name, string Definition, MatterKind? Kind);

/// <summary>Days from received to done of the matters of one kind closed in a period: how many, the median and the average.</summary>
public sealed record CloseTime(MatterKind Kind, int Count, double? MedianDays, double? AverageDays);

/// <summary>
/// 诉求统计: what each of Zibo's six figures counts (one place: <see cref="Figures"/> and <see cref="ClosedIn"/>), the
/// period a report may cover (<see cref="PeriodProblem"/>), the presets 本月/本季度/本年, time to close, and the overdue
/// share (<see cref="MatterOverdue"/> decides what is late).
/// </summary>
public static class MatterStatistics
{
    /// <summary>Longest period a report covers.</summary>
    public const int MaxYears = 5;

    /// <summary>The six figures, in the seed's order.</summary>
    public static readonly IReadOnlyList<MatterFigureDefinition> Figures =
    [
        new(MatterFigure.VillagesVisited, "villagesVisited", "走访村数", "期间内至少有一条上门走访记录的村数", null),
        new(MatterFigure.HouseholdsVisited, "householdsVisited", "走访户数", "期间内被上门走访过的农户数（同一户走访多次只计一次）", null),
        new(MatterFigure.MicroMattersDone, "microMattersDone", "微实事办结", "类别为微实事、现为已办结或已确认、办结日期在期间内的诉求数", MatterKind.MicroMatter),
        new(MatterFigure.ProblemsSolved, "problemsSolved", "问题解决", "类别为问题、现为已办结或已确认、办结日期在期间内的诉求数", MatterKind.Problem),
        new(MatterFigure.ProjectsGuided, "projectsGuided", "项目指导", "类别为发展项目、现为已办结或已确认、办结日期在期间内的诉求数", MatterKind.DevelopmentProject),
        new(MatterFigure.PlansImproved, "plansImproved", "规划完善", "类别为村庄规划、现为已办结或已确认、办结日期在期间内的诉求数", MatterKind.VillagePlan),
    ];

    /// <summary>How time to close is measured (shown on the page).</summary>
    public const string CloseTimeDefinition = "办结用时：期间内办结（现为已办结或已确认）的诉求，从登记日到办结日的自然日数";

    /// <summary>How the overdue share is measured (shown on the page).</summary>
    public const string OverdueDefinition = "逾期率：到期日在期间内的诉求中，未办结且已过到期日的与办结晚于到期日的所占比例";

    /// <summary>Matters counted as done in [<paramref name="from"/>, <paramref name="to"/>]: closed now, last done within the period (each counted once, however often reopened).</summary>
    public static Expression<Func<Matter, bool>> ClosedIn(DateOnly from, DateOnly to) =>
        m => (m.State == MatterState.Done || m.State == MatterState.Confirmed) && m.DoneOn >= from && m.DoneOn <= to;

    /// <summary>Matters whose due date falls in the period: the overdue share's whole.</summary>
    public static Expression<Func<Matter, bool>> DueIn(DateOnly from, DateOnly to) => m => m.DueOn >= from && m.DueOn <= to;

    /// <summary>Why a period cannot be reported (null when it can): the start after the end, or more than <see cref="MaxYears"/> years.</summary>
    public static string? PeriodProblem(DateOnly from, DateOnly to) =>
        from > to ? "开始日期不能晚于结束日期"
        : to >= from.AddYears(MaxYears) ? $"统计期间不能超过 {MaxYears} 年"
        : null;

    /// <summary>The period of a preset (month: 本月, quarter: 本季度, year: 本年) containing <paramref name="today"/>; null for an unknown preset.</summary>
    public static (DateOnly From, DateOnly To)? Preset(string? preset, DateOnly today)
    {
        switch (preset?.Trim().ToLowerInvariant())
        {
            case "month":
                var m = new DateOnly(today.Year, today.Month, 1);
                return (m, m.AddMonths(1).AddDays(-1));
            case "quarter":
                var q = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
                return (q, q.AddMonths(3).AddDays(-1));
            case "year":
                return (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
            default:
                return null;
        }
    }

    /// <summary>Count, median and average of days to close from (days, how many matters took them).</summary>
    public static CloseTime CloseTimeOf(MatterKind kind, IEnumerable<(int Days, int Count)> histogram)
    {
        var bins = histogram.Where(b => b.Count > 0).OrderBy(b => b.Days).ToList();
        var n = bins.Sum(b => (long)b.Count);
        if (n == 0) return new(kind, 0, null, null);
        var average = Math.Round(bins.Sum(b => (double)b.Days * b.Count) / n, 1, MidpointRounding.AwayFromZero);
        return new(kind, (int)n, Nth((n - 1) / 2) / 2.0 + Nth(n / 2) / 2.0, average);

        int Nth(long index)
        {
            long seen = 0;
            foreach (var b in bins)
                if ((seen += b.Count) > index) return b.Days;
            return bins[^1].Days;
        }
    }

    /// <summary>Late of due as a percentage with one decimal; null when nothing was due.</summary>
    public static double? SharePercent(int late, int due) => due == 0 ? null : Math.Round(100.0 * late / due, 1, MidpointRounding.AwayFromZero);
}
