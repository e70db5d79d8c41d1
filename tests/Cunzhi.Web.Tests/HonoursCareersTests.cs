using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 荣誉表彰 (points through the real eligibility path, withdrawal, the linked commendation), 两代表一委员 (list filters, the
/// cadre page's line, one per term also under a race, stale outcome) and 职业发展 (the registry's departure in the same save,
/// refusals, the cadre page's history). Each test arranges its own village in 三兴镇.
/// </summary>
public abstract class HonoursCareersTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private static int _next = 700;
    private static DateOnly Today => China.Today;
    private static readonly DateOnly PostStart = new(2021, 1, 1);

    /// <summary>A village of 三兴镇 with a secretary and <paramref name="directors"/> directors in office, each with an open post from 2021-01-01.</summary>
    private async Task<(string Village, long Secretary, long[] Directors)> VillageAsync(int directors = 1)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"荣誉测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        Cadre Make(int i, string post) => new()
        {
            RegionCode = code, Name = $"荣誉干部{code[^3..]}-{i}", BirthDate = new DateOnly(1980, 1, 1), EducationCode = "senior", PostCode = post, StartDate = PostStart,
            Posts = [new CadrePost { RegionCode = code, PostCode = post, StartDate = PostStart }],
        };
        var secretary = Make(0, "secretary");
        var others = Enumerable.Range(1, directors).Select(i => Make(i, i == 1 ? "director" : "committee-member")).ToList();
        db.Add(secretary);
        db.AddRange(others);
        await db.SaveChangesAsync();
        return (code, secretary.Id, others.Select(c => c.Id).ToArray());
    }

    private static Task<HttpResponseMessage> HonourAsync(HttpClient api, long cadre, CommendationLevel level = CommendationLevel.Province, DateOnly? date = null) =>
        api.PostAsJsonAsync("/api/v1/care/honours", new { cadreId = cadre, level, title = "优秀村党组织书记", awardedBy = "省委", date = date ?? Today, amountFen = 200000 });

    private static async Task<int> PointsAsync(HttpClient api, long cadre) =>
        (await api.GetFromJsonAsync<EligibilityRow>($"/api/v1/ranks/eligibility/{cadre}", CunzhiFactory.Json))!.Result.Points;

    private static Task<HttpResponseMessage> NominationAsync(HttpClient api, long cadre, int from = 2026, NominationKind kind = NominationKind.PeoplesCongress) =>
        api.PostAsJsonAsync("/api/v1/care/nominations", new { cadreId = cadre, kind, level = NominationLevel.County, termFrom = from, termTo = from + 4 });

    private static Task<HttpResponseMessage> CareerAsync(HttpClient api, long cadre, CareerMoveKind kind, DateOnly? date = null, string destination = "三兴镇人民政府") =>
        api.PostAsJsonAsync("/api/v1/care/careers", new { cadreId = cadre, kind, date = date ?? Today, destination });

    [Fact]
    public async Task Recording_a_provincial_honour_adds_its_points_to_the_cadres_eligibility()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var before = await PointsAsync(api, secretary);
        (await HonourAsync(api, secretary)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PointsAsync(api, secretary)).ShouldBe(before + 3);
    }

    [Fact]
    public async Task Withdrawing_an_honour_takes_its_points_back_from_the_eligibility()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var before = await PointsAsync(api, secretary);
        var honour = (await (await HonourAsync(api, secretary)).Content.ReadFromJsonAsync<HonourView>(CunzhiFactory.Json))!;
        var r = await api.PostAsJsonAsync($"/api/v1/care/honours/{honour.Id}/withdraw", new { reason = "录入错误" });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await PointsAsync(api, secretary)).ShouldBe(before);
    }

    [Fact]
    public async Task An_honour_creates_the_commendation_record_of_its_level_linked_from_the_honour()
    {
        var (_, secretary, _) = await VillageAsync();
        var honour = (await (await HonourAsync(await f.ApiAs(Town), secretary, CommendationLevel.City)).Content.ReadFromJsonAsync<HonourView>(CunzhiFactory.Json))!;
        var record = await f.WithSystemDb(db => db.Set<ConductRecord>().SingleAsync(r => r.Id == honour.ConductRecordId));
        (record.CadreId, record.Kind, record.Level).ShouldBe((secretary, ConductKind.Commendation, CommendationLevel.City));
    }

    [Fact]
    public async Task Withdrawing_an_honour_withdraws_its_commendation_record()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var honour = (await (await HonourAsync(api, secretary)).Content.ReadFromJsonAsync<HonourView>(CunzhiFactory.Json))!;
        (await api.PostAsJsonAsync($"/api/v1/care/honours/{honour.Id}/withdraw", new { reason = "录入错误" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Set<ConductRecord>().Where(r => r.Id == honour.ConductRecordId).Select(r => r.WithdrawReason).SingleAsync()))
            .ShouldBe("荣誉表彰撤销：录入错误");
    }

    [Fact]
    public async Task The_commendation_an_honour_created_is_not_withdrawn_on_its_own()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var honour = (await (await HonourAsync(api, secretary)).Content.ReadFromJsonAsync<HonourView>(CunzhiFactory.Json))!;
        var r = await api.PostAsJsonAsync($"/api/v1/ranks/conduct/{honour.ConductRecordId}/withdraw", new { reason = "试图单独撤销" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请在「荣誉表彰」中撤销该荣誉");
    }

    [Fact]
    public async Task An_honour_dated_after_today_is_refused_and_nothing_is_written()
    {
        var (_, secretary, _) = await VillageAsync();
        var r = await HonourAsync(await f.ApiAs(Town), secretary, date: Today.AddDays(1));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("表彰日期不能晚于今天");
        (await f.WithSystemDb(db => db.Set<Honour>().CountAsync(h => h.CadreId == secretary))).ShouldBe(0);
    }

    [Fact]
    public async Task An_honour_for_a_cadre_of_another_town_is_not_found()
    {
        var efeng = Demo.Efeng[..9];
        var other = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith(efeng)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        (await HonourAsync(await f.ApiAs(Town), other)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_county_list_of_nominations_filters_by_status()
    {
        var (village, secretary, directors) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await NominationAsync(api, secretary)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = (await (await NominationAsync(api, directors[0])).Content.ReadFromJsonAsync<NominationView>(CunzhiFactory.Json))!;
        (await api.PostAsJsonAsync($"/api/v1/care/nominations/{second.Id}/outcome", new { status = NominationStatus.Elected, version = second.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = (await (await f.ApiAs(County)).GetFromJsonAsync<Paged<NominationView>>($"/api/v1/care/nominations?region={village}&status=Elected", CunzhiFactory.Json))!;
        list.Items.Select(n => n.CadreId).ShouldBe([directors[0]]);
    }

    [Fact]
    public async Task The_cadre_page_shows_the_nomination_line()
    {
        var (_, secretary, _) = await VillageAsync();
        (await NominationAsync(await f.ApiAs(Town), secretary, 2024)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await f.PagesAs(Town)).GetStringAsync($"/Cadres/Detail?id={secretary}")).ShouldContain("县级人大代表（2024–2028）推荐");
    }

    [Fact]
    public async Task A_second_nomination_for_the_same_term_is_refused()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        (await NominationAsync(api, secretary)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await NominationAsync(api, secretary);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已登记过 2026 年起的县级人大代表推荐");
    }

    [Fact]
    public async Task Four_identical_nominations_sent_at_once_leave_one_row()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NominationAsync(api, secretary, 2027, NominationKind.Cppcc)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await f.WithSystemDb(db => db.Set<Nomination>().CountAsync(n => n.CadreId == secretary))).ShouldBe(1);
    }

    [Fact]
    public async Task A_nomination_outcome_at_a_stale_version_is_refused()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var n = (await (await NominationAsync(api, secretary)).Content.ReadFromJsonAsync<NominationView>(CunzhiFactory.Json))!;
        var r = await api.PostAsJsonAsync($"/api/v1/care/nominations/{n.Id}/outcome", new { status = NominationStatus.NotElected, version = n.Version + 1 });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_move_to_a_town_post_ends_the_current_post_through_the_departure()
    {
        var (_, _, directors) = await VillageAsync();
        var day = Today.AddDays(-3);
        var r = await CareerAsync(await f.ApiAs(Town), directors[0], CareerMoveKind.TownCivilServant, day);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var cadre = await f.WithSystemDb(db => db.Cadres.Include(c => c.Posts).SingleAsync(c => c.Id == directors[0]));
        (cadre.Status, cadre.DepartureDate, cadre.Posts.Single().EndDate).ShouldBe((CadreStatus.DepartedNormally, day, day));
    }

    [Fact]
    public async Task A_move_to_a_town_post_records_the_departure_reason_with_the_destination()
    {
        var (_, _, directors) = await VillageAsync();
        (await CareerAsync(await f.ApiAs(Town), directors[0], CareerMoveKind.TownInstitution, destination: "三兴镇农业综合服务中心")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == directors[0]).Select(c => c.DepartureReason).SingleAsync()))
            .ShouldBe("职业发展：乡镇事业编（三兴镇农业综合服务中心）");
    }

    [Fact]
    public async Task A_move_dated_before_the_posts_start_is_refused_and_nothing_is_written()
    {
        var (_, _, directors) = await VillageAsync();
        var r = await CareerAsync(await f.ApiAs(Town), directors[0], CareerMoveKind.TownCivilServant, PostStart.AddDays(-1));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("日期不能早于现任职务的起始日期（2021-01-01）");
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == directors[0]).Select(c => c.Status).SingleAsync())).ShouldBe(CadreStatus.InOffice);
        (await f.WithSystemDb(db => db.Set<CareerMove>().CountAsync(m => m.CadreId == directors[0]))).ShouldBe(0);
    }

    [Fact]
    public async Task A_move_needing_office_for_a_cadre_who_has_left_is_refused()
    {
        var (_, _, directors) = await VillageAsync();
        var api = await f.ApiAs(Town);
        (await CareerAsync(api, directors[0], CareerMoveKind.TownCivilServant)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await CareerAsync(api, directors[0], CareerMoveKind.PublicInstitution);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已离任，不能登记事业单位");
    }

    [Fact]
    public async Task A_move_for_a_cadre_of_another_town_is_not_found()
    {
        var efeng = Demo.Efeng[..9];
        var other = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith(efeng) && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        (await CareerAsync(await f.ApiAs(Town), other, CareerMoveKind.TownCivilServant)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_secretary_made_professional_stays_in_office_marked_as_professional()
    {
        var (_, secretary, _) = await VillageAsync();
        (await CareerAsync(await f.ApiAs(Town), secretary, CareerMoveKind.ProfessionalSecretary, destination: "本村")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == secretary).Select(c => new { c.Status, c.IsProfessionalSecretary }).SingleAsync());
        (cadre.Status, cadre.IsProfessionalSecretary).ShouldBe((CadreStatus.InOffice, true));
    }

    [Fact]
    public async Task The_cadre_pages_history_shows_the_career_move_next_to_the_posts()
    {
        var (_, secretary, _) = await VillageAsync();
        (await CareerAsync(await f.ApiAs(Town), secretary, CareerMoveKind.ProfessionalSecretary, destination: "本村")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await f.PagesAs(Town)).GetStringAsync($"/Cadres/Detail?id={secretary}")).ShouldContain("职业发展：专业化管理村党组织书记（本村）");
    }

    /// <summary>Posts the page's form named by its data-testid (with its antiforgery token and hidden fields), as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostPageFormAsync(HttpClient client, string url, string testId, Dictionary<string, string> fields)
    {
        var form = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector($"form[data-testid={testId}]")
                   ?? throw new InvalidOperationException($"{url} 上没有 {testId} 表单");
        var data = new Dictionary<string, string>(fields);
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]")) data.TryAdd(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? "");
        return await client.PostAsync(url, new FormUrlEncodedContent(data));
    }

    [Fact]
    public async Task A_move_to_a_town_post_recorded_on_the_page_ends_the_current_post()
    {
        var (village, _, directors) = await VillageAsync();
        var r = await PostPageFormAsync(await f.PagesAs(Town), $"/Care/Careers?village={village}", "career-form", new()
        {
            ["CadreId"] = directors[0].ToString(), ["NewKind"] = nameof(CareerMoveKind.TownCivilServant), ["Date"] = Today.ToString("yyyy-MM-dd"), ["Destination"] = "三兴镇人民政府",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == directors[0]).Select(c => c.Status).SingleAsync())).ShouldBe(CadreStatus.DepartedNormally);
    }

    [Fact]
    public async Task A_nomination_recorded_on_the_page_is_listed_for_the_county()
    {
        var (village, secretary, _) = await VillageAsync();
        var r = await PostPageFormAsync(await f.PagesAs(Town), $"/Care/Nominations?village={village}", "nomination-form", new()
        {
            ["CadreId"] = secretary.ToString(), ["NewKind"] = nameof(NominationKind.Cppcc), ["NewLevel"] = nameof(NominationLevel.City), ["TermFrom"] = "2026", ["TermTo"] = "2030",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = (await (await f.ApiAs(County)).GetFromJsonAsync<Paged<NominationView>>($"/api/v1/care/nominations?region={village}", CunzhiFactory.Json))!;
        list.Items.Select(n => (n.CadreId, n.Line)).ShouldBe([(secretary, "市级政协委员（2026–2030）推荐")]);
    }

    [Fact]
    public async Task An_honour_without_a_title_on_the_page_shows_the_chinese_message()
    {
        var (village, secretary, _) = await VillageAsync();
        var r = await PostPageFormAsync(await f.PagesAs(Town), $"/Care/Honours?village={village}", "honour-form", new()
        {
            ["CadreId"] = secretary.ToString(), ["NewLevel"] = nameof(CommendationLevel.County), ["Date"] = Today.ToString("yyyy-MM-dd"), ["Title"] = "", ["AwardedBy"] = "县委",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(r)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写荣誉称号");
    }

    [Theory]
    [InlineData("/Care/Honours")]
    [InlineData("/Care/Nominations")]
    [InlineData("/Care/Careers")]
    public async Task The_recognition_pages_open_for_the_town(string path) =>
        (await (await f.PagesAs(Town)).GetAsync(path + "?village=" + Demo.Naoping)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Theory]
    [InlineData("/api/v1/care/honours")]
    [InlineData("/api/v1/care/nominations")]
    [InlineData("/api/v1/care/careers")]
    public async Task The_recognition_lists_are_refused_to_a_village_cadre(string path) =>
        (await (await f.ApiAs("village.naoping")).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Theory]
    [InlineData("/api/v1/care/honours")]
    [InlineData("/api/v1/care/nominations")]
    [InlineData("/api/v1/care/careers")]
    public async Task The_recognition_records_are_refused_to_a_village_cadre(string path)
    {
        var (_, secretary, _) = await VillageAsync();
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync(path, new
        {
            cadreId = secretary, level = "County", title = "优秀", awardedBy = "县委", date = Today, kind = "PartyCongress", termFrom = 2026, termTo = 2030, destination = "三兴镇",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Withdrawing_an_honour_of_another_town_is_not_found()
    {
        var efeng = Demo.Efeng[..9];
        var other = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith(efeng)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var created = await HonourAsync(await f.ApiAs(County), other, CommendationLevel.County);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var honour = (await created.Content.ReadFromJsonAsync<HonourView>(CunzhiFactory.Json))!;
        (await (await f.ApiAs(Town)).PostAsJsonAsync($"/api/v1/care/honours/{honour.Id}/withdraw", new { reason = "越权撤销" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_nomination_outcome_for_another_town_is_not_found()
    {
        var efeng = Demo.Efeng[..9];
        var other = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith(efeng)).OrderBy(c => c.Id).Skip(1).Select(c => c.Id).FirstAsync());
        var created = await NominationAsync(await f.ApiAs(County), other, 2029, NominationKind.PartyCongress);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var n = (await created.Content.ReadFromJsonAsync<NominationView>(CunzhiFactory.Json))!;
        (await (await f.ApiAs(Town)).PostAsJsonAsync($"/api/v1/care/nominations/{n.Id}/outcome", new { status = NominationStatus.Elected, version = n.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recording_an_honour_is_refused_to_the_discipline_inspector()
    {
        var (_, secretary, _) = await VillageAsync();
        (await HonourAsync(await f.ApiAs("discipline"), secretary)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class HonoursCareersTests_Sqlite(SqliteFactory f) : HonoursCareersTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class HonoursCareersTests_Postgres(PostgresFactory f) : HonoursCareersTests<PostgresFactory>(f);
