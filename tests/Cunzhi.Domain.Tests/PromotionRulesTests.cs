using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

public sealed class PromotionRulesTests
{
    private const string Village = "360922106208";
    private static readonly DateOnly AsOf = new(2026, 6, 15);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly RankPolicy Policy = RankPolicy.Default("360922000000", new DateOnly(2024, 1, 1), "t", DateTime.UnixEpoch);

    private static RankChange Change(int from, int to, string effective, long id = 1) => new()
    {
        Id = id, CadreId = 1, RegionCode = Village, FromRank = from, ToRank = to, EffectiveFrom = DateOnly.Parse(effective),
        Kind = from == to ? RankChangeKind.Initial : to < from ? RankChangeKind.Promotion : RankChangeKind.Demotion, Reason = "t", DecidedBy = "t",
    };

    private static ConductRecord Record(ConductKind kind, string date, string? end = null, int? days = null, CommendationLevel? level = null, string? veto = null) =>
        ConductRecord.Create(1, Village, kind, DateOnly.Parse(date), end is null ? null : DateOnly.Parse(end), days, level, veto, "测试事由",
            Policy.VetoReasons, Today, "t", DateTime.UnixEpoch);

    /// <summary>A cadre at rank 12 since 2024-01-01 (29 months on AsOf; 12 needed), rated 称职 for 2025, 85% satisfied: eligible.</summary>
    private static RankCandidate Good(int rank = 12, string since = "2024-01-01", IReadOnlyList<YearRating>? ratings = null,
        IReadOnlyList<YearSatisfaction>? satisfaction = null, params ConductRecord[] conduct) =>
        new(1, rank, true, new DateOnly(2020, 5, 1), [Change(rank, rank, since)], ratings ?? [new(2024, Rating.Competent), new(2025, Rating.Competent)],
            satisfaction ?? [new(2025, 0.85m)], conduct);

    private static RankCondition Condition(RankEligibility e, string code) => e.Conditions.Single(c => c.Code == code);

    [Fact]
    public void A_cadre_meeting_every_condition_is_eligible_for_the_next_rank()
    {
        var e = PromotionRules.Check(Good(), Policy, AsOf);
        e.Eligible.ShouldBeTrue(string.Join("；", e.Reasons));
        e.TargetRank.ShouldBe(11);
    }

    [Fact]
    public void Every_condition_of_an_eligible_cadre_is_explained()
    {
        var e = PromotionRules.Check(Good(), Policy, AsOf);
        e.Conditions.Select(c => c.Code).ShouldBe(["B1", "B2", "D1", "D2", "D3", "D4", "D5", "D6", "D7"]);
        e.Conditions.ShouldAllBe(c => c.Passed && c.Evidence.Length > 0);
        Condition(e, "B1").Evidence.ShouldContain("满 29 个月");
        Condition(e, "D1").Evidence.ShouldBe("2025 年度考核 称职");
        Condition(e, "D4").Evidence.ShouldContain("85.0%");
    }

    public static TheoryData<string, string, bool> MonthsAtRank => new()
    {
        // since, as of, 12 months served (rank 12 needs 12)
        { "2025-06-15", "2026-06-15", true },
        { "2025-06-15", "2026-06-14", false },
        { "2025-01-31", "2026-01-31", true },
        { "2025-01-31", "2026-01-30", false },
        { "2024-02-29", "2025-02-28", true }, // leap day: a year later is the last day of February
        { "2025-12-31", "2026-12-31", true }, // year end
        { "2026-01-01", "2026-12-31", false },
        { "2027-01-01", "2026-12-31", false }, // a promotion approved but not yet in force: 0 months
    };

