using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Tests;

public sealed class RankingGuardTests
{
    [Theory]
    [InlineData(null, 12, "2026-05-01", true, "2026-05-01")]          // never published
    [InlineData("2025-03-10", 12, "2026-03-09", false, "2026-03-10")] // one day short of a year
    [InlineData("2025-03-10", 12, "2026-03-10", true, "2026-03-10")]  // exactly a year
    [InlineData("2026-01-15", 12, "2026-04-15", false, "2027-01-15")] // quarterly: refused (Hunan)
    [InlineData("2026-01-15", 12, "2026-02-15", false, "2027-01-15")] // monthly: refused
    [InlineData("2026-01-15", 6, "2026-07-15", true, "2026-07-15")]   // a county allowing twice a year
    [InlineData("2026-01-15", 6, "2026-07-14", false, "2026-07-15")]
    [InlineData("2024-02-29", 12, "2025-02-28", true, "2025-02-28")]  // leap day: AddMonths lands on the 28th
    public void A_ranking_may_be_published_at_most_once_per_interval(string? last, int months, string asOf, bool allowed, string next)
    {
        var d = RankingGuard.CheckPublication(RankingKind.Cadre, last is null ? null : DateOnly.Parse(last), months, DateOnly.Parse(asOf));
        d.Allowed.ShouldBe(allowed);
        d.NextAllowed.ShouldBe(DateOnly.Parse(next));
        if (!allowed) d.Reason.ShouldContain($"{next} 起方可再次发布");
    }

    private static RankingPublication VillageRanking() => new() { Kind = RankingKind.Village, Title = "2025年度村排名", Period = "2025年度" };

    [Fact]
    public void A_refusal_names_the_next_day()
    {
        var p = VillageRanking();
        Should.Throw<RuleException>(() => p.Publish(new DateOnly(2026, 1, 5), 12, "town.sanxing", TestClock.Instant, new DateOnly(2026, 4, 1)))
            .Message.ShouldContain("2027-01-05");
        p.PublishedAtUtc.ShouldBeNull();
    }

    [Fact]
    public void Publishing_twice_is_refused()
    {
        var p = VillageRanking();
        p.Publish(null, 12, "town.sanxing", TestClock.Instant, new DateOnly(2026, 4, 1)).Allowed.ShouldBeTrue();
        p.PublishedOn.ShouldBe(new DateOnly(2026, 4, 1));
        Should.Throw<RuleException>(() => p.Publish(null, 12, "x", TestClock.Instant, new DateOnly(2026, 4, 2))).Message.ShouldContain("已于 2026-04-01 发布");
    }

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(9, 10, true)]   // the 10th is allowed
    [InlineData(10, 10, false)] // the 11th is refused (Hunan: 10)
    [InlineData(12, 10, false)]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    public void Town_assessment_items_are_capped(int existing, int cap, bool allowed)
    {
        var refusal = RankingGuard.CheckAssessmentItem(existing, cap, 2026);
        (refusal is null).ShouldBe(allowed);
        if (!allowed) refusal!.ShouldContain($"不超过 {cap} 项");
    }

    [Theory]
    [InlineData("", 10, 1)]
    [InlineData("1,2,3", 10, 4)]
    [InlineData("1,3", 10, 2)]            // a withdrawn item's slot is taken again
    [InlineData("1,2,3,4,5,6,7,8,9", 10, 10)]
    [InlineData("1,2,3,4,5,6,7,8,9,10", 10, null)]
    [InlineData("2,3,11", 3, 1)]          // slots above a lowered cap do not count as free ones
    [InlineData("1,2,3", 3, null)]
    public void An_assessment_item_takes_the_lowest_free_slot_under_the_cap(string taken, int cap, int? slot) =>
        RankingGuard.FreeAssessmentSlot(taken.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse), cap).ShouldBe(slot);

    [Theory]
    [InlineData(12, 10, 3, true, null)]
    [InlineData(0, 10, 3, false, "排名发布间隔")]
    [InlineData(12, 0, 3, false, "考核事项上限")]
    [InlineData(12, 10, 25, false, "基线月数")]
    [InlineData(61, 51, 0, false, "排名发布间隔")]
    public void Policy_values_are_checked(int interval, int cap, int baseline, bool ok, string? message)
    {
        var p = BurdenPolicy.Default("360922000000");
        (p.RankingIntervalMonths, p.AssessmentItemCap, p.BaselineMonths).ShouldBe((12, 10, 3));
        var act = () => p.Change(interval, cap, new DateOnly(2026, 1, 20), baseline, "county.admin", TestClock.Instant);
        if (ok)
        {
            act();
            p.BaselineFrom.ShouldBe(new DateOnly(2026, 1, 1));
        }
        else Should.Throw<RuleException>(act).Message.ShouldContain(message!);
    }
}

