using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class AnnualReviewTests
{
    private static readonly AssessmentSettings S = AssessmentSettings.DefaultFor("360922000000");
    private static readonly DateTime At = new(2027, 1, 10, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    // monthly, quarterly, satisfaction rate → score, warning
    [InlineData(90.0, 80.0, 0.95, 87.00, null)]            // (40×90 + 40×80 + 20×95) / 100
    [InlineData(85.5, 85.5, 1.00, 88.40, null)]
    [InlineData(null, 80.0, 0.95, 85.00, "缺少月度考评")]  // (40×80 + 20×95) / 60
    [InlineData(90.0, null, null, 90.00, "缺少季度实绩考核、双述双评满意率")]
    [InlineData(90.0, 80.0, null, 85.00, "缺少双述双评满意率")]
    [InlineData(null, null, 0.5, 50.00, "缺少月度考评、季度实绩考核")]
    [InlineData(null, null, null, null, "无法计算年度得分")]
    [InlineData(66.666, 66.666, 0.66666, 66.67, null)]      // rounding half away from zero
    public void Annual_score_is_the_weighted_formula_reweighted_over_present_components(double? m, double? q, double? sat, double? score, string? warning)
    {
        var a = AnnualRules.Compute((decimal?)m, (decimal?)q, (decimal?)sat, S);
        a.Score.ShouldBe((decimal?)score);
        if (warning is null) a.Warnings.ShouldBeEmpty();
        else a.Warnings.ShouldHaveSingleItem().ShouldContain(warning);
    }

    [Fact]
    public void A_zero_weight_component_is_ignored_not_reported_missing()
    {
        var s = AssessmentSettings.DefaultFor("c");
        (s.MonthlyWeight, s.QuarterlyWeight, s.SatisfactionWeight) = (50, 50, 0);
        var a = AnnualRules.Compute(80, 60, null, s);
        (a.Score, a.Warnings.Count).ShouldBe((70m, 0));
    }

    [Theory]
    [InlineData(100, Rating.Excellent)]
    [InlineData(90, Rating.Excellent)]
    [InlineData(89.99, Rating.Competent)]
    [InlineData(70, Rating.Competent)]
    [InlineData(69.99, Rating.BasicallyCompetent)]
    [InlineData(60, Rating.BasicallyCompetent)]
    [InlineData(59.99, Rating.Incompetent)]
    [InlineData(0, Rating.Incompetent)]
    public void Thresholds_give_the_candidate_rating(decimal score, Rating rating) => AnnualRules.CandidateRating(score, S).ShouldBe(rating);

    [Fact]
    public void Thresholds_are_configurable()
    {
        var s = AssessmentSettings.DefaultFor("c");
        (s.ExcellentThreshold, s.CompetentThreshold, s.BasicThreshold) = (95, 80, 65);
        AnnualRules.CandidateRating(92, s).ShouldBe(Rating.Competent);
        AnnualRules.CandidateRating(64, s).ShouldBe(Rating.Incompetent);
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 1)]   // floor 0.2 = 0, at least 1
    [InlineData(2, 20, 1)]
    [InlineData(4, 20, 1)]
    [InlineData(5, 20, 1)]
    [InlineData(6, 20, 1)]   // floor 1.2
    [InlineData(9, 20, 1)]
    [InlineData(10, 20, 2)]
    [InlineData(14, 20, 2)]
    [InlineData(15, 20, 3)]
    [InlineData(87, 20, 17)]
    [InlineData(10, 0, 0)]   // a county that allows no 优秀
    [InlineData(10, 35, 3)]
    public void The_excellent_cap_is_floor_of_the_percentage_but_at_least_one(int cadres, int percent, int cap) =>
        AnnualRules.ExcellentCap(cadres, percent).Cap.ShouldBe(cap);

    private static ProposedRating P(long id, decimal? score, Rating? rating = null) => new(id, $"干部{id}", score, rating);

    public static TheoryData<decimal?[], int[]> Suggestions => new()
    {
        // scores of cadres 1..n → expected 优秀 ids (cap from n × 20%, at least 1)
        { [95, 91, 80, 70, 50], [1] },                  // 5 cadres, cap 1: highest keeps it
        { [95, 95, 80, 70, 50], [] },                   // tie at the boundary: nobody chosen by the system
        { [99, 95, 95, 80, 70, 50, 60, 60, 60, 60], [1] }, // 10 cadres, cap 2: 99 fits, 95/95 tie for the last place
        { [99, 95, 93, 80, 70, 50, 60, 60, 60, 60], [1, 2] },
        { [99, 95, 95, 80, 70, 50, 60, 60, 60, 95], [1] }, // three tied candidates straddle the boundary
        { [95], [1] },                                  // 1 cadre: cap 1
        { [95, 96], [2] },                              // 2 cadres, cap 1, order independent
        { [89, 80, 70, 60], [] },
        { [null, 95], [2] },
    };

    /// <summary>The scores column of <see cref="Suggestions"/>.</summary>
    public static TheoryData<decimal?[]> SuggestionScores
    {
        get
        {
            var data = new TheoryData<decimal?[]>();
            foreach (var row in Suggestions) data.Add((decimal?[])row[0]);
            return data;
        }
    }

    private static List<ProposedRating> Rows(decimal?[] scores) => scores.Select((s, i) => P(i + 1, s)).ToList();

    [Theory]
    [MemberData(nameof(Suggestions))]
    public void Suggestion_keeps_the_highest_within_the_cap_and_never_breaks_ties_at_the_boundary(decimal?[] scores, int[] excellent)
    {
        var rows = Rows(scores);
        var suggestion = AnnualRules.Suggest(rows, AnnualRules.ExcellentCap(rows.Count, 20), S);
        suggestion.Ratings.Where(r => r.Value == Rating.Excellent).Select(r => (int)r.Key).Order().ShouldBe(excellent);
    }

    [Theory]
    [MemberData(nameof(SuggestionScores))]
    public void Suggestion_does_not_depend_on_the_input_order(decimal?[] scores)
    {
        var rows = Rows(scores);
        var quota = AnnualRules.ExcellentCap(rows.Count, 20);
        var suggestion = AnnualRules.Suggest(rows, quota, S);
        var reversed = AnnualRules.Suggest(rows.AsEnumerable().Reverse().ToList(), quota, S);
        reversed.Ratings.OrderBy(r => r.Key).ShouldBe(suggestion.Ratings.OrderBy(r => r.Key));
    }

    [Theory]
    [MemberData(nameof(SuggestionScores))]
    public void Suggestion_passes_the_proposal_check_once_the_town_rates_cadres_without_data(decimal?[] scores)
    {
        var rows = Rows(scores);
        var quota = AnnualRules.ExcellentCap(rows.Count, 20);
        var suggestion = AnnualRules.Suggest(rows, quota, S);
        var proposed = rows.Select(r => r with { Rating = suggestion.Ratings[r.CadreId] ?? Rating.Competent }).ToList();
        AnnualRules.CheckProposal(proposed, quota, S).ShouldBeEmpty();
    }

    /// <summary>Ten cadres, cap 2: 99 fits, cadres 2 and 3 tie at 95 for the last place.</summary>
    private static readonly ProposedRating[] TiedAtBoundary = [P(1, 99), P(2, 95), P(3, 95), P(4, 80), P(5, 70), P(6, 60), P(7, 60), P(8, 60), P(9, 60), P(10, 60)];

    [Fact]
    public void A_tie_at_the_boundary_is_explained() =>
        AnnualRules.Suggest(TiedAtBoundary, AnnualRules.ExcellentCap(10, 20), S).Notices
            .ShouldContain(n => n.Contains("干部2、干部3 同为 95.00 分") && n.Contains("至多 1 人"));

    [Fact]
    public void The_town_may_choose_one_of_the_tied()
    {
        var rows = TiedAtBoundary;
        var quota = AnnualRules.ExcellentCap(10, 20);
        var chosen = rows.Select(r => r with { Rating = r.CadreId is 1 or 3 ? Rating.Excellent : AnnualRules.CandidateRating(r.Score!.Value, S) == Rating.Excellent ? Rating.Competent : AnnualRules.CandidateRating(r.Score!.Value, S) }).ToList();
        AnnualRules.CheckProposal(chosen, quota, S).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, true)]
    [InlineData(4, 1, true)]
    [InlineData(5, 2, false)]
    [InlineData(6, 2, false)]
    [InlineData(10, 2, true)]
    [InlineData(10, 3, false)]
    public void Proposing_more_excellent_than_the_cap_is_refused_with_the_rule(int cadres, int excellent, bool ok)
    {
        var rows = Enumerable.Range(1, cadres).Select(i => P(i, 95, i <= excellent ? Rating.Excellent : Rating.Competent)).ToList();
        var problems = AnnualRules.CheckProposal(rows, AnnualRules.ExcellentCap(cadres, 20), S);
        if (ok) problems.ShouldBeEmpty();
        else problems.ShouldHaveSingleItem().ShouldContain($"拟定优秀 {excellent} 人，超过优秀名额");
    }

    [Fact]
    public void A_town_may_rate_lower_than_the_score_but_never_higher()
    {
        var problems = AnnualRules.CheckProposal([P(1, 95, Rating.Competent), P(2, 85, Rating.Excellent), P(3, 65, Rating.Competent), P(4, null, Rating.Excellent), P(5, 50, null)], AnnualRules.ExcellentCap(10, 20), S);
        problems.ShouldBe([
            "干部2 年度得分 85.00，按分数线最高为称职，不能评为优秀",
            "干部3 年度得分 65.00，按分数线最高为基本称职，不能评为称职",
            "干部4 没有考核得分，最高只能评为称职",
            "干部5 尚未确定等次",
        ]);
    }

    private static AnnualBatch Batch(params (decimal? Score, Rating? Rating)[] rows)
    {
        var b = AnnualBatch.Open("360922106000", 2026);
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var review = AnnualReview.For(b, i + 1, "360922106208", $"干部{i + 1}");
            review.Compute(b, r.Score, r.Score, null, S);
            review.Propose(b, r.Rating, null);
        }
        return b;
    }

    [Fact]
    public void Propose_approve_then_everything_is_locked()
    {
        var b = Batch((95, Rating.Excellent), (80, Rating.Competent));
        var quota = AnnualRules.ExcellentCap(2, 20);
        b.Propose(quota, S, "town.sanxing", At);
        b.Reviews.ShouldAllBe(r => r.State == AnnualState.Proposed);
        Should.Throw<RuleException>(() => b.Reviews[0].Propose(b, Rating.Competent, null)).Message.ShouldContain("等待审定期间不能修改");
        b.Approve("county.admin", At);
        b.Reviews.ShouldAllBe(r => r.State == AnnualState.Approved);

        Should.Throw<RuleException>(() => b.Reviews[0].Propose(b, Rating.Competent, null)).Message.ShouldContain("已锁定");
        Should.Throw<RuleException>(() => b.Reviews[0].Compute(b, 1, 1, 1, S)).Message.ShouldContain("已锁定");
        Should.Throw<RuleException>(() => AnnualReview.For(b, 9, "v", "新人")).Message.ShouldContain("已锁定");
        Should.Throw<RuleException>(() => b.Propose(quota, S, "x", At)).Message.ShouldContain("已锁定");
        Should.Throw<RuleException>(() => b.Return("再议", "x", At)).Message.ShouldContain("已审定");
        Should.Throw<RuleException>(() => b.Approve("x", At)).Message.ShouldContain("已审定");
        b.Reviews[0].Rating.ShouldBe(Rating.Excellent);
    }

    private static AnnualBatch TwoCadres() => Batch((95, Rating.Excellent), (80, Rating.Competent));

    private static AnnualBatch Proposed()
    {
        var b = TwoCadres();
        b.Propose(AnnualRules.ExcellentCap(2, 20), S, "town.sanxing", At);
        return b;
    }

    private static AnnualBatch Returned()
    {
        var b = Proposed();
        b.Return("优秀人选请再研究", "county.admin", At);
        return b;
    }

    [Fact]
    public void A_batch_not_yet_proposed_cannot_be_approved() =>
        Should.Throw<RuleException>(() => TwoCadres().Approve("county.admin", At)).Message.ShouldContain("尚未上报");

    [Fact]
    public void Returning_a_batch_needs_a_reason() =>
        Should.Throw<RuleException>(() => Proposed().Return(" ", "county.admin", At)).Message.ShouldContain("理由");

    [Fact]
    public void A_returned_batch_carries_the_reason()
    {
        var b = Returned();
        (b.State, b.ReturnReason).ShouldBe((AnnualState.Returned, "优秀人选请再研究"));
    }

    [Fact]
    public void A_returned_batch_can_be_proposed_again_once_corrected()
    {
        var b = Returned();
        b.Reviews[0].Propose(b, Rating.Competent, "让给他村");
        b.Propose(AnnualRules.ExcellentCap(2, 20), S, "town.sanxing", At);
        (b.State, b.ReturnReason).ShouldBe((AnnualState.Proposed, (string?)null));
    }

    [Fact]
    public void Too_many_excellent_refuses_the_proposal_and_leaves_it_a_draft()
    {
        var b = Batch((95, Rating.Excellent), (96, Rating.Excellent), (80, Rating.Competent));
        var e = Should.Throw<RuleException>(() => b.Propose(AnnualRules.ExcellentCap(3, 20), S, "town.sanxing", At));
        e.Message.ShouldContain("拟定优秀 2 人，超过优秀名额 1 人");
        e.Message.ShouldContain("请将其中 1 人调整为称职");
        b.State.ShouldBe(AnnualState.Draft);
    }

    [Fact]
    public void Settings_defaults_are_valid() => S.Problems().ShouldBeEmpty();

    [Fact]
    public void Bad_settings_are_all_named()
    {
        var bad = new AssessmentSettings { CountyCode = "c", MonthlyWeight = 50, QuarterlyWeight = 50, SatisfactionWeight = 10, ExcellentThreshold = 60, CompetentThreshold = 70, ExcellentCapPercent = 120 };
        bad.Problems().ShouldBe(["月度、季度、群众满意度三项权重之和须为 100（现为 110）", "等次分数线须满足 0 ≤ 基本称职 < 称职 < 优秀 ≤ 100", "优秀比例须在 0–100% 之间"]);
    }
}
