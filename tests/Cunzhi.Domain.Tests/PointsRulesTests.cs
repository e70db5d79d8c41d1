using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;

namespace Cunzhi.Domain.Tests;

public sealed class PointsRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTime At = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly PointsItem Earn = new("A01", "义务劳动", PointsSign.Earn, 3, PointsHolderKind.Household, false, 9);
    private static readonly PointsItem Deduct = new("B01", "乱倒垃圾", PointsSign.Deduct, 4, PointsHolderKind.Household, true, null);

    private static PointsEntry Entry(PointsEntryState state = PointsEntryState.Proposed, string by = "village.a", int points = 3) => new()
    {
        RegionCode = "360922106208", HolderName = "张三", ItemCode = "A01", ItemName = "义务劳动", ProposedBy = by, Points = points, State = state,
        Year = 2026, Date = D("2026-12-01"),
    };

    [Theory]
    // sign, requested → signed points, or the message
    [InlineData(true, null, "3")]
    [InlineData(true, "3", "3")]
    [InlineData(false, null, "-4")]
    [InlineData(false, "4", "-4")]
    [InlineData(true, "-3", "分值须为正整数：加分还是扣分由条目决定")]
    [InlineData(false, "-4", "分值须为正整数：加分还是扣分由条目决定")]
    [InlineData(true, "0", "分值须为正整数：加分还是扣分由条目决定")]
    [InlineData(true, "2.5", "分值须为整数")]
    [InlineData(true, "5", "条目“义务劳动”的分值固定为 3 分")]
    public void The_rule_fixes_sign_and_amount(bool earn, string? requested, string expected)
    {
        var item = earn ? Earn : Deduct;
        var r = requested is null ? (decimal?)null : decimal.Parse(requested, System.Globalization.CultureInfo.InvariantCulture);
        string result;
        try { result = PointsRules.SignedPoints(item, r).ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (RuleException e) { result = e.Message; }
        result.ShouldBe(expected);
    }

    [Theory]
    // used, points, cap → allowed
    [InlineData(0, 3, 9, true)]
    [InlineData(6, 3, 9, true)]
    [InlineData(7, 3, 9, false)]
    [InlineData(9, 3, 9, false)]
    [InlineData(100, -4, null, true)]
    [InlineData(5, -4, 9, true)]
    [InlineData(6, -4, 9, false)]
    public void The_cap_per_year_per_rule_counts_absolute_points(int used, int points, int? cap, bool allowed)
    {
        var item = Earn with { YearCap = cap };
        var ok = true;
        try { PointsRules.CheckCap(item, used, points); } catch (RuleException) { ok = false; }
        ok.ShouldBe(allowed);
    }

    [Theory]
    // balance, points, allow negative → applied
    [InlineData(10, 3, false, 3)]
    [InlineData(10, -4, false, -4)]
    [InlineData(3, -4, false, -3)]
    [InlineData(0, -4, false, 0)]
    [InlineData(-2, -4, false, 0)]
    [InlineData(3, -4, true, -4)]
    [InlineData(-2, -4, true, -4)]
    [InlineData(-2, 5, false, 5)]
    public void A_deduction_stops_at_zero_unless_the_county_allows_negative(int balance, int points, bool allowNegative, int applied) =>
        PointsRules.Applied(balance, points, allowNegative).ShouldBe(applied);

    [Theory]
    // closing, rule, percent → carried
    [InlineData(50, CarryOverRule.None, 0, 0)]
    [InlineData(50, CarryOverRule.All, 0, 50)]
    [InlineData(50, CarryOverRule.Share, 50, 25)]
    [InlineData(51, CarryOverRule.Share, 50, 25)]
    [InlineData(-6, CarryOverRule.Share, 50, -6)]
    [InlineData(-6, CarryOverRule.None, 0, 0)]
    [InlineData(-6, CarryOverRule.All, 0, -6)]
    public void Carry_over_follows_the_county_rule(int closing, CarryOverRule rule, int percent, int carried) =>
        PointsRules.Carry(closing, rule, percent).ShouldBe(carried);

    [Fact]
    public void A_statement_carries_each_year_under_that_years_rule()
    {
        var rows = new[]
        {
            new PointsBalance { RegionCode = "v", Year = 2024, Earned = 40, Deducted = 0 },
            new PointsBalance { RegionCode = "v", Year = 2026, Earned = 10, Deducted = 4 },
        };
        // 2025 and 2026 under 50 % share: 2024 closes 40, 2025 opens 20 and closes 20, 2026 opens 10 and closes 16.
        var s = PointsRules.Statement(rows, 2026, _ => (CarryOverRule.Share, 50));
        s.Select(y => (y.Year, y.CarriedIn, y.Balance)).ShouldBe([(2024, 0, 40), (2025, 20, 20), (2026, 10, 16)]);
        PointsRules.Statement(rows, 2026, y => y >= 2026 ? (CarryOverRule.None, 0) : (CarryOverRule.All, 0)).Last().Balance.ShouldBe(6);
        PointsRules.Statement([], 2026, _ => (CarryOverRule.All, 0)).ShouldBeEmpty();
    }

    [Theory]
    // state, approver → the message, or "" when approved
    [InlineData(PointsEntryState.Proposed, "village.b", "")]
    [InlineData(PointsEntryState.Proposed, "village.a", "不能审核自己提出的积分记录，请由村两委其他成员审核")]
    [InlineData(PointsEntryState.Proposed, "VILLAGE.A", "不能审核自己提出的积分记录，请由村两委其他成员审核")]
    [InlineData(PointsEntryState.Publicity, "village.b", "该积分记录正在公示，不能审核")]
    [InlineData(PointsEntryState.Rejected, "village.b", "该积分记录未通过审核，不能审核")]
    [InlineData(PointsEntryState.InForce, "village.b", "该积分记录已生效，不能审核")]
    public void Only_another_member_approves_a_pending_entry(PointsEntryState state, string approver, string expected)
    {
        var e = Entry(state);
        string result;
        try { PointsRules.Approve(e, approver, D("2026-12-03"), 5, At); result = ""; }
        catch (RuleException x) { result = x.Message; }
        result.ShouldBe(expected);
        if (expected == "") (e.State, e.PublicityFrom, e.PublicityUntil).ShouldBe((PointsEntryState.Publicity, D("2026-12-03"), D("2026-12-07")));
        else e.State.ShouldBe(state);
    }

    [Theory]
    // today (公示 2026-12-03 … 12-07), pending objections → due
    [InlineData("2026-12-07", 0, false)]
    [InlineData("2026-12-08", 0, true)]
    [InlineData("2026-12-08", 1, false)]
    [InlineData("2027-01-20", 0, true)]
    public void A_posted_entry_comes_into_force_after_the_last_day_with_no_objection_pending(string today, int pending, bool due)
    {
        var e = Entry();
        PointsRules.Approve(e, "village.b", D("2026-12-03"), 5, At);
        e.PendingObjections = pending;
        PointsRules.IsDue(e, D(today)).ShouldBe(due);
        if (due)
        {
            PointsRules.ComeIntoForce(e, D(today), 3);
            (e.State, e.InForceOn, e.AppliedPoints).ShouldBe((PointsEntryState.InForce, D("2026-12-08"), 3));
        }
    }

    [Theory]
    // today → the message, or "" when the objection is taken
    [InlineData("2026-12-03", "")]
    [InlineData("2026-12-07", "")]
    [InlineData("2026-12-08", "公示已于 2026-12-07 结束，不能再提出异议")]
    public void An_objection_is_taken_only_during_publicity(string today, string expected)
    {
        var e = Entry();
        PointsRules.Approve(e, "village.b", D("2026-12-03"), 5, At);
        string result;
        try { PointsRules.RaiseObjection(e, D(today)); result = ""; }
        catch (RuleException x) { result = x.Message; }
        result.ShouldBe(expected);
        e.PendingObjections.ShouldBe(expected == "" ? 1 : 0);
    }

    [Theory]
    [InlineData(true, PointsEntryState.Void)]
    [InlineData(false, PointsEntryState.Publicity)]
    public void A_reviewed_objection_voids_or_releases_the_entry(bool upheld, PointsEntryState after)
    {
        var e = Entry();
        PointsRules.Approve(e, "village.b", D("2026-12-03"), 5, At);
        PointsRules.RaiseObjection(e, D("2026-12-04"));
        var o = new PointsObjection { RegionCode = e.RegionCode, ObjectorName = "李四", Reason = "不属实", RecordedBy = "village.a" };
        PointsRules.Review(e, o, upheld, "village.b", "核实", At);
        (e.State, e.PendingObjections).ShouldBe((after, 0));
        o.Outcome.ShouldBe(upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed);
        Should.Throw<RuleException>(() => PointsRules.Review(e, o, upheld, "village.b", null, At)).Message.ShouldBe("该异议已复核");
    }

    [Fact]
    public void A_reversal_moves_the_opposite_of_what_was_counted()
    {
        var e = Entry(PointsEntryState.InForce, points: -4);
        (e.Id, e.AppliedPoints) = (7, -3);
        var r = PointsRules.Reverse(e, " 记错户 ", "village.b", D("2026-12-10"), At);
        (r.Points, r.AppliedPoints, r.ReversesId, r.Year, r.State, r.ReversalReason).ShouldBe((3, 3, 7L, 2026, PointsEntryState.InForce, "记错户"));
    }

    [Theory]
    // state, already reversed, is a reversal, reason → the message
    [InlineData(PointsEntryState.InForce, true, false, "理由", "该积分记录已冲销过，不能重复冲销")]
    [InlineData(PointsEntryState.InForce, false, true, "理由", "冲销记录不能再冲销")]
    [InlineData(PointsEntryState.Publicity, false, false, "理由", "该积分记录正在公示，只有已生效的记录才能冲销")]
    [InlineData(PointsEntryState.Void, false, false, "理由", "该积分记录已作废，只有已生效的记录才能冲销")]
    [InlineData(PointsEntryState.InForce, false, false, " ", "请填写冲销理由")]
    public void A_reversal_is_refused(PointsEntryState state, bool reversed, bool isReversal, string reason, string expected)
    {
        var e = Entry(state);
        if (reversed) e.IsReversed = true;
        if (isReversal) e.ReversesId = 8;
        Should.Throw<RuleException>(() => PointsRules.Reverse(e, reason, "village.b", D("2026-12-10"), At)).Message.ShouldBe(expected);
    }

    [Theory]
    // applied, reversal → earned, deducted (from 10 earned, 4 deducted)
    [InlineData(3, false, 13, 4)]
    [InlineData(-2, false, 10, 6)]
    [InlineData(0, false, 10, 4)]
    [InlineData(-3, true, 7, 4)]
    [InlineData(4, true, 10, 0)]
    public void A_running_row_counts_entries_and_reversals_on_their_side(int applied, bool reversal, int earned, int deducted)
    {
        var row = new PointsBalance { RegionCode = "v", Earned = 10, Deducted = 4, Entries = 2 };
        PointsRules.Count(row, applied, reversal);
        (row.Earned, row.Deducted, row.Entries).ShouldBe((earned, deducted, 3));
    }

    [Theory]
    // points, cap, code → problems joined by '|'
    [InlineData(5, 20, "C01", "")]
    [InlineData(11, 20, "C01", "村级条目分值不能超过县级规定的 10 分")]
    [InlineData(5, 60, "C01", "村级条目年度上限不能超过县级规定的 50 分")]
    [InlineData(5, null, "C01", "村级条目须设年度上限")]
    [InlineData(5, 20, "A01", "编号 A01 已是县级条目，请换一个编号")]
    [InlineData(5, 20, "C02", "编号 C02 本村已用过，请换一个编号")]
    [InlineData(0, 20, "C01", "村级条目：分值应为 1 至 1000 的整数")]
    public void A_village_item_stays_within_the_county_limits(int points, int? cap, string code, string expected)
    {
        var county = new PointsPolicy { CountyCode = "360922000000", Items = PointsPolicy.DefaultItems() };
        var item = new PointsItem(code, "村规民约", PointsSign.Earn, points, PointsHolderKind.Household, false, cap);
        string.Join('|', PointsRules.VillageItemProblems(item, county, ["C02"], 3)).ShouldBe(expected);
    }

    [Fact]
    public void A_village_may_not_keep_more_items_than_the_county_allows()
    {
        var county = new PointsPolicy { CountyCode = "360922000000", Items = PointsPolicy.DefaultItems(), VillageItemMaxCount = 3 };
        var item = new PointsItem("C09", "村规民约", PointsSign.Earn, 2, PointsHolderKind.Household, false, 10);
        PointsRules.VillageItemProblems(item, county, [], 3).ShouldBe(["本村自定条目已有 3 项，县级规定最多 3 项"]);
    }

    [Theory]
    // effective, today, latest published → the message, or ""
    [InlineData("2026-12-03", "2026-12-03", null, "")]
    [InlineData("2026-12-02", "2026-12-03", null, "生效日期不能早于今天（2026-12-03）：已记录的积分按当时的细则计算，不能改写")]
    [InlineData("2026-12-05", "2026-12-03", "2026-12-05", "生效日期须晚于第 1 版的生效日期（2026-12-05）")]
    [InlineData("2026-12-06", "2026-12-03", "2026-12-05", "")]
    public void Publishing_never_rewrites_history(string effective, string today, string? latest, string expected)
    {
        var versions = new List<PointsPolicy>();
        if (latest is not null) versions.Add(new PointsPolicy { CountyCode = "c", Version = 1, IsPublished = true, EffectiveFrom = D(latest), Items = PointsPolicy.DefaultItems() });
        var draft = new PointsPolicy { CountyCode = "c", Version = 2, Items = PointsPolicy.DefaultItems() };
        string result;
        try { draft.Publish(D(effective), versions, D(today), "county.admin", At); result = ""; }
        catch (RuleException x) { result = x.Message; }
        result.ShouldBe(expected);
        draft.IsPublished.ShouldBe(expected == "");
    }

    [Theory]
    // publicity days, carry rule, percent, village max points, year cap → problems joined by '|'
    [InlineData(5, CarryOverRule.None, 0, 10, 50, "")]
    [InlineData(0, CarryOverRule.None, 0, 10, 50, "公示天数应在 1 至 30 天之间")]
    [InlineData(5, CarryOverRule.Share, 0, 10, 50, "按比例结转时比例应在 1% 至 99% 之间")]
    [InlineData(5, CarryOverRule.Share, 30, 10, 50, "")]
    [InlineData(5, CarryOverRule.None, 0, 10, 5, "村级自定条目年度上限不能小于分值上限")]
    public void A_catalogue_lists_every_problem(int days, CarryOverRule carry, int percent, int villageMax, int villageCap, string expected)
    {
        var p = new PointsPolicy
        {
            CountyCode = "c", Items = PointsPolicy.DefaultItems(), PublicityDays = days, CarryOver = carry, CarryOverPercent = percent,
            VillageItemMaxPoints = villageMax, VillageItemMaxYearCap = villageCap,
        };
        string.Join('|', p.Problems()).ShouldBe(expected);
    }

    [Fact]
    public void A_catalogue_refuses_duplicate_codes()
    {
        var p = new PointsPolicy { CountyCode = "c", Items = [.. PointsPolicy.DefaultItems(), PointsPolicy.DefaultItems()[0]] };
        p.Problems().ShouldBe(["条目编号 A01 重复"]);
    }
}
