using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Reserves;

namespace Cunzhi.Domain.Tests;

public sealed class ReserveTests
{
    private const string Naoping = "360922106208";
    private const string Sanxing = "360922106000";
    private static readonly VacantPost[] BothVacant = [VacantPost.Secretary, VacantPost.Director];

    private static ReserveCadre Candidate(string region = Naoping, bool party = true) => new()
    {
        RegionCode = region, Name = "钟晓东", Gender = Gender.Male, BirthDate = new DateOnly(1995, 4, 2), EducationCode = "bachelor",
        IsPartyMember = party, Source = ReserveSource.ReturningYouth, Channel = RecommendationChannel.UnitParty,
        Recommender = "三兴镇党委", RecommendedDate = new DateOnly(2025, 3, 1),
    };

    [Theory]
    [InlineData(ReviewOutcome.Keep)]
    [InlineData(ReviewOutcome.Promote)]
    [InlineData(ReviewOutcome.Remove)]
    public void A_review_is_recorded(ReviewOutcome outcome)
    {
        var r = Candidate();
        var review = r.Review(new DateOnly(2025, 9, 1), " 组织委员 ", outcome, "表现情况");
        r.Reviews.ShouldHaveSingleItem().ShouldBeSameAs(review);
        (review.Reviewer, review.RegionCode, r.LatestOutcome()).ShouldBe(("组织委员", Naoping, outcome));
    }

    [Theory]
    [InlineData(ReviewOutcome.Keep, ReserveStatus.Active)]
    [InlineData(ReviewOutcome.Promote, ReserveStatus.Active)]
    [InlineData(ReviewOutcome.Remove, ReserveStatus.Removed)]
    public void Only_a_removal_review_closes_the_record(ReviewOutcome outcome, ReserveStatus status)
    {
        var r = Candidate();
        r.Review(new DateOnly(2025, 9, 1), " 组织委员 ", outcome, "表现情况");
        r.Status.ShouldBe(status);
        r.ClosedDate.ShouldBe(status == ReserveStatus.Removed ? new DateOnly(2025, 9, 1) : null);
    }

    [Theory]
    [InlineData("2025-02-28", "组织委员", ReviewOutcome.Keep, null, "不能早于推荐日期")]
    [InlineData("2025-05-31", "组织委员", ReviewOutcome.Keep, null, "不能早于上一次研判（2025-06-01）")]
    [InlineData("2025-09-01", " ", ReviewOutcome.Keep, null, "请填写研判人")]
    [InlineData("2025-09-01", "组织委员", ReviewOutcome.Remove, " ", "绌退须写明原因")]
    [InlineData("2025-09-01", "组织委员", (ReviewOutcome)9, null, "请选择研判结果")]
    public void Reviews_that_make_no_sense_are_refused(string date, string reviewer, ReviewOutcome outcome, string? note, string message)
    {
        var r = Candidate();
        r.Review(new DateOnly(2025, 6, 1), "组织委员", ReviewOutcome.Keep, null);
        Should.Throw<RuleException>(() => r.Review(DateOnly.Parse(date), reviewer, outcome, note)).Message.ShouldContain(message);
        (r.Reviews.Count, r.Status).ShouldBe((1, ReserveStatus.Active));
    }

