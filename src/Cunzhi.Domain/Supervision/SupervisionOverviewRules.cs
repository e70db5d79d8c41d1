using System.Globalization;

namespace Cunzhi.Domain.Supervision;

/// <summary>How long a period of the supervision overview is.</summary>
public enum OverviewPeriodKind
{
    /// <summary>A calendar month (<c>2026-05</c>).</summary>
    Month = 1,
    /// <summary>A calendar quarter (<c>2026-Q2</c>).</summary>
    Quarter = 2,
    /// <summary>A calendar year (<c>2026</c>).</summary>
    Year = 3,
}

/// <summary>A period of the supervision overview (监督总览): a month, quarter or year, China dates, both ends inclusive.</summary>
public sealed record OverviewPeriod(OverviewPeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The text the period is asked by: <c>2026-05</c>, <c>2026-Q2</c> or <c>2026</c>.</summary>
    public string Key => Kind switch
    {
        OverviewPeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        OverviewPeriodKind.Quarter => $"{From.Year}-Q{(From.Month - 1) / 3 + 1}",
        _ => From.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The period as people say it: 2026年5月, 2026年第2季度, 2026年.</summary>
    public string Label => Kind switch
    {
        OverviewPeriodKind.Month => $"{From.Year}年{From.Month}月",
        OverviewPeriodKind.Quarter => $"{From.Year}年第{(From.Month - 1) / 3 + 1}季度",
        _ => $"{From.Year}年",
    };

    /// <summary>The period of the same kind before this one.</summary>
    public OverviewPeriod Previous => Of(Kind, From.AddMonths(-Months(Kind)));

    /// <summary>The period of the same kind after this one.</summary>
    public OverviewPeriod Next => Of(Kind, From.AddMonths(Months(Kind)));

    private static int Months(OverviewPeriodKind kind) => kind switch { OverviewPeriodKind.Month => 1, OverviewPeriodKind.Quarter => 3, _ => 12 };

    /// <summary>The period of <paramref name="kind"/> holding <paramref name="day"/>.</summary>
    public static OverviewPeriod Of(OverviewPeriodKind kind, DateOnly day)
    {
        var start = kind switch
        {
            OverviewPeriodKind.Month => new DateOnly(day.Year, day.Month, 1),
            OverviewPeriodKind.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
            _ => new DateOnly(day.Year, 1, 1),
        };
        return new(kind, start, start.AddMonths(Months(kind)).AddDays(-1));
    }
}

/// <summary>
/// Pure rules of the supervision overview: which period a request asks for, and the age bands of open complaints.
/// <list type="bullet">
/// <item>A period is <c>yyyy-MM</c>, <c>yyyy-Qn</c> or <c>yyyy</c> (also the words <c>month</c>, <c>quarter</c>, <c>year</c> for the one holding
/// today); none asked is this quarter. A year outside <see cref="MinYear"/>–<see cref="MaxYear"/>, a month or quarter that does not exist, or a
/// period that has not begun by today is refused with a Chinese message.</item>
/// <item>An open complaint's age is the days from its filing date to today (China dates): ≤ 15, 16–30, 31–60, over 60.</item>
/// </list>
/// </summary>
public static class SupervisionOverviewRules
{
    /// <summary>The earliest and latest year a period may fall in.</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>The message for a period that cannot be read.</summary>
    public const string PeriodFormat = "统计期间格式不对：月份如 2026-05，季度如 2026-Q2，年度如 2026";

    /// <summary>The message for a period that has not begun.</summary>
    public const string PeriodFuture = "统计期间尚未开始，请选择今天以前的期间";

    /// <summary>Open-age bands in days since filing (upper bounds inclusive).</summary>
    public static readonly IReadOnlyList<(string Label, int FromDays, int? ToDays)> ComplaintAgeBands =
        [("15 天以内", 0, 15), ("16–30 天", 16, 30), ("31–60 天", 31, 60), ("60 天以上", 61, null)];

    /// <summary>The band index of an open complaint filed on <paramref name="filedOn"/>, as of <paramref name="today"/> (a future filing date counts as today's).</summary>
    public static int ComplaintAgeBand(DateOnly filedOn, DateOnly today)
    {
        var days = Math.Max(0, today.DayNumber - filedOn.DayNumber);
        for (var i = 0; i < ComplaintAgeBands.Count; i++)
            if (ComplaintAgeBands[i].ToDays is not { } to || days <= to) return i;
        return ComplaintAgeBands.Count - 1;
    }

    /// <summary>The period asked by <paramref name="text"/> (blank: this quarter), or the Chinese reason it cannot be used.</summary>
    public static (OverviewPeriod? Period, string? Problem) Period(string? text, DateOnly today)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return (OverviewPeriod.Of(OverviewPeriodKind.Quarter, today), null);
        switch (t.ToLowerInvariant())
        {
            case "month": return (OverviewPeriod.Of(OverviewPeriodKind.Month, today), null);
            case "quarter": return (OverviewPeriod.Of(OverviewPeriodKind.Quarter, today), null);
            case "year": return (OverviewPeriod.Of(OverviewPeriodKind.Year, today), null);
        }
        OverviewPeriod? period = null;
        if (t.Length == 4 && Number(t) is { } y) period = Year(y) is { } yy ? OverviewPeriod.Of(OverviewPeriodKind.Year, yy) : null;
        else if (t.Length == 7 && t[4] == '-' && Number(t[..4]) is { } y2)
        {
            if (char.ToUpperInvariant(t[5]) == 'Q' && Number(t[6..]) is { } q && q is >= 1 and <= 4 && Year(y2) is { } qy)
                period = OverviewPeriod.Of(OverviewPeriodKind.Quarter, qy.AddMonths((q - 1) * 3));
            else if (Number(t[5..]) is { } m && m is >= 1 and <= 12 && Year(y2) is { } my)
                period = OverviewPeriod.Of(OverviewPeriodKind.Month, my.AddMonths(m - 1));
        }
        if (period is null) return (null, PeriodFormat);
        return period.From > today ? (null, PeriodFuture) : (period, null);
    }

    private static DateOnly? Year(int y) => y is >= MinYear and <= MaxYear ? new DateOnly(y, 1, 1) : null;

    private static int? Number(string s) => s.Length > 0 && s.All(char.IsAsciiDigit) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>On-time share in percent: posted on time among the items already settled (posted, or past due unposted); null when none is.</summary>
    public static double? OnTimePercent(int onTime, int late, int overdue) =>
        onTime + late + overdue is var settled && settled > 0 ? Math.Round(100.0 * onTime / settled, 1) : null;
}
