using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Care;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 困难帮扶 through the API and its pages: the town recommends for a cadre in office of its own villages, the county approves
/// (0 &lt; granted ≤ requested) or rejects with a reason, the list filters by status, the cadre page shows a line, and who
/// may do what. Each test arranges its own village (<see cref="DegreeTests{TFactory}.VillageAsync"/>).
/// </summary>
public abstract class AssistanceTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private const string Url = "/api/v1/care/assistance";

    private static Task<HttpResponseMessage> RecommendAsync(HttpClient api, long cadre, long requestedFen = 300_000, string description = "房屋受洪灾损毁") =>
        api.PostAsJsonAsync(Url, new { cadreId = cadre, reason = "Disaster", description, requestedFen });

    private static async Task<AssistanceView> ApplicationAsync(HttpClient api, long cadre, long requestedFen = 300_000)
    {
        var r = await RecommendAsync(api, cadre, requestedFen);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<AssistanceView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient api, AssistanceView a, bool approve, long? grantedFen = null, string? reason = null) =>
        api.PostAsJsonAsync($"{Url}/{a.Id}/decision", new { approve, grantedFen, reason, version = a.Version });

    private Task<int> CountAsync() => f.WithSystemDb(db => db.Set<HardshipAssistance>().CountAsync());

    [Fact]
    public async Task A_town_recommendation_waits_for_the_county()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        (await ApplicationAsync(await f.ApiAs(Town), cadre)).Status.ShouldBe(AssistanceStatus.Recommended);
    }

    [Fact]
    public async Task The_county_approves_with_the_amount_granted()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        var r = await DecideAsync(await f.ApiAs(County), a, true, 200_000);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<HardshipAssistance>().Where(x => x.Id == a.Id).Select(x => new { x.Status, x.GrantedFen }).SingleAsync()))
            .ShouldBe(new { Status = AssistanceStatus.Approved, GrantedFen = (long?)200_000 });
    }

    [Fact]
    public async Task A_grant_above_the_amount_requested_is_refused_naming_it()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre, 300_000);
        var r = await DecideAsync(await f.ApiAs(County), a, true, 300_001);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("批准金额不能超过申请金额 3,000.00 元");
    }

    [Fact]
    public async Task An_approval_without_an_amount_is_refused_in_chinese()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        var r = await DecideAsync(await f.ApiAs(County), a, true);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("批准金额须大于 0");
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_in_chinese()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        var r = await DecideAsync(await f.ApiAs(County), a, false);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写不予批准的理由");
    }

    [Fact]
    public async Task A_second_decision_on_the_same_application_is_refused()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        var county = await f.ApiAs(County);
        var first = await DecideAsync(county, a, false, reason: "已由民政救助");
        var decided = (await first.Content.ReadFromJsonAsync<AssistanceView>(CunzhiFactory.Json))!;
        var r = await DecideAsync(county, decided, true, 100_000);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该申请已未批准，不能再审批");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(100_000_001L)]
    public async Task A_request_out_of_range_is_refused_and_nothing_is_written(long requestedFen)
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var before = await CountAsync();
        var r = await RecommendAsync(await f.ApiAs(Town), cadre, requestedFen);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("金额须大于 0 且不超过 1,000,000.00 元");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_description_longer_than_one_hundred_characters_is_refused() =>
        (await RecommendAsync(await f.ApiAs(Town), (await DegreeTests<TFactory>.VillageAsync(f)).Serving, description: new string('困', 101)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_recommendation_for_a_cadre_who_has_left_office_is_refused()
    {
        var (_, _, departed) = await DegreeTests<TFactory>.VillageAsync(f);
        var r = await RecommendAsync(await f.ApiAs(Town), departed);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已不在任");
    }

    [Fact]
    public async Task A_recommendation_for_a_cadre_of_another_town_is_refused()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var r = await RecommendAsync(await f.ApiAs("town.efeng"), cadre);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
    }

    [Fact]
    public async Task The_county_cannot_recommend() =>
        (await RecommendAsync(await f.ApiAs(County), (await DegreeTests<TFactory>.VillageAsync(f)).Serving)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task A_town_cannot_decide()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var town = await f.ApiAs(Town);
        (await DecideAsync(town, await ApplicationAsync(town, cadre), true, 100_000)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_village_account_cannot_read_the_applications() =>
        (await (await f.ApiAs("village.naoping")).GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task An_application_of_another_town_is_not_found()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        (await (await f.ApiAs("town.efeng")).GetAsync($"{Url}/{a.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_status_filter_lists_only_applications_in_that_state()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var town = await f.ApiAs(Town);
        var approved = await ApplicationAsync(town, cadre);
        var waiting = await ApplicationAsync(town, cadre);
        (await DecideAsync(await f.ApiAs(County), approved, true, 100_000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = (await town.GetFromJsonAsync<Paged<AssistanceView>>($"{Url}?status=Recommended&pageSize=200", CunzhiFactory.Json))!;
        list.Items.ShouldAllBe(a => a.Status == AssistanceStatus.Recommended);
        list.Items.Select(a => a.Id).ShouldContain(waiting.Id);
    }

    [Fact]
    public async Task The_cadre_page_shows_the_amount_granted()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        (await DecideAsync(await f.ApiAs(County), a, true, 123_400)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await (await f.PagesAs(Town)).GetStringAsync($"/Cadres/Detail?id={cadre}");
        html.ShouldContain("1 份申请，已批准 1,234.00 元");
    }

    [Fact]
    public async Task The_assistance_page_lists_an_application_of_the_town()
    {
        var (_, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var a = await ApplicationAsync(await f.ApiAs(Town), cadre);
        var html = await (await f.PagesAs(Town)).GetStringAsync("/Care/Assistance");
        html.ShouldContain($"data-assistance=\"{a.Id}\"");
    }

    [Fact]
    public async Task The_town_recommends_on_the_page()
    {
        var (village, cadre, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Care/Assistance?village={village}", new()
        {
            ["CadreId"] = cadre.ToString(), ["Reason"] = "Accident", ["Description"] = "务工时受伤", ["Requested"] = "2,500.50",
        }, formAction: "handler=Recommend");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<HardshipAssistance>().Where(a => a.CadreId == cadre).Select(a => a.RequestedFen).SingleAsync())).ShouldBe(250_050L);
    }

    [Fact]
    public async Task The_assistance_page_warns_against_writing_id_numbers()
    {
        var (village, _, _) = await DegreeTests<TFactory>.VillageAsync(f);
        var html = await (await f.PagesAs(Town)).GetStringAsync($"/Care/Assistance?village={village}");
        html.ShouldContain("不要写身份证号");
    }
}

public sealed class AssistanceTests_Sqlite(SqliteFactory f) : AssistanceTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AssistanceTests_Postgres(PostgresFactory f) : AssistanceTests<PostgresFactory>(f);
