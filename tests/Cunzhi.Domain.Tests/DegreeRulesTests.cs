using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class DegreeRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("江西开放大学", "bachelor", "行政管理", "2025-09-01", "2028-07-01", null)]
    [InlineData("", "bachelor", "行政管理", "2025-09-01", "2028-07-01", "degree.school")]
    [InlineData("江西开放大学", "senior", "行政管理", "2025-09-01", "2028-07-01", "degree.level")]
    [InlineData("江西开放大学", "doctor", "行政管理", "2025-09-01", "2028-07-01", "degree.level")]
    [InlineData("江西开放大学", "college", " ", "2025-09-01", "2028-07-01", "degree.major")]
    [InlineData("江西开放大学", "postgraduate", "法律", "2025-09-01", "2025-09-01", "degree.dates")]
    [InlineData("江西开放大学", "postgraduate", "法律", "2025-09-01", "2024-07-01", "degree.dates")]
    [InlineData("江西开放大学", "postgraduate", "法律", "2025-09-01", "2034-09-02", "degree.dates")]
    public void An_enrolment_is_refused_for_each_missing_or_wrong_part(string school, string level, string major, string start, string end, string? code) =>
        DegreeRules.ProgrammeProblems(school, level, major, DateOnly.Parse(start), DateOnly.Parse(end)).Select(p => p.Code)
            .ShouldBe(code is null ? [] : [code]);

    [Theory]
    [InlineData(1, null)]
    [InlineData(100_000_000, null)]
    [InlineData(0, "money.amount")]
    [InlineData(-5, "money.amount")]
    [InlineData(100_000_001, "money.amount")]
    public void An_amount_must_be_above_zero_and_at_most_a_million_yuan(long fen, string? code) =>
        DegreeRules.AmountProblems(fen, "F", "金额").Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    // share %, yearly cap, programme cap (yuan), tuition, year so far, programme so far (fen) → reimbursed fen or the refusal
    [Theory]
    [InlineData(50, 3000, 10000, 200_000, 0, 0, 100_000L, null)]
    [InlineData(50, 3000, 10000, 600_000, 0, 0, 300_000L, null)]          // exactly the yearly cap
    [InlineData(50, 3000, 10000, 600_002, 0, 0, null, "超出报销上限，本年度剩余可报销 3,000.00 元")]
    [InlineData(50, 3000, 10000, 400_000, 180_000, 0, null, "超出报销上限，本年度剩余可报销 1,200.00 元")]
    [InlineData(50, 3000, 10000, 240_000, 180_000, 0, 120_000L, null)]
    [InlineData(50, 3000, 10000, 200_000, 0, 950_000, null, "超出报销上限，该学历项目剩余可报销 500.00 元")]
    [InlineData(50, 0, 0, 9_000_000, 5_000_000, 5_000_000, 4_500_000L, null)]   // no caps
    [InlineData(30, 3000, 0, 333, 0, 0, 100L, null)]                         // 99.9 fen rounds to 100
    [InlineData(100, 3000, 0, 300_000, 300_000, 0, null, "超出报销上限，本年度剩余可报销 0.00 元")]
    public void A_claim_is_reimbursed_at_the_share_within_both_caps(int share, int capYear, int capProgramme, long tuition, long yearSoFar, long programmeSoFar, long? expected, string? refusal)
    {
        var policy = new DegreeSupportPolicy { CountyCode = "360922000000", SharePercent = share, CapPerYearYuan = capYear, CapPerProgrammeYuan = capProgramme };
        if (expected is { } e) DegreeRules.Reimbursement(policy, tuition, yearSoFar, programmeSoFar).ShouldBe(e);
        else Should.Throw<RuleException>(() => DegreeRules.Reimbursement(policy, tuition, yearSoFar, programmeSoFar)).Message.ShouldBe(refusal);
    }

    [Theory]
    [InlineData("senior", "college", true)]
    [InlineData("college", "bachelor", true)]
    [InlineData("bachelor", "bachelor", false)]
    [InlineData("postgraduate", "bachelor", false)]
    [InlineData("unknown", "college", true)]
    public void Graduating_raises_the_education_only_to_a_higher_level(string current, string level, bool raises) =>
        DegreeRules.Raises(current, level).ShouldBe(raises);

    [Theory]
    [InlineData(DegreeStatus.Studying, DegreeStatus.Graduated, "2026-07-01", null)]
    [InlineData(DegreeStatus.Studying, DegreeStatus.DroppedOut, "2026-12-07", null)]
    [InlineData(DegreeStatus.Studying, DegreeStatus.Studying, "2026-07-01", "degree.status")]
    [InlineData(DegreeStatus.Graduated, DegreeStatus.DroppedOut, "2026-07-01", "degree.finished")]
    [InlineData(DegreeStatus.DroppedOut, DegreeStatus.Graduated, "2026-07-01", "degree.finished")]
    [InlineData(DegreeStatus.Studying, DegreeStatus.Graduated, "2025-08-31", "degree.finish_date")]
    [InlineData(DegreeStatus.Studying, DegreeStatus.Graduated, "2026-12-08", "degree.finish_date")]
    public void A_programme_is_finished_once_between_its_start_and_today(DegreeStatus from, DegreeStatus to, string on, string? code)
    {
        var p = Programme(from);
        var act = () => DegreeRules.EnsureCanFinish(p, to, DateOnly.Parse(on), Today);
        if (code is null) act();
        else Should.Throw<RuleException>(act).Problems.Single().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(DegreeStatus.Studying, null)]
    [InlineData(DegreeStatus.Graduated, null)]
    [InlineData(DegreeStatus.DroppedOut, "degree.dropped")]
    public void A_dropped_out_programme_takes_no_claim(DegreeStatus status, string? code)
    {
        var act = () => DegreeRules.EnsureClaimable(Programme(status));
        if (code is null) act();
        else Should.Throw<RuleException>(act).Problems.Single().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(50, 3000, 10000, 0)]
    [InlineData(0, 3000, 10000, 1)]
    [InlineData(101, 3000, 10000, 1)]
    [InlineData(50, -1, 10000, 1)]
    [InlineData(50, 3000, 1_000_001, 1)]
    [InlineData(0, -1, -1, 3)]
    public void A_policy_lists_each_number_out_of_range(int share, int capYear, int capProgramme, int problems) =>
        new DegreeSupportPolicy { CountyCode = "360922000000", SharePercent = share, CapPerYearYuan = capYear, CapPerProgrammeYuan = capProgramme }
            .Problems().Count.ShouldBe(problems);

    [Theory]
    [InlineData("家里房屋受灾", 50_000, null)]
    [InlineData("", 50_000, "assist.description")]
    [InlineData("家里房屋受灾", 0, "money.amount")]
    [InlineData("家里房屋受灾", 100_000_001, "money.amount")]
    public void An_application_is_refused_for_each_missing_or_wrong_part(string description, long fen, string? code) =>
        DegreeRules.AssistanceProblems(description, fen).Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void A_description_longer_than_the_limit_is_refused() =>
        DegreeRules.AssistanceProblems(new string('困', HardshipAssistance.MaxDescription + 1), 100).Select(p => p.Code).ShouldBe(["assist.description"]);

    // approve?, granted fen, reason → the refusal code or the new state
    [Theory]
    [InlineData(true, 50_000L, null, null, AssistanceStatus.Approved)]
    [InlineData(true, 1L, null, null, AssistanceStatus.Approved)]
    [InlineData(true, 50_001L, null, "assist.granted", AssistanceStatus.Recommended)]
    [InlineData(true, 0L, null, "assist.granted", AssistanceStatus.Recommended)]
    [InlineData(true, null, null, "assist.granted", AssistanceStatus.Recommended)]
    [InlineData(false, null, "不符合条件", null, AssistanceStatus.Rejected)]
    [InlineData(false, null, " ", "assist.reason", AssistanceStatus.Recommended)]
    public void The_county_grants_at_most_the_amount_requested_or_rejects_with_a_reason(bool approve, long? granted, string? reason, string? code, AssistanceStatus after)
    {
        var a = Application(AssistanceStatus.Recommended);
        var act = () => DegreeRules.Decide(a, approve, granted, reason, "county.admin", DateTime.UnixEpoch);
        if (code is null) act();
        else Should.Throw<RuleException>(act).Problems.Single().Code.ShouldBe(code);
        a.Status.ShouldBe(after);
    }

    [Theory]
    [InlineData(AssistanceStatus.Approved)]
    [InlineData(AssistanceStatus.Rejected)]
    public void A_decided_application_is_not_decided_again(AssistanceStatus status) =>
        Should.Throw<RuleException>(() => DegreeRules.Decide(Application(status), true, 100, null, "county.admin", DateTime.UnixEpoch))
            .Problems.Single().Code.ShouldBe("assist.decided");

    private static DegreeProgramme Programme(DegreeStatus status) => new()
    {
        RegionCode = "360922106208", CadreId = 1, School = "江西开放大学", LevelCode = "bachelor", Major = "行政管理",
        StartDate = new(2025, 9, 1), EndDate = new(2028, 7, 1), Status = status, CreatedBy = "town.sanxing",
    };

    private static HardshipAssistance Application(AssistanceStatus status) => new()
    {
        RegionCode = "360922106208", CadreId = 1, Reason = AssistanceReason.Disaster, Description = "房屋受灾", RequestedFen = 50_000,
        Status = status, RecommendedBy = "town.sanxing",
    };
}

public sealed class TuitionClaimRulesTests
{
    [Theory]
    [InlineData(2026, "2026 年春季学期", 300_000, null)]
    [InlineData(2025, "秋季", 1, null)]
    [InlineData(2028, "春季", 1, null)]
    [InlineData(2024, "春季", 300_000, "degree.year")]
    [InlineData(2029, "春季", 300_000, "degree.year")]
    [InlineData(2026, "", 300_000, "degree.term")]
    [InlineData(2026, "春季", 0, "money.amount")]
    [InlineData(2026, "春季", 100_000_001, "money.amount")]
    public void A_claim_is_refused_for_each_missing_or_wrong_part(int year, string term, long fen, string? code)
    {
        var p = new DegreeProgramme
        {
            RegionCode = "360922106208", CadreId = 1, School = "江西开放大学", LevelCode = "bachelor", Major = "行政管理",
            StartDate = new(2025, 9, 1), EndDate = new(2028, 7, 1), CreatedBy = "town.sanxing",
        };
        DegreeRules.ClaimProblems(p, year, term, fen).Select(x => x.Code).ShouldBe(code is null ? [] : [code]);
    }
}