    [Theory, MemberData(nameof(MonthsAtRank))]
    public void B1_counts_whole_months_at_the_rank_including_month_and_year_ends(string since, string asOf, bool passed)
    {
        var e = PromotionRules.Check(Good(since: since, ratings: [new(2025, Rating.Competent), new(2026, Rating.Competent)]), Policy, DateOnly.Parse(asOf));
        Condition(e, "B1").Passed.ShouldBe(passed, Condition(e, "B1").Evidence);
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", 1)]
    [InlineData("2025-01-31", "2025-02-27", 0)]
    [InlineData("2024-02-29", "2025-02-28", 12)]
    [InlineData("2025-12-31", "2026-01-31", 1)]
    [InlineData("2025-12-31", "2026-12-30", 11)]
    [InlineData("2026-03-01", "2026-02-28", 0)]
    public void Months_between_dates_are_whole_calendar_months(string from, string to, int months) =>
        PromotionRules.MonthsBetween(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(months);

    [Theory]
    [InlineData(13, 12)]
    [InlineData(10, 24)]
    [InlineData(7, 36)]
    [InlineData(2, 60)]
    public void The_wait_grows_up_the_ladder(int rank, int months)
    {
        Policy.MinMonthsAt(rank).ShouldBe(months);
        PromotionRules.Check(Good(rank: rank), Policy, AsOf).BaseMonths.ShouldBe(months);
    }

    [Fact]
    public void Without_rank_history_the_time_counts_from_the_post_start_date()
    {
        var c = Good() with { Changes = [], StartDate = new DateOnly(2026, 1, 1) };
        var e = PromotionRules.Check(c, Policy, AsOf);
        e.RankSince.ShouldBe(new DateOnly(2026, 1, 1));
        e.MonthsAtRank.ShouldBe(5);
        Condition(e, "B1").Passed.ShouldBeFalse();
    }

    [Fact]
    public void Rank_1_cannot_be_promoted()
    {
        var e = PromotionRules.Check(Good(rank: 1), Policy, AsOf);
        e.Eligible.ShouldBeFalse();
        e.TargetRank.ShouldBeNull();
        Condition(e, "B1").Evidence.ShouldContain("已是最高职级");
    }

    public static TheoryData<Rating?, bool, bool> LastRatings => new()
    {
        // last approved rating, B2 passed, D1 passed
        { Rating.Excellent, true, true },
        { Rating.Competent, true, true },
        { Rating.BasicallyCompetent, false, false },
        { Rating.Incompetent, false, false },
        { null, false, true },
    };

    [Theory, MemberData(nameof(LastRatings))]
    public void B2_and_D1_read_the_last_approved_annual_rating(Rating? last, bool b2, bool d1)
    {
        List<YearRating> ratings = last is null ? [] : [new(2024, Rating.Excellent), new(2025, last.Value)];
        var e = PromotionRules.Check(Good(ratings: ratings), Policy, AsOf);
        Condition(e, "B2").Passed.ShouldBe(b2);
        Condition(e, "D1").Passed.ShouldBe(d1);
        e.Eligible.ShouldBe(b2 && d1);
        if (last is { } r) Condition(e, "D1").Evidence.ShouldBe($"2025 年度考核 {Ratings.Name(r)}");
        else Condition(e, "B2").Evidence.ShouldBe("没有已审定的年度考核等次");
    }

    public static TheoryData<string, ConductKind, string, string?, int?, bool> ConductCases => new()
    {
        // condition, kind, date, end date, days, passes on AsOf (2026-06-15)
        { "D2", ConductKind.Sanction, "2024-06-16", null, null, false },   // within 24 months
        { "D2", ConductKind.Sanction, "2024-06-15", null, null, true },    // exactly 24 months ago: out of the period
        { "D2", ConductKind.Sanction, "2026-06-16", null, null, true },    // after the date: ignored
        { "D3", ConductKind.Investigation, "2026-03-01", null, null, false },
        { "D3", ConductKind.Investigation, "2026-03-01", "2026-06-30", null, false }, // still open on the date
        { "D3", ConductKind.Investigation, "2026-03-01", "2026-06-15", null, true },  // ended that day
        { "D5", ConductKind.Complaint, "2025-06-16", null, null, false },
        { "D5", ConductKind.Complaint, "2025-06-15", null, null, true },
        { "D6", ConductKind.Absence, "2026-01-10", null, 3, true },  // 3 days is the limit
        { "D6", ConductKind.Absence, "2026-01-10", null, 4, false },
        { "D6", ConductKind.Absence, "2025-06-15", null, 10, true }, // outside the 12-month period
        { "D7", ConductKind.AuditFinding, "2023-01-01", null, null, false }, // unremedied, however old
        { "D7", ConductKind.AuditFinding, "2023-01-01", "2024-01-01", null, true },
    };

    [Theory, MemberData(nameof(ConductCases))]
    public void Disqualifying_conduct_is_read_within_its_period(string code, ConductKind kind, string date, string? end, int? days, bool passes)
    {
        var record = Record(kind, date, end, days);
        var e = PromotionRules.Check(Good(conduct: record), Policy, AsOf);
        Condition(e, code).Passed.ShouldBe(passes, Condition(e, code).Evidence);
        e.Eligible.ShouldBe(passes);
        if (!passes) e.Reasons.ShouldContain(r => r.StartsWith(code));
    }

    [Fact]
    public void Absence_days_add_up_over_the_period()
    {
        var e = PromotionRules.Check(Good(conduct: [Record(ConductKind.Absence, "2026-01-10", days: 2), Record(ConductKind.Absence, "2026-03-10", days: 2)]), Policy, AsOf);
        Condition(e, "D6").Passed.ShouldBeFalse();
        Condition(e, "D6").Evidence.ShouldContain("共 4 天");
    }

    [Theory]
    [InlineData(0.60, true)]
    [InlineData(0.5999, false)]
    [InlineData(0.30, false)]
    public void D4_satisfaction_below_the_threshold_disqualifies(decimal rate, bool passes)
    {
        var e = PromotionRules.Check(Good(satisfaction: [new(2024, 0.95m), new(2025, rate)]), Policy, AsOf);
        Condition(e, "D4").Passed.ShouldBe(passes);
    }

    [Fact]
    public void D4_without_an_evaluation_does_not_disqualify() =>
        Condition(PromotionRules.Check(Good(satisfaction: []), Policy, AsOf), "D4").Passed.ShouldBeTrue();

    [Fact]
    public void Thresholds_come_from_the_policy()
    {
        var strict = Policy.DraftCopy(2);
        strict.MinSatisfactionPercent = 90;
        strict.MaxAbsenceDays = 0;
        var e = PromotionRules.Check(Good(conduct: Record(ConductKind.Absence, "2026-01-10", days: 1)), strict, AsOf);
        Condition(e, "D4").Passed.ShouldBeFalse();
        Condition(e, "D6").Passed.ShouldBeFalse();
        Condition(e, "D4").Title.ShouldContain("90%");
    }

    public static TheoryData<string[], int, int> PointsCases => new()
    {
        // bonus items at the current rank (rank 10, since 2025-01-01: 17 months of 24), points, months off
        { [], 0, 0 },
        { ["county"], 1, 0 },
        { ["excellent2025"], 2, 3 },
        { ["excellent2025", "city"], 4, 6 },
        { ["excellent2025", "province", "county"], 6, 12 },
        { ["national", "national"], 10, 12 },
        { ["excellent2024"], 0, 0 }, // before the current rank: not counted
    };

    /// <summary>Rank 10 since 2025-01-01 with the given bonus items (see <see cref="PointsCases"/>).</summary>
    private static RankEligibility WithBonus(string[] items)
    {
        var ratings = new List<YearRating> { new(2024, items.Contains("excellent2024") ? Rating.Excellent : Rating.Competent),
            new(2025, items.Contains("excellent2025") ? Rating.Excellent : Rating.Competent) };
        var levels = new Dictionary<string, CommendationLevel> { ["county"] = CommendationLevel.County, ["city"] = CommendationLevel.City,
            ["province"] = CommendationLevel.Province, ["national"] = CommendationLevel.National };
        var conduct = items.Where(levels.ContainsKey).Select((i, n) => Record(ConductKind.Commendation, $"2025-0{n + 3}-01", level: levels[i])).ToArray();
        return PromotionRules.Check(Good(rank: 10, since: "2025-01-01", ratings: ratings, conduct: conduct), Policy, AsOf);
    }

    /// <summary>The items column of <see cref="PointsCases"/> with one of its number columns.</summary>
    private static TheoryData<string[], int> PointsColumn(int column)
    {
        var data = new TheoryData<string[], int>();
        foreach (var row in PointsCases) data.Add((string[])row[0], (int)row[column]);
        return data;
    }

    public static TheoryData<string[], int> PointsEarned => PointsColumn(1);

    public static TheoryData<string[], int> MonthsTakenOff => PointsColumn(2);

    [Theory, MemberData(nameof(PointsEarned))]
    public void Points_accumulate_at_the_current_rank(string[] items, int points)
    {
        var e = WithBonus(items);
        e.Points.ShouldBe(points);
        e.PointsDetail.Count.ShouldBe(items.Count(i => i != "excellent2024"));
    }

    [Theory, MemberData(nameof(MonthsTakenOff))]
    public void Points_shorten_the_wait_at_the_current_rank(string[] items, int monthsOff)
    {
        var e = WithBonus(items);
        e.MonthsOff.ShouldBe(monthsOff);
        e.RequiredMonths.ShouldBe(24 - monthsOff);
        Condition(e, "B1").Passed.ShouldBe(17 >= 24 - monthsOff);
    }

    [Fact]
    public void A_veto_in_the_period_overrides_every_point()
    {
        var commendations = Enumerable.Range(1, 3).Select(m => Record(ConductKind.Commendation, $"2025-0{m}-01", level: CommendationLevel.National)).ToList();
        var veto = Record(ConductKind.Veto, "2026-02-01", veto: "违法违纪");
        var e = PromotionRules.Check(Good(rank: 10, since: "2025-01-01", conduct: [.. commendations, veto]), Policy, AsOf);
        e.Points.ShouldBe(15);
        e.MonthsOff.ShouldBe(0);
        e.Eligible.ShouldBeFalse();
        e.Vetoes.ShouldHaveSingleItem().ShouldContain("违法违纪");
        e.Reasons.ShouldContain(r => r.StartsWith("一票否决"));
        Condition(e, "B1").Evidence.ShouldContain("加分不予缩短");
    }

    [Fact]
    public void A_veto_before_the_period_no_longer_counts()
    {
        var e = PromotionRules.Check(Good(conduct: Record(ConductKind.Veto, "2025-06-15", veto: "履职不力")), Policy, AsOf);
        e.Vetoes.ShouldBeEmpty();
        e.Eligible.ShouldBeTrue();
    }

    public static TheoryData<ConductKind, string> WithdrawnDisqualifiers => new()
    {
        // kind, the condition it fails while it stands ("veto": the one-vote veto)
        { ConductKind.Sanction, "D2" },
        { ConductKind.Investigation, "D3" },
        { ConductKind.Complaint, "D5" },
        { ConductKind.Absence, "D6" },
        { ConductKind.AuditFinding, "D7" },
        { ConductKind.Veto, "veto" },
    };

    [Theory, MemberData(nameof(WithdrawnDisqualifiers))]
    public void A_withdrawn_record_no_longer_disqualifies(ConductKind kind, string code)
    {
        var record = Record(kind, "2026-03-01", days: kind == ConductKind.Absence ? 10 : null, veto: kind == ConductKind.Veto ? "违法违纪" : null);
        var standing = PromotionRules.Check(Good(conduct: record), Policy, AsOf);
        standing.Eligible.ShouldBeFalse();
        if (code == "veto") standing.Vetoes.ShouldNotBeEmpty();
        else Condition(standing, code).Passed.ShouldBeFalse();

        record.Withdraw("录入错误，不是本人", "discipline", DateTime.UnixEpoch);
        var e = PromotionRules.Check(Good(conduct: record), Policy, AsOf);
        e.Eligible.ShouldBeTrue(string.Join("；", e.Reasons));
        e.Vetoes.ShouldBeEmpty();
        e.Conditions.ShouldAllBe(c => c.Passed);
        e.Conditions.ShouldAllBe(c => !c.Evidence.Contains("测试事由"));
    }

    [Fact]
    public void A_withdrawn_absence_leaves_the_other_days()
    {
        var absences = new[] { Record(ConductKind.Absence, "2026-01-10", days: 2), Record(ConductKind.Absence, "2026-03-10", days: 2) };
        absences[1].Withdraw("天数重复登记", "town", DateTime.UnixEpoch);
        var e = PromotionRules.Check(Good(rank: 10, since: "2025-01-01", conduct: absences), Policy, AsOf);
        Condition(e, "D6").Passed.ShouldBeTrue();
        Condition(e, "D6").Evidence.ShouldContain("共 2 天");
    }

    [Fact]
    public void A_withdrawn_commendation_loses_its_points()
    {
        var commendation = Record(ConductKind.Commendation, "2025-03-01", level: CommendationLevel.National);
        commendation.Withdraw("表彰名单有误", "town", DateTime.UnixEpoch);
        var e = PromotionRules.Check(Good(rank: 10, since: "2025-01-01", conduct: commendation), Policy, AsOf);
        (e.Points, e.MonthsOff).ShouldBe((0, 0));
        e.PointsDetail.ShouldBeEmpty();
    }

    public static TheoryData<string?, string> BadWithdrawReasons => new()
    {
        { null, "请填写撤销理由" },
        { "", "请填写撤销理由" },
        { "   ", "请填写撤销理由" },
        { new string('误', 501), "不能超过 500 个字" },
    };

    [Theory, MemberData(nameof(BadWithdrawReasons))]
    public void Withdrawal_needs_a_reason_of_at_most_500_characters(string? reason, string message)
    {
        var record = Record(ConductKind.Sanction, "2026-03-01");
        Should.Throw<RuleException>(() => record.Withdraw(reason, "discipline", DateTime.UnixEpoch)).Message.ShouldContain(message);
        record.Withdrawn.ShouldBeFalse();
        record.Withdraw(new string('误', 500), "discipline", DateTime.UnixEpoch);
        record.Withdrawn.ShouldBeTrue();
    }

    private static readonly DateTime WithdrawnAt = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private static ConductRecord WithdrawnAuditFinding()
    {
        var record = Record(ConductKind.AuditFinding, "2026-03-01");
        record.Withdraw("  审计对象录错  ", "discipline", WithdrawnAt);
        return record;
    }

    [Fact]
    public void A_withdrawn_record_keeps_who_when_and_why()
    {
        var record = WithdrawnAuditFinding();
        (record.WithdrawnAtUtc, record.WithdrawnBy, record.WithdrawReason).ShouldBe(((DateTime?)WithdrawnAt, "discipline", "审计对象录错"));
    }

    [Fact]
    public void A_record_is_withdrawn_only_once()
    {
        var record = WithdrawnAuditFinding();
        var again = Should.Throw<RuleException>(() => record.Withdraw("再次撤销", "discipline", WithdrawnAt));
        again.Message.ShouldContain("不能重复撤销");
        record.WithdrawReason.ShouldBe("审计对象录错");
    }

    [Fact]
    public void A_withdrawn_record_cannot_be_closed() =>
        Should.Throw<RuleException>(() => WithdrawnAuditFinding().Close(new DateOnly(2026, 4, 1), Today)).Message.ShouldContain("已撤销");

    public static TheoryData<ConductKind, bool, string?> DemotionGrounds => new()
    {
        // kind, withdrawn, refusal (null: a ground)
        { ConductKind.Veto, false, null },
        { ConductKind.Veto, true, "已撤销" },
        { ConductKind.Sanction, false, "只有一票否决" },
    };

    [Theory, MemberData(nameof(DemotionGrounds))]
    public void Only_a_standing_veto_is_a_ground_for_demotion(ConductKind kind, bool withdrawn, string? refusal)
    {
        var record = Record(kind, "2026-03-01", veto: kind == ConductKind.Veto ? "履职不力" : null);
        if (withdrawn) record.Withdraw("录入错误", "discipline", DateTime.UnixEpoch);
        if (refusal is null) Should.NotThrow(record.EnsureDemotionGround);
        else Should.Throw<RuleException>(record.EnsureDemotionGround).Message.ShouldContain(refusal);
    }

    [Fact]
    public void A_cadre_out_of_office_is_not_eligible() =>
        PromotionRules.Check(Good() with { InOffice = false }, Policy, AsOf).Reasons.ShouldContain("已不在任");

    [Theory]
    [InlineData(12, 13)]
    [InlineData(1, 2)]
    public void Demotion_is_one_rank_down(int rank, int to) => PromotionRules.DemotionTarget(rank).ShouldBe(to);

    [Fact]
    public void Rank_13_has_no_rank_to_be_demoted_to() => PromotionRules.DemotionTarget(13).ShouldBeNull();

    [Fact]
    public void Conduct_records_are_checked_with_chinese_messages()
    {
        Should.Throw<RuleException>(() => Record(ConductKind.Absence, "2026-01-01")).Message.ShouldContain("缺勤天数");
        Should.Throw<RuleException>(() => Record(ConductKind.Commendation, "2026-01-01")).Message.ShouldContain("表彰级别");
        Should.Throw<RuleException>(() => Record(ConductKind.Veto, "2026-01-01", veto: "看着不顺眼")).Message.ShouldContain("一票否决理由");
        Should.Throw<RuleException>(() => Record(ConductKind.Sanction, "2026-12-01")).Message.ShouldContain("不能晚于今天");
        Should.Throw<RuleException>(() => Record(ConductKind.Sanction, "2026-01-01", end: "2026-02-01")).Message.ShouldContain("只有立案审查");
        var audit = Record(ConductKind.AuditFinding, "2026-01-01");
        audit.Close(new DateOnly(2026, 3, 1), Today);
        Should.Throw<RuleException>(() => audit.Close(new DateOnly(2026, 4, 1), Today)).Message.ShouldContain("已于 2026-03-01 办结");
    }
}

public sealed class RankPolicyTests
{
    private static RankPolicy V1 => RankPolicy.Default("360922000000", new DateOnly(2024, 1, 1), "t", DateTime.UnixEpoch);

    [Fact]
    public void The_default_policy_is_valid() => V1.Problems().ShouldBeEmpty();

    [Fact]
    public void The_default_policy_documents_the_pilots_numbers()
    {
        var p = V1;
        p.AllowanceStepFen.ShouldBe(100_00);
        p.MinSatisfactionPercent.ShouldBe(60);
        p.VetoReasons.ShouldBe(["履职不力", "群众满意度低", "违法违纪"]);
    }

    [Fact]
    public void A_published_version_cannot_be_changed() => Should.Throw<RuleException>(V1.EnsureDraft).Message.ShouldContain("已发布");

    [Fact]
    public void A_draft_is_published_forward_only()
    {
        var v1 = V1;
        var v2 = v1.DraftCopy(2);
        v2.IsPublished.ShouldBeFalse();
        var today = new DateOnly(2026, 11, 22);
        Should.Throw<RuleException>(() => v2.Publish(new DateOnly(2026, 11, 1), [v1], today, "c", DateTime.UnixEpoch)).Message.ShouldContain("不能早于今天");
        v2.Publish(new DateOnly(2027, 1, 1), [v1], today, "c", DateTime.UnixEpoch);
        v2.IsPublished.ShouldBeTrue();
        var v3 = v2.DraftCopy(3);
        Should.Throw<RuleException>(() => v3.Publish(new DateOnly(2026, 12, 1), [v1, v2], today, "c", DateTime.UnixEpoch)).Message.ShouldContain("第 2 版");
    }

    [Theory]
    [InlineData("2023-12-31", null)]
    [InlineData("2024-01-01", 1)]
    [InlineData("2026-12-31", 1)]
    [InlineData("2027-01-01", 2)]
    public void The_version_in_force_is_the_latest_published_on_the_date(string date, int? version)
    {
        var v2 = V1.DraftCopy(2);
        v2.IsPublished = true;
        v2.EffectiveFrom = new DateOnly(2027, 1, 1);
        var draft = V1.DraftCopy(3);
        draft.EffectiveFrom = new DateOnly(2026, 6, 1);
        ((int?)RankPolicy.InForce([V1, v2, draft], DateOnly.Parse(date))?.Version).ShouldBe(version);
    }

    [Fact]
    public void Problems_name_every_bad_number()
    {
        var p = V1.DraftCopy(2);
        p.MinMonths[5] = 1;
        p.MinSatisfactionPercent = 120;
        p.PointsSteps = [new(2, 6), new(4, 3)];
        p.VetoReasons = [];
        var problems = p.Problems();
        problems.ShouldContain(x => x.Contains("逐级增加晋升难度"));
        problems.ShouldContain(x => x.Contains("满意率"));
        problems.ShouldContain(x => x.Contains("加分越多"));
        problems.ShouldContain(x => x.Contains("一票否决"));
    }
}

public sealed class RankProposalTests
{
    private static RankEligibility Eligible(int rank = 12) => new(true, rank, rank - 1, new DateOnly(2024, 1, 1), 29, 12, 0, 0, 12, 1, [], [], [], []);

    [Fact]
    public void Approval_writes_a_change_effective_the_first_of_next_month_even_across_the_year()
    {
        var p = RankProposal.Promotion(5, "360922106208", "张三", Eligible(), null, "town", DateTime.UnixEpoch);
        var change = p.Approve(12, new DateOnly(2026, 12, 31), "county", DateTime.UnixEpoch);
        change.EffectiveFrom.ShouldBe(new DateOnly(2027, 1, 1));
        (change.FromRank, change.ToRank, change.Kind).ShouldBe((12, 11, RankChangeKind.Promotion));
        p.State.ShouldBe(ProposalState.Approved);
        Should.Throw<RuleException>(() => p.Reject("x", "county", DateTime.UnixEpoch)).Message.ShouldContain("已批复");
    }

    [Fact]
    public void An_ineligible_cadre_is_refused_with_every_reason()
    {
        var e = Eligible() with { Eligible = false, Reasons = ["B1 任现职级满规定年限：不足", "D3 正在接受立案审查：是"] };
        var ex = Should.Throw<RuleException>(() => RankProposal.Promotion(5, "360922106208", "张三", e, null, "town", DateTime.UnixEpoch));
        ex.Message.ShouldContain("B1");
        ex.Message.ShouldContain("D3");
    }

    /// <summary>A demotion proposal for a cadre at rank 11 (to 12) for a 2025 不称职 rating.</summary>
    private static RankProposal Demotion11() =>
        RankProposal.Demotion(5, "360922106208", "张三", 11, DemotionGround.AnnualIncompetent, 2025, null, "2025 年度考核不称职", null, "town", DateTime.UnixEpoch);

    [Fact]
    public void Rejection_needs_a_reason() =>
        Should.Throw<RuleException>(() => Demotion11().Reject(" ", "county", DateTime.UnixEpoch)).Message.ShouldContain("理由");

    [Fact]
    public void Approval_needs_the_rank_unchanged()
    {
        var p = Demotion11();
        p.ToRank.ShouldBe(12);
        Should.Throw<RuleException>(() => p.Approve(10, new DateOnly(2026, 5, 5), "county", DateTime.UnixEpoch)).Message.ShouldContain("不再适用");
        p.Approve(11, new DateOnly(2026, 5, 5), "county", DateTime.UnixEpoch).Kind.ShouldBe(RankChangeKind.Demotion);
    }

    [Fact]
    public void Demotion_at_rank_13_is_refused_because_13_stays_13() =>
        Should.Throw<RuleException>(() => RankProposal.Demotion(5, "360922106208", "张三", 13, DemotionGround.Veto, null, 9, "x", null, "d", DateTime.UnixEpoch))
            .Message.ShouldContain("降级后仍为 13 级");
}
