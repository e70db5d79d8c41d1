using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>The county's disclosure policy: what may be published, and from which day.</summary>
public sealed class DisclosurePolicyTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_default_catalogue_may_be_published() => DisclosurePolicy.Default("c").Problems().ShouldBeEmpty();

    [Fact]
    public void The_default_catalogue_covers_every_column_with_the_legal_frequencies()
    {
        var items = DisclosurePolicy.DefaultItems();
        items.Select(i => i.Category).Distinct().Order().ShouldBe([DisclosureCategory.Party, DisclosureCategory.Village, DisclosureCategory.Finance]);
        items.Select(i => i.Frequency).Distinct().Order().ShouldBe([DisclosureFrequency.Quarterly, DisclosureFrequency.Immediate]);
        items.Single(i => i.MonthlyWhenFrequent).Code.ShouldBe("F01");
    }

    [Theory]
    [InlineData("", "收支", DisclosureCategory.Finance, DisclosureFrequency.Monthly, false, "公开事项的编号须为 1 至 10 个字符")]
    [InlineData("F99999999999", "收支", DisclosureCategory.Finance, DisclosureFrequency.Monthly, false, "公开事项 F99999999999的编号须为 1 至 10 个字符")]
    [InlineData("X1", " ", DisclosureCategory.Finance, DisclosureFrequency.Monthly, false, "公开事项 X1的名称须为 1 至 50 个字")]
    [InlineData("X1", "收支", (DisclosureCategory)9, DisclosureFrequency.Monthly, false, "公开事项 X1请选择党务、村务或财务")]
    [InlineData("X1", "收支", DisclosureCategory.Finance, (DisclosureFrequency)9, false, "公开事项 X1请选择每月、每季度或随时公开")]
    [InlineData("X1", "收支", DisclosureCategory.Village, DisclosureFrequency.Quarterly, true, "公开事项 X1：只有按季度公开的财务类事项可以设为“财务往来较多时每月公开”")]
    [InlineData("X1", "收支", DisclosureCategory.Finance, DisclosureFrequency.Monthly, true, "公开事项 X1：只有按季度公开的财务类事项可以设为“财务往来较多时每月公开”")]
    public void A_bad_item_is_named_with_its_problem(string code, string name, DisclosureCategory category, DisclosureFrequency frequency, bool monthlyWhenFrequent, string problem) =>
        DisclosurePolicy.ItemProblems(new(code, name, category, frequency, monthlyWhenFrequent)).ShouldBe([problem]);

    [Theory]
    [InlineData(nameof(DisclosurePolicy.PeriodicDueWorkingDays), 0, "按月、按季公开的期限须为期满后 1 至 30 个工作日（现为 0）")]
    [InlineData(nameof(DisclosurePolicy.PeriodicDueWorkingDays), 31, "按月、按季公开的期限须为期满后 1 至 30 个工作日（现为 31）")]
    [InlineData(nameof(DisclosurePolicy.ImmediateDueWorkingDays), 0, "随时公开的期限须为事项发生后 1 至 30 个工作日（现为 0）")]
    [InlineData(nameof(DisclosurePolicy.DueSoonWorkingDays), -1, "临期提醒须为到期前 0 至 10 个工作日（现为 -1）")]
    [InlineData(nameof(DisclosurePolicy.DueSoonWorkingDays), 11, "临期提醒须为到期前 0 至 10 个工作日（现为 11）")]
    public void A_deadline_out_of_range_is_a_problem(string property, int value, string problem)
    {
        var p = DisclosurePolicy.Default("c");
        typeof(DisclosurePolicy).GetProperty(property)!.SetValue(p, value);
        p.Problems().ShouldBe([problem]);
    }

    [Fact]
    public void A_catalogue_without_monthly_finance_breaks_the_law()
    {
        var p = DisclosurePolicy.Default("c");
        p.Items = [.. p.Items.Select(i => i with { MonthlyWhenFrequent = false })];
        p.Problems().ShouldBe(["财务类至少须有一项在集体财务往来较多时每月公开（财务收支情况，《村民委员会组织法》第三十条）"]);
    }

    [Fact]
    public void Duplicate_codes_are_a_problem()
    {
        var p = DisclosurePolicy.Default("c");
        p.Items.Add(p.Items[0] with { Name = "另一项" });
        p.Problems().ShouldBe(["公开事项编号 D01 重复"]);
    }

    [Fact]
    public void An_empty_catalogue_is_a_problem()
    {
        var p = DisclosurePolicy.Default("c");
        p.Items = [];
        p.Problems().ShouldBe(["公开目录至少需要一项"]);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-12-07", null)]
    [InlineData("2027-01-01", "2026-12-07", null)]
    [InlineData("2026-11-01", "2026-12-07", "公开规则须从季度第一天起生效（如 2027-01-01），以免一个季度按两套规则计算")]
    [InlineData("2027-02-15", "2026-12-07", "公开规则须从季度第一天起生效（如 2027-04-01），以免一个季度按两套规则计算")]
    [InlineData("2026-07-01", "2026-12-07", "生效日期不能早于本季度：已过去的季度按当时的规则计算，不能改写")]
    [InlineData("2026-04-01", "2026-05-01", "生效日期须晚于第 1 版的生效日期（2026-04-01）")]
    public void A_version_takes_effect_on_a_quarter_start_from_the_current_quarter(string effectiveFrom, string today, string? refusal)
    {
        var v1 = DisclosurePolicy.Default("c");
        (v1.Version, v1.EffectiveFrom, v1.IsPublished) = (1, D("2026-04-01"), true);
        var draft = v1.NewDraft(2, default);
        var publish = () => draft.Publish(D(effectiveFrom), [v1], D(today), "county", TestClock.Instant);
        if (refusal is null)
        {
            publish();
            (draft.IsPublished, draft.EffectiveFrom).ShouldBe((true, D(effectiveFrom)));
        }
        else
        {
            Should.Throw<RuleException>(publish).Message.ShouldBe(refusal);
            draft.IsPublished.ShouldBeFalse();
        }
    }

    [Fact]
    public void Editing_a_draft_leaves_the_published_catalogue_alone()
    {
        var v1 = DisclosurePolicy.Default("c");
        (v1.Version, v1.IsPublished) = (1, true);
        var draft = v1.NewDraft(2, D("2027-01-01"));
        draft.Items.RemoveAt(0);
        v1.Items.Count.ShouldBe(DisclosurePolicy.DefaultItems().Count);
    }
}
