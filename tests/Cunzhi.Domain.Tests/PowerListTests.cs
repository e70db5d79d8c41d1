using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>
/// The default 小微权力清单 (<see cref="PowerCatalogue"/>), the versioned list's problems (<see cref="PowerListPolicy"/>),
/// and starting and recording an exercise (<see cref="PowerExercises"/>): who records which step (town or village), the
/// state, next step and due date after each record. Dates on the shipped 2026 calendar.
/// </summary>
public sealed class PowerListTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly WorkingCalendar National = new(NationalCalendar.Of(2026));
    private static readonly DateOnly Today = D("2026-06-30");
    private const string Village = "360922106208";

    [Fact]
    public void The_default_list_has_36_items()
    {
        PowerCatalogue.Default().Count.ShouldBe(36);
    }

    [Theory]
    [InlineData(PowerCategory.Decisions, 8)]
    [InlineData(PowerCategory.Projects, 6)]
    [InlineData(PowerCategory.Assets, 7)]
    [InlineData(PowerCategory.Funds, 7)]
    [InlineData(PowerCategory.Livelihood, 8)]
    public void The_default_list_covers_each_category(PowerCategory category, int items) =>
        PowerCatalogue.Default().Count(i => i.Category == category).ShouldBe(items);

    [Fact]
    public void Every_default_item_has_three_to_seven_steps()
    {
        PowerCatalogue.Default().Where(i => i.Steps.Count is < 3 or > 7).Select(i => i.Code).ShouldBeEmpty();
    }

    [Fact]
    public void The_default_list_may_be_published()
    {
        PowerListPolicy.Default("360922000000").Problems().ShouldBeEmpty();
    }

    [Fact]
    public void The_default_list_keeps_the_sample_low_income_procedure()
    {
        var sample = PowerItem.Samples().Single(i => i.Code == "MS01");
        PowerCatalogue.Default().Single(i => i.Code == "MS01").Steps.ShouldBe(sample.Steps);
    }

    [Fact]
    public void A_duplicate_code_is_a_problem()
    {
        var list = PowerListPolicy.Default("360922000000");
        list.Items.Add(list.Items[0]);
        list.Problems().ShouldContain("权力事项编号 JC01 重复");
    }

    [Fact]
    public void An_empty_list_is_a_problem()
    {
        new PowerListPolicy { CountyCode = "360922000000" }.Problems().ShouldContain("小微权力清单至少需要一项");
    }

    [Fact]
    public void An_item_problem_names_the_item()
    {
        var list = PowerListPolicy.Default("360922000000");
        list.Items[1] = list.Items[1] with { Steps = [new PowerStep(2, "商议", "村两委")] };
        list.Problems().ShouldContain("JC02：流程步骤须从 1 起按顺序编号（第 1 项编为 2）");
    }

    [Theory]
    [InlineData("乡镇人民政府", true)]
    [InlineData("乡镇党委", true)]
    [InlineData("村民委员会", false)]
    [InlineData("申请人", false)]
    public void A_step_naming_the_town_is_the_towns(string performer, bool town) =>
        PowerPerformers.IsTownStep(new PowerStep(1, "审核", performer)).ShouldBe(town);

    private static PowerItem Housing => PowerCatalogue.Default().Single(i => i.Code == "MS02");

    private static (PowerExercise, List<PowerStepEntry>) Started(string startedOn = "2026-06-01")
    {
        var e = PowerExercises.Start(Housing, 0, Village, "宅基地申请", "王建国", D(startedOn), Today, National, "village", DateTime.UnixEpoch);
        e.Id = 7;
        return (e, []);
    }

    private static PowerStepEntry Record(PowerExercise e, List<PowerStepEntry> entries, int step, string on, bool byTown = false, bool rejected = false)
    {
        var entry = PowerExercises.Record(e, Housing, entries, step, D(on), null, "同意", rejected, null, byTown, National, Today, "acct", DateTime.UnixEpoch);
        entries.Add(entry);
        return entry;
    }

    [Fact]
    public void A_new_exercise_waits_for_its_first_step()
    {
        var (e, _) = Started();
        (e.State, e.NextStep, e.NextDueOn).ShouldBe((PowerExerciseState.InProgress, (int?)1, (DateOnly?)null));
    }

    [Fact]
    public void A_recorded_step_sets_the_next_steps_due_date()
    {
        var (e, entries) = Started();
        Record(e, entries, 1, "2026-06-01");
        // 10 working days after Monday 2026-06-01: Monday 2026-06-15.
        (e.NextStep, e.NextDueOn).ShouldBe(((int?)2, (DateOnly?)D("2026-06-15")));
    }

    [Fact]
    public void The_step_defaults_its_performer_to_the_lists()
    {
        var (e, entries) = Started();
        Record(e, entries, 1, "2026-06-01").By.ShouldBe("申请人");
    }

    [Fact]
    public void A_town_step_recorded_by_the_village_is_refused()
    {
        var (e, entries) = Started();
        foreach (var (step, on) in new[] { (1, "2026-06-01"), (2, "2026-06-02"), (3, "2026-06-03"), (4, "2026-06-04") }) Record(e, entries, step, on);
        Should.Throw<RuleException>(() => Record(e, entries, 5, "2026-06-05")).Message.ShouldContain("第 5 步「乡镇审批」由乡镇人民政府办理，须由乡镇账号记录");
    }

    [Fact]
    public void A_village_step_recorded_by_the_town_is_refused()
    {
        var (e, entries) = Started();
        Should.Throw<RuleException>(() => Record(e, entries, 1, "2026-06-01", byTown: true)).Message.ShouldContain("须由村账号记录");
    }

    [Fact]
    public void The_town_finishes_with_its_step()
    {
        var (e, entries) = Started();
        foreach (var (step, on) in new[] { (1, "2026-06-01"), (2, "2026-06-02"), (3, "2026-06-03"), (4, "2026-06-04") }) Record(e, entries, step, on);
        Record(e, entries, 5, "2026-06-05", byTown: true);
        (e.State, e.NextStep).ShouldBe((PowerExerciseState.Done, (int?)null));
    }

    [Fact]
    public void A_rejection_ends_the_exercise()
    {
        var (e, entries) = Started();
        Record(e, entries, 1, "2026-06-01");
        Record(e, entries, 2, "2026-06-02", rejected: true);
        (e.State, e.NextStep, e.NextDueOn).ShouldBe((PowerExerciseState.Rejected, (int?)null, (DateOnly?)null));
    }

    [Fact]
    public void A_refused_record_leaves_the_exercise_as_it_was()
    {
        var (e, entries) = Started();
        Record(e, entries, 1, "2026-06-01");
        Should.Throw<RuleException>(() => Record(e, entries, 3, "2026-06-02"));
        (entries.Count, e.NextStep).ShouldBe((1, (int?)2));
    }

    [Theory]
    [InlineData("", "请填写事项标题")]
    [InlineData("2026-07-01", "开始日期不能晚于今天（2026-06-30）")]
    public void A_bad_start_is_refused_in_chinese(string startedOn, string message)
    {
        var title = startedOn.Length == 0 ? " " : "宅基地申请";
        var on = startedOn.Length == 0 ? Today : D(startedOn);
        Should.Throw<RuleException>(() => PowerExercises.Start(Housing, 0, Village, title, null, on, Today, National, "v", DateTime.UnixEpoch)).Message.ShouldContain(message);
    }

    [Fact]
    public void An_exercise_outside_a_village_is_refused()
    {
        Should.Throw<RuleException>(() => PowerExercises.Start(Housing, 0, "360922106000", "宅基地申请", null, Today, Today, National, "t", DateTime.UnixEpoch))
            .Message.ShouldContain("权力事项运行须登记在村");
    }
}
