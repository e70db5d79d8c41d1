namespace Cunzhi.Domain.Calendar;

/// <summary>
/// The published national holiday arrangements (国务院办公厅关于部分节假日安排的通知) as data: every rest day of each
/// holiday period (weekends inside it included, so the period reads whole) and every make-up working day (调休上班).
/// A county imports a year into its own calendar and may then change it.
/// <list type="bullet">
/// <item>2025: 国办发明电〔2024〕12 号 (2024-11-12) — 元旦 1/1; 春节 1/28–2/4, 1/26 (周日) and 2/8 (周六) worked; 清明 4/4–4/6;
/// 劳动节 5/1–5/5, 4/27 (周日) worked; 端午 5/31–6/2; 国庆节、中秋节 10/1–10/8, 9/28 (周日) and 10/11 (周六) worked.</item>
/// <item>2026: the notice of 2025-11-04 (as carried by Xinhua and 央广网) — 元旦 1/1–1/3, 1/4 (周日) worked; 春节 2/15–2/23,
/// 2/14 (周六) and 2/28 (周六) worked; 清明 4/4–4/6; 劳动节 5/1–5/5, 5/9 (周六) worked; 端午 6/19–6/21; 中秋 9/25–9/27;
/// 国庆节 10/1–10/7, 9/20 (周日) and 10/10 (周六) worked. Checked against the notice's text as reprinted by several news
/// sites (the gov.cn original was not reachable from here); the weekday the notice names for each date is asserted by
/// the tests.</item>
/// </list>
/// </summary>
public static class NationalCalendar
{
    /// <summary>The years shipped.</summary>
    public static IReadOnlyList<int> Years { get; } = [2025, 2026];

    /// <summary>The listed days of <paramref name="year"/>, in date order; empty for a year not shipped.</summary>
    public static IReadOnlyList<CalendarEntry> Of(int year) => year switch
    {
        2025 =>
        [
            .. Rest("元旦", 2025, 1, 1, 1),
            Work("春节调休上班", 2025, 1, 26),
            .. Rest("春节", 2025, 1, 28, 8),
            Work("春节调休上班", 2025, 2, 8),
            .. Rest("清明节", 2025, 4, 4, 3),
            Work("劳动节调休上班", 2025, 4, 27),
            .. Rest("劳动节", 2025, 5, 1, 5),
            .. Rest("端午节", 2025, 5, 31, 3),
            Work("国庆节调休上班", 2025, 9, 28),
            .. Rest("国庆节、中秋节", 2025, 10, 1, 8),
            Work("国庆节调休上班", 2025, 10, 11),
        ],
        2026 =>
        [
            .. Rest("元旦", 2026, 1, 1, 3),
            Work("元旦调休上班", 2026, 1, 4),
            Work("春节调休上班", 2026, 2, 14),
            .. Rest("春节", 2026, 2, 15, 9),
            Work("春节调休上班", 2026, 2, 28),
            .. Rest("清明节", 2026, 4, 4, 3),
            .. Rest("劳动节", 2026, 5, 1, 5),
            Work("劳动节调休上班", 2026, 5, 9),
            .. Rest("端午节", 2026, 6, 19, 3),
            Work("国庆节调休上班", 2026, 9, 20),
            .. Rest("中秋节", 2026, 9, 25, 3),
            .. Rest("国庆节", 2026, 10, 1, 7),
            Work("国庆节调休上班", 2026, 10, 10),
        ],
        _ => [],
    };

    /// <summary>Every shipped year's days.</summary>
    public static IEnumerable<CalendarEntry> All() => Years.SelectMany(Of);

    private static IEnumerable<CalendarEntry> Rest(string name, int year, int month, int day, int days) =>
        Enumerable.Range(0, days).Select(i => new CalendarEntry(new DateOnly(year, month, day).AddDays(i), CalendarDayKind.Holiday, name));

    private static CalendarEntry Work(string name, int year, int month, int day) => new(new DateOnly(year, month, day), CalendarDayKind.MakeUpWorkday, name);
}
