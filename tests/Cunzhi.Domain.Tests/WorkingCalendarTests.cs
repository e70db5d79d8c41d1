using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar National = new(NationalCalendar.All());

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData("2025-01-01", false)] // 元旦, a Wednesday
    [InlineData("2025-01-02", true)]  // an ordinary Thursday
    [InlineData("2025-01-26", true)]  // Sunday worked before 春节
    [InlineData("2025-01-28", false)] // 春节 first day
    [InlineData("2025-02-04", false)] // 春节 last day
    [InlineData("2025-02-05", true)]
    [InlineData("2025-02-08", true)]  // Saturday worked after 春节
    [InlineData("2025-02-09", false)] // an ordinary Sunday
    [InlineData("2025-04-27", true)]  // Sunday worked before 劳动节
    [InlineData("2025-05-05", false)]
    [InlineData("2025-06-02", false)] // 端午 Monday
    [InlineData("2025-09-28", true)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    [InlineData("2026-01-02", false)] // 元旦 2026, a Friday
    [InlineData("2026-01-04", true)]  // Sunday worked
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-23", false)] // 春节 last day, a Monday
    [InlineData("2026-02-28", true)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)] // 中秋, a Friday
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2027-01-04", true)]  // a year not shipped: weekdays only
    [InlineData("2027-01-02", false)]
    public void A_day_is_working_by_the_national_calendar(string date, bool working) =>
        National.IsWorkingDay(D(date)).ShouldBe(working);

    [Theory]
    [InlineData(2025, 1, 8)]   // 元旦 1 day; 春节 8 days
    [InlineData(2026, 3, 9)]   // 元旦 3 days; 春节 9 days
    public void The_shipped_years_hold_the_notices_periods(int year, int newYear, int springFestival)
    {
        var days = NationalCalendar.Of(year);
        days.Count(d => d.Name == "元旦").ShouldBe(newYear);
        days.Count(d => d.Name == "春节").ShouldBe(springFestival);
    }

    [Fact]
    public void Every_shipped_make_up_working_day_falls_on_a_weekend()
    {
        var makeUp = NationalCalendar.All().Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).ToList();
        makeUp.Count.ShouldBe(5 + 6);
        makeUp.ShouldAllBe(d => WorkingCalendar.IsWeekend(d.Date));
    }

    [Fact]
    public void Every_shipped_day_passes_the_listing_rules() =>
        NationalCalendar.All().SelectMany(d => WorkingCalendar.Problems(d.Date, d.Kind, d.Name)).ShouldBeEmpty();

    [Theory]
    [InlineData("2025-01-24", 1, "2025-01-26")]  // Friday + 1 → the make-up Sunday
    [InlineData("2025-01-26", 1, "2025-01-27")]
    [InlineData("2025-01-27", 1, "2025-02-05")]  // over 春节
    [InlineData("2025-09-30", 1, "2025-10-09")]  // over 国庆
    [InlineData("2025-10-09", 2, "2025-10-11")]  // Thursday + 2 → the make-up Saturday
    [InlineData("2026-01-02", 1, "2026-01-04")]  // a holiday + 1 → the make-up Sunday
    [InlineData("2026-03-06", 5, "2026-03-13")]  // an ordinary week
    [InlineData("2026-03-09", 0, "2026-03-09")]
    [InlineData("2026-02-24", -1, "2026-02-14")] // back over 春节
    [InlineData("2026-10-08", -1, "2026-09-30")]
    public void Adding_working_days_skips_rest_days(string from, int n, string expected) =>
        National.AddWorkingDays(D(from), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-01-24", "2025-02-10", 7)]  // 1/26, 1/27, 2/5, 2/6, 2/7, 2/8, 2/10
    [InlineData("2025-10-01", "2025-10-01", 0)]
    [InlineData("2026-03-09", "2026-03-02", -5)]
    [InlineData("2026-12-31", "2026-12-31", 0)]
    public void Working_days_between_count_after_the_start_up_to_the_end(string from, string to, int expected) =>
        National.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Theory]
    [InlineData("2025-01-20", 1)]
    [InlineData("2025-01-20", 30)]
    [InlineData("2025-09-25", 10)]
    [InlineData("2026-02-10", 12)]
    [InlineData("2026-10-09", -15)]
    public void Working_days_between_undoes_adding_them(string from, int n) =>
        National.WorkingDaysBetween(D(from), National.AddWorkingDays(D(from), n)).ShouldBe(n);

    [Fact]
    public void A_county_local_holiday_makes_a_weekday_a_rest_day()
    {
        var local = new WorkingCalendar(NationalCalendar.Of(2026).Append(new CalendarEntry(D("2026-03-10"), CalendarDayKind.Holiday, "本县庙会")));
        local.IsWorkingDay(D("2026-03-10")).ShouldBeFalse();
        local.AddWorkingDays(D("2026-03-09"), 1).ShouldBe(D("2026-03-11"));
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public void A_date_outside_the_supported_years_is_refused(string date) =>
        Should.Throw<RuleException>(() => National.IsWorkingDay(D(date))).Problems.Single().Code.ShouldBe("calendar.year");

    [Fact]
    public void Adding_past_the_supported_years_is_refused() =>
        Should.Throw<RuleException>(() => National.AddWorkingDays(D("2100-12-20"), 30)).Problems.Single().Code.ShouldBe("calendar.year");

    [Fact]
    public void Adding_more_than_the_span_is_refused() =>
        Should.Throw<RuleException>(() => National.AddWorkingDays(D("2026-01-05"), WorkingCalendar.MaxSpan + 1)).Problems.Single().Code.ShouldBe("calendar.span");

    [Theory]
    [InlineData("2026-03-10", CalendarDayKind.Holiday, "本县庙会", null)]
    [InlineData("2026-03-14", CalendarDayKind.MakeUpWorkday, "补班", null)]              // a Saturday
    [InlineData("2026-03-10", CalendarDayKind.MakeUpWorkday, "补班", "calendar.makeup_weekday")] // a Tuesday
    [InlineData("2026-03-10", CalendarDayKind.Holiday, " ", "calendar.name")]
    [InlineData("2026-03-10", (CalendarDayKind)9, "x", "calendar.kind")]
    [InlineData("1999-03-10", CalendarDayKind.Holiday, "x", "calendar.year")]
    [InlineData("2101-03-12", CalendarDayKind.Holiday, "x", "calendar.year")]
    public void A_listed_day_must_be_sound(string date, CalendarDayKind kind, string name, string? problem)
    {
        var problems = WorkingCalendar.Problems(D(date), kind, name);
        if (problem is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([problem]);
    }
}
