using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 关爱: accident insurance policies (group cover of a village, refusals, the unique number, the home's 30-day reminder,
/// a county policy read by the town it covers), yearly health checks (one per cadre and year, also under a race) and the
/// coverage drill-down with its export. Each test arranges its own village in 三兴镇 so the figures are its own.
/// </summary>
public abstract class CareTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private static int _next = 600;

    private static DateOnly Today => China.Today;

    /// <summary>Arranges a village of 三兴镇 with <paramref name="serving"/> cadres in office and one who has left; returns its code, the serving ids and the departed id.</summary>
    private async Task<(string Village, long[] Serving, long Departed)> VillageAsync(int serving)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"关爱测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        Cadre Make(int i, CadreStatus status) => new()
        {
            RegionCode = code, Name = $"关爱干部{code[^3..]}-{i}", BirthDate = new DateOnly(1980, 1, 1), EducationCode = "senior", PostCode = "director",
            StartDate = new DateOnly(2021, 1, 1), Status = status, DepartureDate = status == CadreStatus.InOffice ? null : new DateOnly(2024, 1, 1),
        };
        var cadres = Enumerable.Range(1, serving).Select(i => Make(i, CadreStatus.InOffice)).ToList();
        var departed = Make(0, CadreStatus.DepartedNormally);
        db.AddRange(cadres);
        db.Add(departed);
        await db.SaveChangesAsync();
        return (code, cadres.Select(c => c.Id).ToArray(), departed.Id);
    }

    private static string Number() => "P" + Guid.NewGuid().ToString("N")[..12];

    private static Task<HttpResponseMessage> PolicyAsync(HttpClient api, string number, long[]? cadreIds = null, string[]? regions = null, DateOnly? to = null) =>
        api.PostAsJsonAsync("/api/v1/care/policies", new { insurer = "中国人寿", policyNumber = number, fromDate = Today.AddDays(-10), toDate = to ?? Today.AddDays(300), cadreIds, regions });

    private static Task<HttpResponseMessage> CheckAsync(HttpClient api, long cadre, DateOnly? date = null) =>
        api.PostAsJsonAsync("/api/v1/care/health-checks", new { cadreId = cadre, date = date ?? Today, organiser = "乡镇卫生院" });

    private static async Task<CareReport> CoverageAsync(HttpClient api, string region) =>
        (await api.GetFromJsonAsync<CareReport>($"/api/v1/care/coverage?region={region}", CunzhiFactory.Json))!;

    private Task<int> PolicyCountAsync() => f.WithSystemDb(db => db.Set<InsurancePolicy>().CountAsync());

    [Fact]
    public async Task A_group_policy_for_a_village_insures_its_cadres_in_office_only()
    {
        var (village, serving, _) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var r = await PolicyAsync(api, Number(), regions: [village]);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        (await r.Content.ReadFromJsonAsync<PolicyView>(CunzhiFactory.Json))!.Insured.ShouldBe(serving.Length);
    }

    [Fact]
    public async Task The_village_coverage_counts_insured_cadres_of_those_in_office()
    {
        var (village, serving, _) = await VillageAsync(4);
        var api = await f.ApiAs(Town);
        (await PolicyAsync(api, Number(), cadreIds: serving[..3])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await CoverageAsync(api, village);
        (report.Total.Insured.InOffice, report.Total.Insured.Covered).ShouldBe((4, 3));
    }

    [Fact]
    public async Task The_town_coverage_has_a_line_per_village_with_its_insured_cadres()
    {
        var (village, serving, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await PolicyAsync(api, Number(), cadreIds: serving[..1])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = (await api.GetFromJsonAsync<CareReport>($"/api/v1/care/coverage?region={Demo.Sanxing}&pageSize=200", CunzhiFactory.Json))!;
        var line = report.Rows.Items.Single(l => l.Code == village);
        (line.Insured.InOffice, line.Insured.Covered).ShouldBe((2, 1));
    }

    [Fact]
    public async Task A_policy_that_has_ended_does_not_count_as_cover_today()
    {
        var (village, serving, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/care/policies", new { insurer = "中国人寿", policyNumber = Number(), fromDate = Today.AddDays(-400), toDate = Today.AddDays(-1), cadreIds = serving });
        r.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CoverageAsync(api, village)).Total.Insured.Covered.ShouldBe(0);
    }

    [Fact]
    public async Task A_policy_naming_a_cadre_who_has_left_office_is_refused_and_nothing_is_written()
    {
        var (_, serving, departed) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var before = await PolicyCountAsync();
        var r = await PolicyAsync(api, Number(), cadreIds: [serving[0], departed]);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已不在任，不能投保");
        (await PolicyCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_policy_naming_a_cadre_of_another_town_is_refused()
    {
        var efeng = Demo.Efeng[..9];
        var other = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith(efeng) && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var r = await PolicyAsync(await f.ApiAs(Town), Number(), cadreIds: [other]);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
    }

    [Fact]
    public async Task A_policy_ending_before_it_starts_is_refused_in_chinese()
    {
        var (_, serving, _) = await VillageAsync(1);
        var r = await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/care/policies",
            new { insurer = "中国人寿", policyNumber = Number(), fromDate = Today, toDate = Today.AddDays(-1), cadreIds = serving });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("保险止期不能早于起期");
    }

    [Fact]
    public async Task A_second_policy_with_the_same_insurer_and_number_is_refused()
    {
        var (_, serving, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var number = Number();
        (await PolicyAsync(api, number, cadreIds: serving)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await PolicyAsync(api, number, cadreIds: serving);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("保单号已登记过");
    }

    [Fact]
    public async Task A_policy_ending_within_thirty_days_is_counted_on_the_towns_home()
    {
        var (_, serving, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        async Task<long> CountAsync() => (await api.GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items.Single(i => i.Key == "insurance-expiring").Count;
        var before = await CountAsync();
        (await PolicyAsync(api, Number(), cadreIds: serving, to: Today.AddDays(20))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PolicyAsync(api, Number(), cadreIds: serving, to: Today.AddDays(60))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_county_policy_is_listed_for_the_town_whose_cadres_it_covers()
    {
        var (village, _, _) = await VillageAsync(1);
        var number = Number();
        (await PolicyAsync(await f.ApiAs(County), number, regions: [village])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var town = await (await f.ApiAs(Town)).GetFromJsonAsync<Paged<PolicyView>>("/api/v1/care/policies?pageSize=200", CunzhiFactory.Json);
        town!.Items.ShouldContain(p => p.PolicyNumber == number);
    }

    [Fact]
    public async Task A_county_policy_is_not_listed_for_a_town_whose_cadres_it_does_not_cover()
    {
        var (village, _, _) = await VillageAsync(1);
        var number = Number();
        (await PolicyAsync(await f.ApiAs(County), number, regions: [village])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await (await f.ApiAs("town.efeng")).GetFromJsonAsync<Paged<PolicyView>>("/api/v1/care/policies?pageSize=200", CunzhiFactory.Json);
        other!.Items.ShouldNotContain(p => p.PolicyNumber == number);
    }

    [Fact]
    public async Task A_town_reading_a_county_policy_counts_only_its_own_insured_cadres()
    {
        var (village, serving, _) = await VillageAsync(2);
        var number = Number();
        var county = await PolicyAsync(await f.ApiAs(County), number, regions: [village, Demo.Dongxi]);
        county.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await county.Content.ReadFromJsonAsync<PolicyView>(CunzhiFactory.Json))!.Insured.ShouldBeGreaterThan(serving.Length);
        var town = await (await f.ApiAs(Town)).GetFromJsonAsync<Paged<PolicyView>>("/api/v1/care/policies?pageSize=200", CunzhiFactory.Json);
        town!.Items.Single(p => p.PolicyNumber == number).Insured.ShouldBe(serving.Length);
    }

    [Fact]
    public async Task A_health_check_counts_for_the_village_coverage_of_this_year()
    {
        var (village, serving, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await CheckAsync(api, serving[0])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await CoverageAsync(api, village);
        (report.Total.Checked.InOffice, report.Total.Checked.Covered).ShouldBe((2, 1));
    }

    [Fact]
    public async Task A_second_health_check_of_the_same_cadre_and_year_is_refused()
    {
        var (_, serving, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        (await CheckAsync(api, serving[0])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await CheckAsync(api, serving[0], Today.AddDays(-1).Year == Today.Year ? Today.AddDays(-1) : Today);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("体检已登记过");
    }

    [Fact]
    public async Task Two_health_checks_of_one_cadre_sent_at_once_leave_one_row()
    {
        var (_, serving, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CheckAsync(api, serving[0])));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable).ShouldBe(3);
        (await f.WithSystemDb(db => db.Set<HealthCheck>().CountAsync(h => h.CadreId == serving[0]))).ShouldBe(1);
    }

    [Fact]
    public async Task A_health_check_dated_after_today_is_refused()
    {
        var (_, serving, _) = await VillageAsync(1);
        var r = await CheckAsync(await f.ApiAs(Town), serving[0], Today.AddDays(1));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("体检日期不能晚于今天");
    }

    [Fact]
    public async Task The_coverage_exports_as_a_workbook()
    {
        var r = await (await f.ApiAs(County)).GetAsync($"/api/v1/care/coverage/export?region={Demo.Sanxing}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Cunzhi.Web.Features.Imports.XlsxDownload.ContentType);
    }

    [Fact]
    public async Task The_coverage_of_a_region_outside_the_towns_scope_is_not_found() =>
        (await (await f.ApiAs(Town)).GetAsync($"/api/v1/care/coverage?region={Demo.Efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/Care/Coverage")]
    [InlineData("/Care/Policies")]
    [InlineData("/Care/HealthChecks")]
    [InlineData("/Care/Retired")]
    public async Task The_care_pages_open_for_the_county(string path) =>
        (await (await f.PagesAs(County)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task The_cadre_page_shows_the_cover_in_force_until_the_policys_last_day()
    {
        var (_, serving, _) = await VillageAsync(1);
        var end = Today.AddDays(123);
        (await PolicyAsync(await f.ApiAs(Town), Number(), cadreIds: serving, to: end)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var html = await (await f.PagesAs(Town)).GetStringAsync($"/Cadres/Detail?id={serving[0]}");
        html.ShouldContain($"在保，至 {end:yyyy-MM-dd}");
    }

    [Fact]
    public async Task The_health_check_page_lists_a_villages_cadres_in_office()
    {
        var (village, serving, _) = await VillageAsync(2);
        var html = await (await f.PagesAs(Town)).GetStringAsync($"/Care/HealthChecks?village={village}");
        foreach (var id in serving) html.ShouldContain($"data-cadre=\"{id}\"");
    }
}

public sealed class CareTests_Sqlite(SqliteFactory f) : CareTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CareTests_Postgres(PostgresFactory f) : CareTests<PostgresFactory>(f);
