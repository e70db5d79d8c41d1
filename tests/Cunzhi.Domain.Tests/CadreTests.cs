using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Tests;

public sealed class CadreTests
{
    private static Cadre Serving(string post = "committee-member", DateOnly? start = null)
    {
        var c = new Cadre { RegionCode = "360922106208", Name = "李明", EducationCode = "college", PostCode = post };
        c.ChangePost(post, start ?? new DateOnly(2021, 3, 1), 12);
        return c;
    }

    [Fact]
    public void A_new_post_closes_the_open_one_the_day_before()
    {
        var c = Serving();
        c.ChangePost("deputy-secretary", new DateOnly(2023, 7, 1), null);
        c.Posts.Count.ShouldBe(2);
        c.Posts[0].EndDate.ShouldBe(new DateOnly(2023, 6, 30));
        c.Posts[1].EndDate.ShouldBeNull();
        (c.PostCode, c.StartDate, c.Term).ShouldBe(("deputy-secretary", new DateOnly(2023, 7, 1), 12));
    }

    [Theory]
    [InlineData("committee-member", "2023-07-01", "相同")]
    [InlineData("director", "2021-03-01", "必须晚于")]
    [InlineData("director", "2020-01-01", "必须晚于")]
    public void Post_changes_that_make_no_sense_are_refused(string post, string from, string message) =>
        Should.Throw<RuleException>(() => Serving().ChangePost(post, DateOnly.Parse(from), null)).Message.ShouldContain(message);

    [Theory]
    [InlineData(CadreStatus.DepartedNormally)]
    [InlineData(CadreStatus.Removed)]
    public void Leaving_office_closes_the_post_on_that_day(CadreStatus how)
    {
        var c = Serving();
        c.Depart(how, new DateOnly(2026, 5, 31), "换届离任");
        c.Status.ShouldBe(how);
        c.Posts.Single().EndDate.ShouldBe(new DateOnly(2026, 5, 31));
        c.DepartureReason.ShouldBe("换届离任");
        Should.Throw<RuleException>(() => c.ChangePost("director", new DateOnly(2026, 7, 1), null)).Message.ShouldContain("已离任");
        Should.Throw<RuleException>(() => c.Depart(how, new DateOnly(2026, 7, 1), "再次")).Message.ShouldContain("已离任");
    }

    [Theory]
    [InlineData(CadreStatus.InOffice, "2026-01-01", "原因", "请选择离任方式")]
    [InlineData(CadreStatus.Removed, "2026-01-01", " ", "请填写离任原因")]
    [InlineData(CadreStatus.Removed, "2020-01-01", "原因", "不能早于任职日期")]
    public void Departures_need_a_way_a_reason_and_a_sensible_date(CadreStatus how, string date, string reason, string message) =>
        Should.Throw<RuleException>(() => Serving().Depart(how, DateOnly.Parse(date), reason)).Message.ShouldContain(message);

    [Theory]
    [InlineData("1980-06-15", "2026-06-14", 45)]
    [InlineData("1980-06-15", "2026-06-15", 46)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    public void Age_in_whole_years(string birth, string asOf, int age) => Cadre.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(asOf)).ShouldBe(age);
}
