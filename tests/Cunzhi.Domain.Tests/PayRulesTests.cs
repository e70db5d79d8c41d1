using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

public sealed class PayRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData("2026-02-01", "2026-02-01", null, 28)]        // joined on the 1st, Feb 2026 has 28 days
    [InlineData("2024-02-01", "2024-02-01", null, 29)]        // leap February
    [InlineData("2024-02-01", "2024-02-15", null, 15)]
    [InlineData("2026-02-01", "2020-01-01", "2026-02-28", 28)] // left on the last day: the whole month
    [InlineData("2026-03-01", "2020-01-01", "2026-03-31", 31)]
    [InlineData("2026-03-01", "2020-01-01", "2026-03-01", 1)]  // left on the 1st: one day
    [InlineData("2026-04-01", "2026-04-10", "2026-04-20", 11)] // joined and left in the same month
    [InlineData("2026-04-01", "2026-05-01", null, 0)]          // joins next month
    [InlineData("2026-04-01", "2020-01-01", "2026-03-31", 0)]  // left last month
    public void Days_in_office_count_the_first_and_the_last_day(string month, string from, string? to, int days) =>
        PayRules.DaysIn(D(month), D(from), to is null ? null : D(to)).ShouldBe(days);

    [Theory]
    [InlineData("2026-02-01", 28)]
    [InlineData("2024-02-01", 29)] // leap February
    [InlineData("2026-03-01", 31)]
    [InlineData("2026-04-01", 30)]
    public void Days_in_month_follow_the_calendar(string month, int dim) => PayRules.DaysInMonth(D(month)).ShouldBe(dim);

    [Theory]
    [InlineData(300_000, 28, 28, 300_000)]
    [InlineData(300_000, 15, 29, 155_172)]  // 155,172.41… → down
    [InlineData(100, 1, 8, 13)]             // 12.5 → 13: halves round up
    [InlineData(300_000, 11, 30, 110_000)]
    [InlineData(1, 1, 3, 0)]                // 0.33 fen → 0
    [InlineData(2, 1, 3, 1)]                // 0.67 fen → 1
    [InlineData(255_000, 17, 31, 139_839)]  // 139,838.709… → 139,839
    [InlineData(-100, 1, 8, -13)]           // adjustments: halves away from zero
    [InlineData(0, 5, 31, 0)]
    public void Proration_rounds_to_the_fen_half_up(long monthly, int days, int dim, long expected) =>
        PayRules.Prorate(monthly, days, dim).ShouldBe(expected);

    [Fact]
    public void More_days_than_the_month_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PayRules.Prorate(100, 32, 31));

    [Theory]
    [InlineData(100, 1200)]
    [InlineData(90, 1200)]    // the threshold is inclusive
    [InlineData(89.99, 1000)]
    [InlineData(80, 1000)]
    [InlineData(79.5, 800)]
    [InlineData(70, 800)]
    [InlineData(60, 600)]
    [InlineData(59.99, 0)]    // below every row
    [InlineData(0, 0)]
    public void The_coefficient_is_the_highest_row_not_above_the_score(double score, int permille)
    {
        var table = new PaySettings { CountyCode = "360922000000" }.CoefficientTable;
        PayRules.CoefficientPermille(table, (decimal)score).ShouldBe(permille);
    }

    [Fact]
    public void Without_a_score_there_is_no_coefficient() =>
        PayRules.CoefficientPermille(new PaySettings { CountyCode = "x" }.CoefficientTable, null).ShouldBeNull();

    [Theory]
    [InlineData(800_00, 1200, 960_00)]
    [InlineData(800_00, 0, 0)]
    [InlineData(333_33, 1250, 416_66)] // 41,666.25 → 41,666
    [InlineData(333_35, 1100, 366_69)] // 36,668.5 → 36,669
    public void Performance_is_base_times_coefficient_rounded(long baseFen, int permille, long expected) =>
        PayRules.PerformanceFen(baseFen, permille).ShouldBe(expected);

    [Theory]
    [InlineData(1_500_000_00, 1_000_000_00, 20, 500_000_00, 100_000_00)]
    [InlineData(1_000_000_01, 1_000_000_00, 20, 1, 0)]            // 0.2 fen → 0: the cap is never exceeded
    [InlineData(1_000_000_09, 1_000_000_04, 20, 5, 1)]
    [InlineData(1_000_000_00, 1_000_000_00, 20, 0, 0)]            // no increment
    [InlineData(800_000_00, 1_000_000_00, 20, -200_000_00, 0)]    // a fall
    [InlineData(1_500_000_00, 1_000_000_00, 10, 500_000_00, 50_000_00)]
    public void The_increment_reward_is_at_most_the_cap_of_a_positive_increment(long thisYear, long lastYear, int cap, long increment, long pool)
    {
        var r = PayRules.IncrementReward(thisYear, lastYear, cap);
        (r.IncrementFen, r.PoolFen).ShouldBe((increment, pool));
    }

    [Fact]
    public void A_zero_or_negative_increment_explains_why_nothing_is_paid()
    {
        PayRules.IncrementReward(100, 100, 20).Explanation.ShouldContain("持平");
        PayRules.IncrementReward(100, 300, 20).Explanation.ShouldContain("减少 2.00 元");
    }

    public static TheoryData<long, (long, int)[], long[]> Shares => new()
    {
        { 100, [(1, 1), (2, 1), (3, 1)], [34, 33, 33] },              // one fen left: the lowest id among equals
        { 100, [(3, 1), (2, 1), (1, 1)], [33, 33, 34] },              // order of input does not matter
        { 1000, [(1, 30), (2, 15), (3, 15), (4, 10)], [429, 214, 214, 143] }, // remainders .57 .29 .29 .86 → 4 then 1
        { 7, [(5, 2), (6, 1)], [5, 2] },                              // 4.67 / 2.33 → 5 / 2
        { 5, [(1, 0), (2, 0)], [0, 0] },                              // all zero: nothing shared
        { 0, [(1, 3), (2, 1)], [0, 0] },
        { 10, [(1, 1), (2, 0), (3, 1)], [5, 0, 5] },                  // a zero weight never gets a leftover fen
    };

    [Theory, MemberData(nameof(Shares))]
    public void Shares_split_the_total_by_weight_with_remainders_to_the_largest_fractions(long total, (long, int)[] weights, long[] expected)
    {
        var parts = PayRules.Share(total, weights);
        parts.Select(p => p.AmountFen).ShouldBe(expected);
        if (weights.Any(w => w.Item2 > 0) && total > 0) parts.Sum(p => p.AmountFen).ShouldBe(total);
    }

    [Theory]
    [InlineData("2000-03-01", "2026-02-28", 25)]
    [InlineData("2000-03-01", "2026-03-01", 26)]
    [InlineData("2000-02-29", "2025-02-28", 24)] // leap-day start: the anniversary is 1 March in common years
    [InlineData("2000-02-29", "2025-03-01", 25)]
    [InlineData("2020-01-01", "2019-12-31", 0)]
    public void Years_of_service_are_full_years(string from, string to, int years) =>
        PayRules.YearsOfService(D(from), D(to)).ShouldBe(years);

    [Theory]
    [InlineData(CadreStatus.DepartedNormally, "1966-05-01", "2020-12-31", "2026-05-01", 25 * 20_00L)] // birthday on the 1st: paid that month
    [InlineData(CadreStatus.DepartedNormally, "1966-05-02", "2020-12-31", "2026-05-01", null)]       // 60 on 2 May: not yet
    [InlineData(CadreStatus.DepartedNormally, "1966-05-02", "2020-12-31", "2026-06-01", 25 * 20_00L)] // the month after
    [InlineData(CadreStatus.DepartedNormally, "1950-01-01", "2026-05-15", "2026-05-01", null)]       // leaves this month: paid as a cadre, allowance from next month
    [InlineData(CadreStatus.DepartedNormally, "1950-01-01", "2026-05-15", "2026-06-01", 31 * 20_00L)]
    [InlineData(CadreStatus.Removed, "1950-01-01", "2020-12-31", "2026-05-01", null)]                // removed: nothing
    public void Retirement_allowance_needs_a_normal_departure_and_the_age(CadreStatus status, string birth, string left, string month, long? expected) =>
        PayRules.RetirementFen(status, D(birth), D("1995-01-01"), D(left), D(month), 60, 20_00).ShouldBe(expected);

    private static PaySettings DraftSettings() => PaySettings.DraftFrom(null, "360922000000", 1, D("2026-01-01"));

    private static PaySettings PublishedSettings()
    {
        var s = DraftSettings();
        s.Publish("county.admin", TestClock.Instant);
        return s;
    }

    [Fact]
    public void Settings_validate_their_tables()
    {
        var s = DraftSettings();
        s.Problems().ShouldBeEmpty();
        s.BaseFenFor("deputy-secretary").ShouldBe(2_550_00);
        s.BaseFenFor("first-secretary").ShouldBe(0);
        s.BaseFenFor("unknown").ShouldBe(0);
        s.Coefficients = "90=1.2;abc";
        s.Problems().ShouldContain(p => p.Contains("绩效系数表格式有误"));
        s.Coefficients = "90=1.2;90=1.0";
        s.Problems().ShouldContain("绩效系数表中有重复的分数线");
    }

    [Fact]
    public void Settings_take_effect_on_the_first_of_a_month()
    {
        var s = DraftSettings();
        s.EffectiveFrom = D("2026-01-02");
        Should.Throw<RuleException>(() => s.Publish("county.admin", TestClock.Instant)).Message.ShouldContain("1 日");
    }

    [Fact]
    public void Published_settings_are_immutable() =>
        Should.Throw<RuleException>(() => PublishedSettings().EnsureDraft()).Message.ShouldContain("已发布");

    [Fact]
    public void Published_settings_are_in_force_from_their_date()
    {
        var s = PublishedSettings();
        PaySettings.InForce([s], D("2025-12-31")).ShouldBeNull();
        PaySettings.InForce([s], D("2026-01-01")).ShouldBe(s);
    }

    private static PayrollInput Input(DateOnly month, IReadOnlyList<PayCadre> cadres, Dictionary<long, decimal>? scores = null, IReadOnlyList<RankChange>? changes = null, IReadOnlyList<DueReward>? rewards = null) =>
        new(month, PaySettings.DraftFrom(null, "360922000000", 1, D("2020-01-01")), 100_00, 1, cadres,
            (changes ?? []).GroupBy(c => c.CadreId).ToDictionary(g => g.Key, g => (IReadOnlyList<RankChange>)g.ToList()),
            scores ?? [], rewards ?? []);

    private static PayCadre Cadre(long id, string post, string start, string? left = null, CadreStatus status = CadreStatus.InOffice, int rank = 13, string birth = "1980-01-01") =>
        new(id, "360922106208", $"干部{id}", post, rank, status, D(birth), D(start), left is null ? null : D(left), []);

    [Fact]
    public void A_month_is_computed_with_every_part_explained()
    {
        var month = D("2026-04-01");
        var r = PayrollCalculator.Compute(Input(month,
            [Cadre(1, "secretary", "2015-01-01", rank: 11), Cadre(2, "deputy-director", "2026-04-16"), Cadre(3, "first-secretary", "2025-01-01"),
             Cadre(4, "committee-member", "2000-01-01", "2020-06-30", CadreStatus.DepartedNormally, birth: "1960-01-01")],
            new() { [1] = 92, [3] = 80 },
            [new RankChange { Id = 1, CadreId = 1, RegionCode = "x", FromRank = 11, ToRank = 10, EffectiveFrom = D("2026-05-01"), Reason = "晋升", DecidedBy = "c" }],
            [new DueReward(1, 10_000_00, "2025 年度担当作为好支书奖励")]));
        var byId = r.Lines.ToDictionary(l => l.CadreId);
        var l1 = byId[1];
        (l1.BaseFen, l1.AllowanceFen, l1.PerformanceFen, l1.RewardFen, l1.Rank).ShouldBe((3_000_00L, 200_00L, 960_00L, 10_000_00L, (int?)11)); // next month's promotion not yet
        l1.TotalFen.ShouldBe(14_160_00);
        l1.Explanation.ShouldContain("系数 1.2");
        l1.Warning.ShouldBeNull();
        var l2 = byId[2];
        (l2.Days, l2.BaseFen, l2.PerformanceFen).ShouldBe((15, 1_275_00L, 0L));
        l2.Warning!.ShouldContain("缺少 2026 年 4 月月度考评得分");
        byId[3].TotalFen.ShouldBe(0);
        byId[3].Explanation.ShouldContain("派出单位");
        byId[4].Kind.ShouldBe(PayLineKind.Retirement);
        byId[4].RetirementFen.ShouldBe(20 * 20_00);
        r.MissingScores.ShouldBe(1);
        r.Warnings.ShouldContain(w => w.Contains("1 名干部缺少"));
        r.TotalFen.ShouldBe(r.Lines.Sum(l => l.TotalFen));

        var again = PayrollCalculator.Compute(Input(month,
            [Cadre(4, "committee-member", "2000-01-01", "2020-06-30", CadreStatus.DepartedNormally, birth: "1960-01-01"), Cadre(3, "first-secretary", "2025-01-01"),
             Cadre(2, "deputy-director", "2026-04-16"), Cadre(1, "secretary", "2015-01-01", rank: 11)],
            new() { [1] = 92, [3] = 80 },
            [new RankChange { Id = 1, CadreId = 1, RegionCode = "x", FromRank = 11, ToRank = 10, EffectiveFrom = D("2026-05-01"), Reason = "晋升", DecidedBy = "c" }],
            [new DueReward(1, 10_000_00, "2025 年度担当作为好支书奖励")]));
        again.Lines.Select(l => l.Fingerprint()).ShouldBe(r.Lines.Select(l => l.Fingerprint()));
    }

    [Fact]
    public void A_post_change_mid_month_splits_the_base_pay()
    {
        var c = Cadre(1, "secretary", "2026-04-11") with
        {
            Posts = [new PostSpan("deputy-secretary", D("2020-01-01"), D("2026-04-10")), new PostSpan("secretary", D("2026-04-11"), null)],
        };
        var line = PayrollCalculator.Compute(Input(D("2026-04-01"), [c], new() { [1] = 85 })).Lines.Single();
        line.BaseFen.ShouldBe(PayRules.Prorate(2_550_00, 10, 30) + PayRules.Prorate(3_000_00, 20, 30));
        line.Days.ShouldBe(30);
        line.PostCode.ShouldBe("secretary");
    }

    private static PayrollRun DraftRun() => new() { RegionCode = "360922106000", Year = 2026, Month = 4, LineCount = 3, MissingScores = 1 };

    [Fact]
    public void Run_states_go_in_order()
    {
        var run = DraftRun();
        Should.Throw<RuleException>(() => run.Approve("c", TestClock.Instant)).Message.ShouldContain("已复核");
        run.MarkReviewed("t", TestClock.Instant);
        Should.Throw<RuleException>(() => run.EnsureDraft());
        Should.Throw<RuleException>(() => run.Approve("c", TestClock.Instant)).Message.ShouldContain("缺少");
        run.Return("请补评分");
        run.State.ShouldBe(PayrollState.Draft);
        run.MissingScores = 0;
        run.MarkReviewed("t", TestClock.Instant);
        Should.Throw<RuleException>(() => run.Lock("c", TestClock.Instant));
        run.Approve("c", TestClock.Instant);
        run.Lock("c", TestClock.Instant);
        run.State.ShouldBe(PayrollState.Locked);
    }

    [Fact]
    public void A_locked_run_refuses_every_change()
    {
        var run = DraftRun();
        run.MissingScores = 0;
        run.MarkReviewed("t", TestClock.Instant);
        run.Approve("c", TestClock.Instant);
        run.Lock("c", TestClock.Instant);
        Should.Throw<RuleException>(() => run.EnsureDraft()).Message.ShouldContain("调整项");
        Should.Throw<RuleException>(() => run.MarkReviewed("t", TestClock.Instant));
        Should.Throw<RuleException>(() => run.Return("x"));
        Should.Throw<RuleException>(() => run.Approve("c", TestClock.Instant));
        Should.Throw<RuleException>(() => run.Lock("c", TestClock.Instant));
    }

    [Fact]
    public void An_income_reward_is_shared_then_frozen_on_approval()
    {
        var r = new IncomeReward { RegionCode = "360922106208", Year = 2026, EnteredBy = "v" };
        r.Enter(1_200_000_00, 1_000_000_00, 20, [(1, 30), (2, 15), (3, 15)]);
        r.PoolFen.ShouldBe(40_000_00);
        r.Shares.Sum(s => s.AmountFen).ShouldBe(40_000_00);
        r.SetWeights([(1, 0), (2, 0)]);
        Should.Throw<RuleException>(() => r.Approve(2027, 1, "t", TestClock.Instant)).Message.ShouldContain("权重全为 0");
        r.SetWeights([(1, 1), (2, 1)]);
        r.Shares.Select(s => s.AmountFen).ShouldBe([20_000_00L, 20_000_00L]);
        r.Approve(2027, 1, "t", TestClock.Instant);
        Should.Throw<RuleException>(() => r.SetWeights([(1, 1)]));
        Should.Throw<RuleException>(() => r.Enter(1, 0, 20, []));
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(50L, "0.50")]
    [InlineData(-50L, "-0.50")]
    [InlineData(-5L, "-0.05")]
    [InlineData(100L, "1.00")]
    [InlineData(99_999L, "999.99")]
    [InlineData(100_000L, "1,000.00")]
    [InlineData(1_000_000_00L, "1,000,000.00")]
    [InlineData(-123_456_789L, "-1,234,567.89")]
    [InlineData(long.MaxValue, "92,233,720,368,547,758.07")]
    [InlineData(long.MinValue, "-92,233,720,368,547,758.08")]
    public void Yuan_writes_two_decimals_and_thousands_commas(long fen, string expected) => PayRules.Yuan(fen).ShouldBe(expected);

    [Fact]
    public void Yuan_is_the_invariant_decimal_format_for_every_magnitude_and_sign()
    {
        var amounts = new List<long> { 0, 1, -1, 99, -99, 100, -100, 999_99, 1_000_00, -1_000_00 };
        for (long p = 10; p <= 1_000_000_000_000_000_000; p *= 10) amounts.AddRange([p - 1, p, p + 1, -(p - 1), -p, -(p + 1), p * 7 / 3, -(p * 7 / 3)]);
        var random = new Random(2026);
        for (var i = 0; i < 5_000; i++) amounts.Add(random.NextInt64(-10_000_000_000, 10_000_000_000));
        foreach (var fen in amounts)
            PayRules.Yuan(fen).ShouldBe((fen / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), $"fen {fen}");
    }
}
