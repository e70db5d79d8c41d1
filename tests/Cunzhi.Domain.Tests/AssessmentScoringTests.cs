using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class AssessmentScoringTests
{
    private static readonly DateTime At = new(2026, 3, 6, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 6);

    private static readonly IndicatorSpec[] TwoIndicators = [new("ZZ", "政治表现", 20, 0, 20), new("SJ", "工作实绩", 80, 0, 80)];

    private static Dictionary<string, decimal?> Scores(params (string Code, decimal? Score)[] s) => s.ToDictionary(x => x.Code, x => x.Score);

    [Theory]
    [InlineData(18, 70, 88.00)]   // 20×18/20 + 80×70/80
    [InlineData(20, 80, 100.00)]
    [InlineData(0, 0, 0.00)]
    [InlineData(10.5, 33.3, 43.80)] // 10.5 + 33.3
    [InlineData(19.99, 79.99, 99.98)] // 19.99 + 79.99 = 99.98
    public void Total_is_the_weighted_sum_of_scores_over_full_marks(decimal zz, decimal sj, decimal total) =>
        ReviewScoring.Total(TwoIndicators, Scores(("ZZ", zz), ("SJ", sj))).ShouldBe(total);

    [Fact]
    public void Total_rounds_half_away_from_zero_to_two_decimals()
    {
        IndicatorSpec[] thirds = [new("A", "甲", 50, 0, 3), new("B", "乙", 50, 0, 100)];
        // 50 × 1/3 = 16.666…; + 50 × 1/100 = 0.5 → 17.1666… → 17.17
        ReviewScoring.Total(thirds, Scores(("A", 1), ("B", 1))).ShouldBe(17.17m);
    }

    [Theory]
    [InlineData(21.0, 70, "超出范围 0–20")]
    [InlineData(-1.0, 70, "超出范围 0–20")]
    [InlineData(null, 70, "“政治表现”未评分")]
    [InlineData(10.123, 70, "最多保留 2 位小数")]
    public void Each_score_must_be_given_within_its_range(double? zz, decimal sj, string error)
    {
        var s = Scores(("ZZ", zz is null ? null : (decimal)zz.Value), ("SJ", sj));
        ReviewScoring.Problems(TwoIndicators, s).ShouldContain(p => p.Contains(error));
        Should.Throw<RuleException>(() => ReviewScoring.Total(TwoIndicators, s)).Message.ShouldContain(error);
    }

    [Fact]
    public void Unknown_codes_and_missing_ones_are_all_reported()
    {
        var problems = ReviewScoring.Problems(TwoIndicators, Scores(("ZZ", 30), ("XX", 1)));
        problems.ShouldBe(["“政治表现”的得分 30 超出范围 0–20", "“工作实绩”未评分", "模板中没有指标 XX"]);
    }

    [Fact]
    public void Scores_round_trip_through_their_stored_form()
    {
        var s = Scores(("ZZ", 18.5m), ("SJ", 70));
        var stored = ReviewScoring.Format(TwoIndicators, s);
        stored.ShouldBe("ZZ=18.5;SJ=70");
        ReviewScoring.Parse(stored).ShouldBe(new Dictionary<string, decimal> { ["ZZ"] = 18.5m, ["SJ"] = 70 });
    }

    public static TheoryData<IndicatorSpec[], string> BadTemplates => new()
    {
        { [], "至少需要一项指标" },
        { [new("A", "甲", 50, 0, 100), new("B", "乙", 40, 0, 100)], "权重之和须为 100（现为 90）" },
        { [new("A", "甲", 50, 0, 100), new("a", "乙", 50, 0, 100)], "指标编号 A 重复" },
        { [new("A", "甲", 50, 0, 100), new("B", "甲", 50, 0, 100)], "指标名称“甲”重复" },
        { [new("A", "甲", 100, 10, 10)], "0 ≤ 最低分 < 最高分 ≤ 1000" },
        { [new("A", "甲", 100, -1, 10)], "0 ≤ 最低分 < 最高分 ≤ 1000" },
        { [new("A", "甲", 0, 0, 10), new("B", "乙", 100, 0, 10)], "权重须在 1–100 之间" },
        { [new("", "甲", 100, 0, 10)], "缺少编号" },
    };

    [Theory]
    [MemberData(nameof(BadTemplates))]
    public void Template_problems_are_all_named(IndicatorSpec[] specs, string error) =>
        IndicatorTemplate.Problems(specs).ShouldContain(p => p.Contains(error));

    [Fact]
    public void The_default_template_is_valid_and_weights_add_to_100() =>
        IndicatorTemplate.Problems(IndicatorTemplate.DefaultSpecs).ShouldBeEmpty();

    private static IndicatorTemplate InitialTemplate() =>
        IndicatorTemplate.Initial("360922000000", ReviewKind.Monthly, "月度考评指标", IndicatorTemplate.DefaultSpecs, At);

    /// <summary>Version 2 drafted from the initial template and edited to <see cref="TwoIndicators"/>.</summary>
    private static (IndicatorTemplate V1, IndicatorTemplate V2) EditedDraft()
    {
        var v1 = InitialTemplate();
        var v2 = v1.NewDraft(2, At);
        v2.Specs.ShouldBe(v1.Specs);
        v2.SetIndicators("月度考评指标（2027）", TwoIndicators);
        return (v1, v2);
    }

    [Fact]
    public void A_published_template_is_immutable()
    {
        var v1 = InitialTemplate();
        v1.Status.ShouldBe(TemplateStatus.Published);
        Should.Throw<RuleException>(() => v1.SetIndicators("改", TwoIndicators)).Message.ShouldContain("已发布的指标模板不能修改");
    }

    [Fact]
    public void Editing_a_new_draft_version_leaves_the_published_one_untouched()
    {
        var (v1, v2) = EditedDraft();
        v1.Specs.Count.ShouldBe(4);
        Should.Throw<RuleException>(() => v2.SetIndicators("坏", [new("A", "甲", 90, 0, 10)]));
        v2.Specs.ShouldBe(TwoIndicators); // a refused edit changes nothing
    }

    [Fact]
    public void Publishing_a_draft_supersedes_the_template_for_good()
    {
        var (v1, v2) = EditedDraft();
        v2.Publish(v1, "county.admin", At);
        (v1.Status, v2.Status).ShouldBe((TemplateStatus.Superseded, TemplateStatus.Published));
        Should.Throw<RuleException>(() => v2.Publish(null, "x", At));
        Should.Throw<RuleException>(() => v1.SetIndicators("改", TwoIndicators));
    }

    private static IndicatorTemplate MonthlyTemplate7()
    {
        var v1 = IndicatorTemplate.Initial("360922000000", ReviewKind.Monthly, "月度", TwoIndicators, At);
        v1.Id = 7;
        return v1;
    }

    private static PeriodReview February(IndicatorTemplate v1) =>
        PeriodReview.Give(1, "360922106208", ReviewKind.Monthly, 2026, 2, v1, Scores(("ZZ", 18), ("SJ", 70)), "town.sanxing", At, Today);

    [Fact]
    public void A_review_records_its_template_version_and_total()
    {
        var r = February(MonthlyTemplate7());
        (r.Total, r.TemplateId, r.TemplateVersion, r.Scores).ShouldBe((88m, 7L, 1, "ZZ=18;SJ=70"));
    }

    [Fact]
    public void A_review_is_refused_for_a_future_or_invalid_period()
    {
        var v1 = MonthlyTemplate7();
        Should.Throw<RuleException>(() => PeriodReview.Give(1, "v", ReviewKind.Monthly, 2026, 4, v1, Scores(("ZZ", 1), ("SJ", 1)), "x", At, Today))
            .Message.ShouldContain("尚未到考核时间");
        Should.Throw<RuleException>(() => PeriodReview.Give(1, "v", ReviewKind.Monthly, 2026, 13, v1, Scores(("ZZ", 1), ("SJ", 1)), "x", At, Today))
            .Message.ShouldContain("考核期间无效");
        Should.Throw<RuleException>(() => PeriodReview.Give(1, "v", ReviewKind.Quarterly, 2026, 1, v1, Scores(("ZZ", 1), ("SJ", 1)), "x", At, Today))
            .Message.ShouldContain("与考核类型不符");
    }

    [Fact]
    public void A_review_change_needs_a_published_template_in_an_unlocked_year()
    {
        var v1 = MonthlyTemplate7();
        var r = February(v1);
        var draft = v1.NewDraft(2, At);
        Should.Throw<RuleException>(() => r.Change(draft, Scores(("ZZ", 1), ("SJ", 1)), "x", At, Today, false)).Message.ShouldContain("草稿");
        Should.Throw<RuleException>(() => r.Change(v1, Scores(("ZZ", 1), ("SJ", 1)), "x", At, Today, locked: true)).Message.ShouldContain("已锁定");
        r.Total.ShouldBe(88m);
    }

    [Theory]
    [InlineData(ReviewKind.Monthly, 2026, 3, "2026-03-01", true)]
    [InlineData(ReviewKind.Monthly, 2026, 3, "2026-02-28", false)]
    [InlineData(ReviewKind.Quarterly, 2026, 1, "2026-03-01", true)]   // in the quarter's last month
    [InlineData(ReviewKind.Quarterly, 2026, 1, "2026-02-28", false)]
    [InlineData(ReviewKind.Quarterly, 2026, 5, "2027-01-01", false)]
    public void Periods_open_for_scoring_when_they_begin(ReviewKind kind, int year, int period, string asOf, bool open) =>
        (PeriodReview.PeriodProblem(kind, year, period, DateOnly.Parse(asOf)) is null).ShouldBe(open);
}