public sealed class EvidenceRulesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0];
    private static readonly byte[] Pdf = "%PDF-1.7"u8.ToArray();
    private static readonly byte[] Text = "hello"u8.ToArray();

    public static TheoryData<string, byte[], long, string?> Files => new()
    {
        { "a.jpg", Jpeg, 1000, null },
        { "a.JPEG", Jpeg, 1000, null },
        { "a.png", Png, 1000, null },
        { "a.pdf", Pdf, EvidenceRules.MaxBytes, null },
        { "a.pdf", Pdf, EvidenceRules.MaxBytes + 1, "超过 5 MB" },
        { "a.txt", Text, 10, "不是 jpg、png 或 pdf" },
        { "a.jpg", Text, 10, "不是 jpg、png 或 pdf" },      // named jpg, is not
        { "a.exe", Jpeg, 10, "不是 jpg、png 或 pdf" },
        { "a.png", Jpeg, 10, "内容与扩展名不符" },
        { "a.pdf", Png, 10, "内容与扩展名不符" },
        { "a.jpg", Jpeg, 0, "空文件" },
    };

    [Theory, MemberData(nameof(Files))]
    public void Only_jpg_png_and_pdf_up_to_5_MB_are_accepted(string name, byte[] head, long length, string? error)
    {
        var errors = EvidenceRules.CheckFile(name, length, head);
        if (error is null) errors.ShouldBeEmpty();
        else errors.ShouldContain(e => e.Contains(error));
    }

    [Theory]
    [InlineData(true, WeeklyStatus.Done, 0, false)]
    [InlineData(true, WeeklyStatus.Done, 1, true)]
    [InlineData(true, WeeklyStatus.InProgress, 0, true)] // only 已完成 needs proof
    [InlineData(true, WeeklyStatus.Blocked, 0, true)]
    [InlineData(false, WeeklyStatus.Done, 0, true)]      // never a default
    public void Done_on_a_task_requiring_evidence_needs_a_file(bool required, WeeklyStatus status, int files, bool ok) =>
        (EvidenceRules.CheckReport("秸秆禁烧", required, status, files) is null).ShouldBe(ok);
}

public sealed class ReminderScheduleTests
{
    [Theory]
    [InlineData("2026-03-02", "MondayList")]              // Monday
    [InlineData("2026-03-05", "MondayList")]              // Thursday: catch-up only
    [InlineData("2026-03-06", "MondayList,FridayReport")] // Friday
    [InlineData("2026-03-08", "MondayList,FridayReport")] // Sunday
    public void Reminders_due_by_weekday(string day, string kinds) =>
        string.Join(",", ReminderSchedule.Due(DateOnly.Parse(day))).ShouldBe(kinds);

    [Fact]
    public void Texts_count_items() =>
        ReminderSchedule.Text(ReminderKind.FridayReport, new DateOnly(2026, 3, 6), 3, 2).Body.ShouldContain("2 项未汇报");
}

public sealed class BurdenMeterTests
{
    private static readonly string[] Sources = ["meetings", "tasks"];

    private static MeterMonth M(string month, int meetings, int tasks) =>
        new(DateOnly.Parse(month + "-01"), new Dictionary<string, int> { ["meetings"] = meetings, ["tasks"] = tasks });

    private static readonly MeterMonth[] History = [M("2026-01", 0, 0), M("2026-02", 4, 2), M("2026-03", 2, 4), M("2026-04", 6, 0), M("2026-05", 1, 1)];

    [Theory]
    [InlineData(null, 3, "2026-05", "2026-02", 3, 4.0, 2.0)]      // first 3 months with any load: Feb–Apr
    [InlineData(null, 3, "2026-03", "2026-02", 2, 3.0, 3.0)]      // only months up to the one viewed
    [InlineData("2026-01", 2, "2026-05", "2026-01", 2, 2.0, 1.0)] // configured: Jan–Feb (Jan counts as 0)
    [InlineData("2026-03", 1, "2026-05", "2026-03", 1, 2.0, 4.0)]
    public void Baseline_is_the_average_month_of_its_window(string? from, int months, string asOf, string start, int used, double meetings, double tasks)
    {
        var b = BurdenMeter.Baseline(History, Sources, from is null ? null : DateOnly.Parse(from + "-01"), months, DateOnly.Parse(asOf + "-01"))!;
        b.From.ShouldBe(DateOnly.Parse(start + "-01"));
        b.Months.ShouldBe(used);
        b.PerMonth["meetings"].ShouldBe(meetings);
        b.PerMonth["tasks"].ShouldBe(tasks);
    }

    [Fact]
    public void No_baseline_without_load_or_before_the_window()
    {
        BurdenMeter.Baseline([M("2026-01", 0, 0)], Sources, null, 3, new DateOnly(2026, 5, 1)).ShouldBeNull();
        BurdenMeter.Baseline(History, Sources, new DateOnly(2026, 6, 1), 3, new DateOnly(2026, 5, 1)).ShouldBeNull();
    }

    [Theory]
    [InlineData(3, 6.0, -50.0)]
    [InlineData(9, 6.0, 50.0)]
    [InlineData(6, 6.0, 0.0)]
    [InlineData(2, 3.0, -33.3)]
    public void Change_is_in_percent(int current, double baseline, double percent) =>
        BurdenMeter.ChangePercent(current, baseline).ShouldBe(percent);

    [Fact]
    public void No_change_against_a_zero_baseline() => BurdenMeter.ChangePercent(5, 0).ShouldBeNull();
}
