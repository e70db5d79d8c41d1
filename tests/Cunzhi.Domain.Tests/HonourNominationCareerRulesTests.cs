using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

/// <summary>荣誉表彰, 两代表一委员 and 职业发展: every refusal of each, table by table.</summary>
public sealed class HonourNominationCareerRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(CommendationLevel.County, "优秀党务工作者", "县委", 0, null, null)]
    [InlineData(CommendationLevel.National, "全国优秀党务工作者", "中共中央", 0, 500000L, null)]
    [InlineData((CommendationLevel)9, "优秀党务工作者", "县委", 0, null, "care.honour_level")]
    [InlineData(CommendationLevel.City, " ", "市委", 0, null, "care.honour_title")]
    [InlineData(CommendationLevel.City, "优秀", "", 0, null, "care.honour_body")]
    [InlineData(CommendationLevel.City, "优秀", "市委", 1, null, "care.honour_date")]
    [InlineData(CommendationLevel.City, "优秀", "市委", 0, -1L, "care.honour_amount")]
    [InlineData(CommendationLevel.City, "优秀", "市委", 0, Honour.MaxAmountFen + 1, "care.honour_amount")]
    public void An_honour_is_refused_for_each_missing_or_wrong_part(CommendationLevel level, string title, string body, int daysAfterToday, long? fen, string? code) =>
        HonourRules.Problems(level, title, body, Today.AddDays(daysAfterToday), fen, Today).Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void An_honour_with_a_title_too_long_is_refused() =>
        HonourRules.Problems(CommendationLevel.County, new string('优', Honour.MaxTitle + 1), "县委", Today, null, Today).Single().Code.ShouldBe("care.honour_title");

    [Theory]
    [InlineData(CommendationLevel.County, 1)]
    [InlineData(CommendationLevel.City, 2)]
    [InlineData(CommendationLevel.Province, 3)]
    [InlineData(CommendationLevel.National, 5)]
    public void An_honour_gives_the_points_the_policy_gives_its_level(CommendationLevel level, int points) =>
        HonourRules.PointsFor(RankPolicy.Default("360922", new DateOnly(2024, 1, 1), "county.admin", DateTime.UnixEpoch), level).ShouldBe(points);

    [Fact]
    public void An_honour_gives_no_points_without_a_policy() => HonourRules.PointsFor(null, CommendationLevel.Province).ShouldBe(0);

    [Fact]
    public void A_withdrawn_honour_cannot_be_withdrawn_again()
    {
        var h = new Honour { RegionCode = "1", Title = "t", AwardedBy = "b", RecordedBy = "x" };
        h.Withdraw("录入错误", "town", DateTime.UtcNow);
        Should.Throw<Domain.Common.RuleException>(() => h.Withdraw("再次", "town", DateTime.UtcNow)).Message.ShouldContain("不能重复撤销");
    }

    [Fact]
    public void An_honour_is_not_withdrawn_without_a_reason() =>
        Should.Throw<Domain.Common.RuleException>(() => new Honour { RegionCode = "1", Title = "t", AwardedBy = "b", RecordedBy = "x" }.Withdraw(" ", "town", DateTime.UtcNow))
            .Message.ShouldContain("请填写撤销理由");

    [Theory]
    [InlineData(NominationKind.PeoplesCongress, NominationLevel.County, 2021, 2025, NominationStatus.Recommended, null)]
    [InlineData(NominationKind.Cppcc, NominationLevel.Province, 2023, 2023, NominationStatus.Elected, null)]
    [InlineData((NominationKind)0, NominationLevel.County, 2021, 2025, NominationStatus.Recommended, "care.nomination_kind")]
    [InlineData(NominationKind.PartyCongress, (NominationLevel)4, 2021, 2025, NominationStatus.Recommended, "care.nomination_level")]
    [InlineData(NominationKind.PartyCongress, NominationLevel.City, 2021, 2025, (NominationStatus)7, "care.nomination_status")]
    [InlineData(NominationKind.PartyCongress, NominationLevel.City, 1999, 2001, NominationStatus.Recommended, "care.nomination_term")]
    [InlineData(NominationKind.PartyCongress, NominationLevel.City, 2025, 2021, NominationStatus.Recommended, "care.nomination_term")]
    [InlineData(NominationKind.PartyCongress, NominationLevel.City, 2021, 2026, NominationStatus.Recommended, "care.nomination_term")]
    public void A_nomination_is_refused_for_each_wrong_part(NominationKind kind, NominationLevel level, int from, int to, NominationStatus status, string? code) =>
        NominationRules.Problems(kind, level, from, to, status).Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Theory]
    [InlineData(NominationStatus.Elected, null)]
    [InlineData(NominationStatus.NotElected, null)]
    [InlineData(NominationStatus.Recommended, "care.nomination_outcome")]
    public void A_recommendation_is_decided_elected_or_not_elected_only(NominationStatus outcome, string? code)
    {
        var n = new Nomination { RegionCode = "1", RecordedBy = "x" };
        if (code is null) { n.Decide(outcome, "town", DateTime.UtcNow); n.Status.ShouldBe(outcome); }
        else Should.Throw<Domain.Common.RuleException>(() => n.Decide(outcome, "town", DateTime.UtcNow)).Problems.Single().Code.ShouldBe(code);
    }

    [Fact]
    public void A_decided_nomination_is_not_decided_again()
    {
        var n = new Nomination { RegionCode = "1", RecordedBy = "x" };
        n.Decide(NominationStatus.Elected, "town", DateTime.UtcNow);
        Should.Throw<Domain.Common.RuleException>(() => n.Decide(NominationStatus.NotElected, "town", DateTime.UtcNow)).Problems.Single().Code.ShouldBe("care.nomination_decided");
    }

    [Fact]
    public void The_cadre_page_line_names_level_kind_term_and_status() =>
        NominationRules.Line(NominationKind.PeoplesCongress, NominationLevel.County, 2021, 2025, NominationStatus.Elected).ShouldBe("县级人大代表（2021–2025）当选");

    [Theory]
    [InlineData(CareerMoveKind.ProfessionalSecretary, false, false)]
    [InlineData(CareerMoveKind.TownCivilServant, false, true)]
    [InlineData(CareerMoveKind.TownInstitution, false, true)]
    [InlineData(CareerMoveKind.PublicInstitution, false, true)]
    [InlineData(CareerMoveKind.Other, false, false)]
    [InlineData(CareerMoveKind.Other, true, true)]
    public void A_move_leaves_office_by_its_kind(CareerMoveKind kind, bool otherLeaves, bool leaves) =>
        CareerRules.LeavesOffice(kind, otherLeaves).ShouldBe(leaves);

    private static readonly DateOnly PostStart = new(2024, 3, 1);

    [Theory]
    [InlineData(CareerMoveKind.TownCivilServant, false, "2026-06-01", "乡镇人民政府", CadreStatus.InOffice, "director", false, null)]
    [InlineData(CareerMoveKind.ProfessionalSecretary, false, "2026-06-01", "本村", CadreStatus.InOffice, "secretary", false, null)]
    [InlineData(CareerMoveKind.Other, false, "2026-06-01", "外出创业", CadreStatus.DepartedNormally, "director", false, null)]
    [InlineData((CareerMoveKind)0, false, "2026-06-01", "x", CadreStatus.InOffice, "director", false, "care.career_kind")]
    [InlineData(CareerMoveKind.TownCivilServant, false, "2026-06-01", " ", CadreStatus.InOffice, "director", false, "care.career_destination")]
    [InlineData(CareerMoveKind.TownCivilServant, false, "2026-12-08", "乡镇", CadreStatus.InOffice, "director", false, "care.career_date")]
    [InlineData(CareerMoveKind.TownCivilServant, false, "2024-02-29", "乡镇", CadreStatus.InOffice, "director", false, "care.career_date")]
    [InlineData(CareerMoveKind.TownInstitution, false, "2026-06-01", "乡镇", CadreStatus.DepartedNormally, "director", false, "care.career_left")]
    [InlineData(CareerMoveKind.Other, true, "2026-06-01", "县直单位", CadreStatus.Removed, "director", false, "care.career_left")]
    [InlineData(CareerMoveKind.ProfessionalSecretary, false, "2026-06-01", "本村", CadreStatus.DepartedNormally, "secretary", false, "care.career_left")]
    [InlineData(CareerMoveKind.ProfessionalSecretary, false, "2026-06-01", "本村", CadreStatus.InOffice, "director", false, "care.career_post")]
    [InlineData(CareerMoveKind.ProfessionalSecretary, false, "2026-06-01", "本村", CadreStatus.InOffice, "secretary-director", true, "care.career_already")]
    public void A_move_is_refused_for_each_wrong_part(CareerMoveKind kind, bool otherLeaves, string date, string destination, CadreStatus status, string post, bool professional, string? code) =>
        CareerRules.Problems(kind, otherLeaves, DateOnly.Parse(date), destination, status, PostStart, post, professional, Today, "张三")
            .Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void The_departure_reason_names_the_move_and_its_destination() =>
        CareerRules.DepartureReason(CareerMoveKind.TownCivilServant, " 三兴镇人民政府 ").ShouldBe("职业发展：乡镇公务员（三兴镇人民政府）");
}
