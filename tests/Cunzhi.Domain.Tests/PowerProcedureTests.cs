using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>
/// Exercising a listed power by its procedure, on the sample 「四议两公开」 item: 1 村党组织提议, 2 村两委联席会议商议 (10
/// working days), 3 党员大会审议 (10), 4 村民会议或村民代表会议决议 (15), 5 决议公开 (5), 6 实施结果公开. Due dates counted by
/// hand on the shipped 2026 calendar.
/// </summary>
public sealed class PowerProcedureTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly WorkingCalendar National = new(NationalCalendar.Of(2026));
    private static readonly PowerItem FourDiscussions = PowerItem.Samples().Single(i => i.Code == "JC01");
    private static readonly DateOnly Start = D("2026-05-06");

    /// <summary>Records from <c>"1@2026-05-06 2@2026-05-20 3x@…"</c> (x: turned down).</summary>
    private static List<PowerStepRecord> Records(string spec) =>
    [
        .. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            var (step, on) = (s[..s.IndexOf('@')], s[(s.IndexOf('@') + 1)..]);
            return new PowerStepRecord(int.Parse(step.TrimEnd('x'), System.Globalization.CultureInfo.InvariantCulture), D(on), "cadre", "同意", step.EndsWith('x'));
        }),
    ];

    [Theory]
    [InlineData("", 1)]
    [InlineData("1@2026-05-06", 2)]
    [InlineData("1@2026-05-06 2@2026-05-07 3@2026-05-08", 4)]
    [InlineData("1@2026-05-06 2@2026-05-07 3@2026-05-08 4@2026-05-09 5@2026-05-11 6@2026-05-12", null)]
    [InlineData("1@2026-05-06 2x@2026-05-07", null)]
    public void The_next_step_is_the_first_not_done(string records, int? next) =>
        (PowerProcedure.NextStep(FourDiscussions, Records(records))?.Number).ShouldBe(next);

    [Theory]
    [InlineData("", 1, "2026-05-06", "提议修建村道", "")]
    [InlineData("1@2026-05-06", 2, "2026-05-06", "同意", "")]                     // the same day as the step before
    [InlineData("1@2026-05-06", 3, "2026-05-08", "同意", "须先完成第 2 步「村两委联席会议商议」")]
    [InlineData("1@2026-05-06 2@2026-05-07", 5, "2026-05-08", "同意", "须先完成第 3 步「党员大会审议」")]
    [InlineData("1@2026-05-06", 1, "2026-05-08", "同意", "第 1 步「村党组织提议」已记录，不能重复记录")]
    [InlineData("1@2026-05-06", 9, "2026-05-08", "同意", "「村级重大事项决策（四议两公开）」共 6 步，没有第 9 步")]
    [InlineData("1@2026-05-06", 0, "2026-05-08", "同意", "「村级重大事项决策（四议两公开）」共 6 步，没有第 0 步")]
    [InlineData("1@2026-05-08", 2, "2026-05-07", "同意", "办理日期不能早于第 1 步的日期（2026-05-08）")]
    [InlineData("", 1, "2026-05-05", "提议", "办理日期不能早于事项开始日期（2026-05-06）")]
    [InlineData("1@2026-05-06", 2, "2026-07-01", "同意", "办理日期不能晚于今天（2026-06-30）")]
    [InlineData("1@2026-05-06", 2, "2026-05-08", " ", "请填写办理结果或决定")]
    [InlineData("1x@2026-05-06", 2, "2026-05-08", "同意", "该事项已在第 1 步「村党组织提议」未通过而终止，不能继续记录")]
    [InlineData("1@2026-05-06", 3, "2026-07-01", "", "须先完成第 2 步「村两委联席会议商议」；办理日期不能晚于今天（2026-06-30）；请填写办理结果或决定")]
    public void Recording_a_step_is_refused_with_every_reason_that_applies(string records, int step, string on, string decision, string problems) =>
        string.Join("；", PowerProcedure.CanRecord(FourDiscussions, Records(records), Start, step, D(on), decision, D("2026-06-30")).Select(p => p.Message))
            .ShouldBe(problems);

    [Fact]
    public void A_refused_step_throws_every_problem()
    {
        var e = Should.Throw<RuleException>(() =>
            PowerProcedure.Record(FourDiscussions, Records("1@2026-05-06"), Start, 4, D("2026-05-08"), "cadre", "", false, D("2026-06-30")));
        e.Problems.Select(p => (p.Code, p.Field)).ShouldBe([("power.order", (string?)"step"), ("power.decision", "decision")]);
    }

    [Fact]
    public void A_recorded_step_keeps_what_was_recorded()
    {
        var r = PowerProcedure.Record(FourDiscussions, Records("1@2026-05-06"), Start, 2, D("2026-05-08"), "cadre-7", "  同意提交党员大会  ", true, D("2026-06-30"));
        r.ShouldBe(new PowerStepRecord(2, D("2026-05-08"), "cadre-7", "同意提交党员大会", true));
    }

    [Theory]
    // records, today → each step: state, due date, 超时 when done late
    [InlineData("1@2026-05-06", "2026-05-19",
        "1 已完成; 2 办理中 05-19; 3 未开始; 4 未开始; 5 未开始; 6 未开始")]   // 10 working days: Saturday 9 May worked
    [InlineData("1@2026-05-06", "2026-05-20",
        "1 已完成; 2 逾期 05-19; 3 未开始; 4 未开始; 5 未开始; 6 未开始")]
    [InlineData("1@2026-05-06 2@2026-05-20", "2026-05-21",
        "1 已完成; 2 已完成 05-19 超时; 3 办理中 06-03; 4 未开始; 5 未开始; 6 未开始")]
    [InlineData("1@2026-06-10 2@2026-06-12", "2026-06-29",
        "1 已完成; 2 已完成 06-25; 3 办理中 06-29; 4 未开始; 5 未开始; 6 未开始")]   // 端午 19 June skipped
    [InlineData("1@2026-06-10 2@2026-06-12", "2026-06-30",
        "1 已完成; 2 已完成 06-25; 3 逾期 06-29; 4 未开始; 5 未开始; 6 未开始")]
    [InlineData("1@2026-05-06 2@2026-05-07 3x@2026-05-08", "2026-12-31",
        "1 已完成; 2 已完成 05-19; 3 已完成 05-20; 4 已终止; 5 已终止; 6 已终止")]
    [InlineData("", "2026-12-31", "1 办理中; 2 未开始; 3 未开始; 4 未开始; 5 未开始; 6 未开始")]     // no limit on the first step
    [InlineData("1@2026-05-06 2@2026-05-07 3@2026-05-08 4@2026-05-11 5@2026-05-12", "2026-12-31",
        "1 已完成; 2 已完成 05-19; 3 已完成 05-20; 4 已完成 05-28; 5 已完成 05-18; 6 办理中")]
    public void Each_step_runs_its_time_limit_from_the_step_before(string records, string today, string expected)
    {
        var progress = PowerProcedure.Progress(FourDiscussions, Records(records), Start, National, D(today));
        string.Join("; ", progress.Select(s =>
                $"{s.Step.Number} {PowerProcedure.StateName(s.State)}{(s.DueOn is { } d ? $" {d:MM-dd}" : "")}{(s.Late ? " 超时" : "")}"))
            .ShouldBe(expected);
    }

    [Theory]
    [InlineData("1@2026-05-06", "2026-05-20", true)]
    [InlineData("1@2026-05-06", "2026-05-19", false)]
    [InlineData("1@2026-05-06 2x@2026-05-07", "2026-12-31", false)]
    public void An_exercise_is_overdue_while_its_next_step_is(string records, string today, bool overdue) =>
        PowerProcedure.IsOverdue(FourDiscussions, Records(records), Start, National, D(today)).ShouldBe(overdue);

    [Fact]
    public void The_samples_are_valid_items() =>
        PowerItem.Samples().SelectMany(PowerProcedure.ItemProblems).ShouldBeEmpty();

    [Theory]
    [InlineData(1, 3, null, "流程步骤须从 1 起按顺序编号（第 2 项编为 3）")]
    [InlineData(1, 2, 0, "第 2 步的时限须为 1 至 120 个工作日")]
    [InlineData(1, 2, 121, "第 2 步的时限须为 1 至 120 个工作日")]
    public void A_bad_procedure_is_named_with_its_problem(int first, int second, int? limit, string problem) =>
        PowerProcedure.ItemProblems(new("X1", "测试", PowerCategory.Funds, [new(first, "提议", "村党组织"), new(second, "商议", "村两委", limit)]))
            .ShouldBe([problem]);

    [Fact]
    public void A_step_must_say_who_performs_it() =>
        PowerProcedure.ItemProblems(new("X1", "测试", PowerCategory.Funds, [new(1, "提议", " ")])).ShouldBe(["第 1 步须写明由谁办理（1 至 50 个字）"]);

    [Fact]
    public void A_procedure_needs_a_step() =>
        PowerProcedure.ItemProblems(new("X1", "测试", PowerCategory.Funds, [])).ShouldBe(["运行流程须有 1 至 20 步"]);
}