    [Theory]
    [InlineData(ReserveStatus.Promoted, "已任用")]
    [InlineData(ReserveStatus.Removed, "已退出")]
    public void A_closed_record_is_neither_reviewed_nor_edited(ReserveStatus status, string message)
    {
        var r = Candidate();
        r.Status = status;
        Should.Throw<RuleException>(() => r.Review(new DateOnly(2025, 9, 1), "组织委员", ReviewOutcome.Keep, null)).Message.ShouldContain(message);
        Should.Throw<RuleException>(r.EnsureEditable).Message.ShouldContain(message);
        r.Reviews.ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> Appointments => new()
    {
        // reserve pool, village appointed to, post
        { Naoping, Naoping, "secretary-director" },
        { Naoping, Naoping, "committee-member" },
        { Sanxing, Naoping, "director" },
        { Sanxing, "360922106200", "secretary" },
    };

    [Theory, MemberData(nameof(Appointments))]
    public void Appointment_creates_an_entry_rank_cadre_with_an_open_post(string pool, string village, string post)
    {
        var r = Candidate(pool);
        var cadre = r.Appoint(village, post, new DateOnly(2026, 1, 5), 12, BothVacant);
        (cadre.RegionCode, cadre.Name, cadre.Gender, cadre.BirthDate, cadre.EducationCode, cadre.IsPartyMember)
            .ShouldBe((village, r.Name, r.Gender, r.BirthDate, r.EducationCode, true));
        (cadre.Rank, cadre.Origin, cadre.Status, cadre.PostCode, cadre.StartDate, cadre.Term)
            .ShouldBe((Cadre.EntryRank, CadreOrigin.Elected, CadreStatus.InOffice, post, new DateOnly(2026, 1, 5), (int?)12));
        var open = cadre.Posts.ShouldHaveSingleItem();
        (open.PostCode, open.StartDate, open.EndDate, open.RegionCode, open.Term).ShouldBe((post, new DateOnly(2026, 1, 5), (DateOnly?)null, village, (int?)12));
    }

    [Theory, MemberData(nameof(Appointments))]
    public void Appointment_closes_the_reserve_record(string pool, string village, string post)
    {
        var r = Candidate(pool);
        var cadre = r.Appoint(village, post, new DateOnly(2026, 1, 5), 12, BothVacant);
        (r.Status, r.ClosedDate).ShouldBe((ReserveStatus.Promoted, (DateOnly?)new DateOnly(2026, 1, 5)));
        r.PromotedCadre.ShouldBeSameAs(cadre);
    }

    [Theory]
    [InlineData(Naoping, "360922106200", "director", true, "只能任用到本村")]
    [InlineData(Sanxing, "360922200201", "director", true, "只能任用到本村")]
    [InlineData(Sanxing, Sanxing, "director", true, "只能任用到本村")]
    [InlineData(Naoping, Naoping, "chief", true, "请选择有效的职务")]
    [InlineData(Naoping, Naoping, "first-secretary", true, "上级选派")]
    [InlineData(Naoping, Naoping, "secretary", false, "须为中共党员")]
    [InlineData(Naoping, Naoping, "deputy-secretary", false, "须为中共党员")]
    [InlineData(Naoping, Naoping, "secretary-director", false, "须为中共党员")]
    public void Appointments_outside_the_rules_are_refused_and_change_nothing(string pool, string village, string post, bool party, string message)
    {
        var r = Candidate(pool, party);
        Should.Throw<RuleException>(() => r.Appoint(village, post, new DateOnly(2026, 1, 5), 12, BothVacant)).Message.ShouldContain(message);
        (r.Status, r.ClosedDate, r.PromotedCadre).ShouldBe((ReserveStatus.Active, (DateOnly?)null, (Cadre?)null));
    }

    [Fact]
    public void Appointment_before_the_recommendation_is_refused() =>
        Should.Throw<RuleException>(() => Candidate().Appoint(Naoping, "director", new DateOnly(2025, 2, 1), null, BothVacant))
            .Message.ShouldContain("不能早于推荐日期（2025-03-01）");

    [Theory]
    [InlineData(ReserveStatus.Promoted, "不能重复任用")]
    [InlineData(ReserveStatus.Removed, "已退出，不能任用")]
    public void Only_a_candidate_in_the_pool_is_appointed(ReserveStatus status, string message)
    {
        var r = Candidate();
        r.Status = status;
        Should.Throw<RuleException>(() => r.Appoint(Naoping, "director", new DateOnly(2026, 1, 5), null, BothVacant)).Message.ShouldContain(message);
        r.PromotedCadre.ShouldBeNull();
    }

    [Fact]
    public void A_candidate_appointed_once_cannot_be_appointed_again()
    {
        var r = Candidate();
        r.Appoint(Naoping, "director", new DateOnly(2026, 1, 5), null, BothVacant);
        Should.Throw<RuleException>(() => r.Appoint(Naoping, "committee-member", new DateOnly(2026, 2, 5), null, BothVacant)).Message.ShouldContain("不能重复任用");
    }

    [Theory]
    [InlineData("", "Secretary,Director")]
    [InlineData("secretary-director,deputy-secretary", "")]
    [InlineData("secretary,committee-member", "Director")]
    [InlineData("director,first-secretary", "Secretary")]
    [InlineData("secretary,director", "")]
    [InlineData("deputy-secretary,deputy-director,committee-member,first-secretary", "Secretary,Director")]
    public void Vacant_leading_posts_follow_the_posts_in_office(string inOffice, string vacant) =>
        VillageVacancies.Of(inOffice.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ShouldBe(vacant.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<VacantPost>));

    [Theory]
    [InlineData("secretary", "Secretary", null)]
    [InlineData("secretary", "Director", "党组织书记职务不空缺")]
    [InlineData("director", "Secretary", "村（居）委会主任职务不空缺")]
    [InlineData("secretary-director", "Secretary,Director", null)]
    [InlineData("secretary-director", "Secretary", "两个职务都空缺")]
    [InlineData("secretary-director", "", "党组织书记、村（居）委会主任")]
    [InlineData("committee-member", "", null)]
    [InlineData("deputy-secretary", "", null)]
    public void A_leading_post_is_filled_only_when_vacant(string post, string vacant, string? message)
    {
        var conflict = VillageVacancies.Conflict(post, vacant.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<VacantPost>).ToList());
        if (message is null) conflict.ShouldBeNull();
        else conflict.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void Appointment_to_a_filled_leading_post_is_refused()
    {
        var r = Candidate();
        Should.Throw<RuleException>(() => r.Appoint(Naoping, "secretary", new DateOnly(2026, 1, 5), null, [VacantPost.Director]))
            .Message.ShouldContain("不空缺");
        r.Status.ShouldBe(ReserveStatus.Active);
    }
}
