using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Analytics;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 学历提升 through the API: enrolment (scope, cadres in office, dates), tuition claims approved within the county's caps
/// (refused naming what remains, also when approvals race), graduation raising the registry education (audited, seen by
/// the structure analytics, never lowering it), and who may do what. The county policy is left at its defaults
/// (50%, 3,000 元 a year, 10,000 元 a programme) so every figure below follows from them. Each test arranges its own
/// village in 三兴镇 so its cadres, claims and totals are its own.
/// </summary>
public abstract class DegreeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private const string Url = "/api/v1/care/degrees";
    private static int _next = 800;

    private static DateOnly Today => China.Today;

    /// <summary>Arranges a village of 三兴镇 with one cadre in office (education <paramref name="education"/>) and one who has left; returns the village and both ids.</summary>
    internal static async Task<(string Village, long Serving, long Departed)> VillageAsync(CunzhiFactory f, string education = "senior")
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"学历测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        Cadre Make(int i, CadreStatus status) => new()
        {
            RegionCode = code, Name = $"学历干部{code[^3..]}-{i}", BirthDate = new DateOnly(1985, 1, 1), EducationCode = education, PostCode = "director",
            StartDate = new DateOnly(2021, 1, 1), Status = status, DepartureDate = status == CadreStatus.InOffice ? null : new DateOnly(2024, 1, 1),
        };
        var serving = Make(1, CadreStatus.InOffice);
        var departed = Make(0, CadreStatus.DepartedNormally);
        db.AddRange(serving, departed);
        await db.SaveChangesAsync();
        return (code, serving.Id, departed.Id);
    }

    private static Task<HttpResponseMessage> EnrolAsync(HttpClient api, long cadre, string level = "bachelor", DateOnly? start = null, DateOnly? end = null) =>
        api.PostAsJsonAsync(Url, new { cadreId = cadre, school = "江西广播电视大学", levelCode = level, major = "行政管理", startDate = start ?? Today.AddYears(-1), endDate = end ?? Today.AddYears(2) });

    private static async Task<DegreeView> ProgrammeAsync(HttpClient api, long cadre, string level = "bachelor")
    {
        var r = await EnrolAsync(api, cadre, level);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<DegreeView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> FileAsync(HttpClient api, long programme, long tuitionFen) =>
        api.PostAsJsonAsync($"{Url}/claims", new { programmeId = programme, year = Today.Year, term = "第一学期", tuitionFen });

    private static async Task<ClaimView> ClaimAsync(HttpClient api, long programme, long tuitionFen)
    {
        var r = await FileAsync(api, programme, tuitionFen);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<ClaimView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient api, ClaimView claim) =>
        api.PostAsJsonAsync($"{Url}/claims/{claim.Id}/decision", new { approve = true, version = claim.Version });

    private static Task<HttpResponseMessage> FinishAsync(HttpClient api, DegreeView p, DegreeStatus status) =>
        api.PostAsJsonAsync($"{Url}/{p.Id}/finish", new { status = status.ToString(), on = Today, version = p.Version });

    private Task<long> AllowanceAsync(long cadre) =>
        f.WithSystemDb(db => db.Set<DegreeAllowance>().Where(a => a.CadreId == cadre && a.Year == Today.Year).Select(a => a.ReimbursedFen).FirstOrDefaultAsync());

    private Task<int> ProgrammeCountAsync() => f.WithSystemDb(db => db.Set<DegreeProgramme>().CountAsync());

    private Task<int> ClaimCountAsync() => f.WithSystemDb(db => db.Set<TuitionClaim>().CountAsync());

    [Fact]
    public async Task An_approved_claim_reimburses_the_policys_share_of_the_tuition()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var claim = await ClaimAsync(town, (await ProgrammeAsync(town, cadre)).Id, 123_457);
        var r = await ApproveAsync(await f.ApiAs(County), claim);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await r.Content.ReadFromJsonAsync<ClaimView>(CunzhiFactory.Json))!.ReimbursedFen.ShouldBe(61_729L);
    }

    [Fact]
    public async Task An_approved_claim_counts_in_the_cadres_yearly_total()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var claim = await ClaimAsync(town, (await ProgrammeAsync(town, cadre)).Id, 200_000);
        (await ApproveAsync(await f.ApiAs(County), claim)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AllowanceAsync(cadre)).ShouldBe(100_000L);
    }

    [Fact]
    public async Task A_claim_passing_the_yearly_cap_is_refused_naming_the_amount_left()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var (town, county) = (await f.ApiAs(Town), await f.ApiAs(County));
        var programme = await ProgrammeAsync(town, cadre);
        (await ApproveAsync(county, await ClaimAsync(town, programme.Id, 360_000))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var r = await ApproveAsync(county, await ClaimAsync(town, programme.Id, 300_000));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("超出报销上限，本年度剩余可报销 1,200.00 元");
    }

    [Fact]
    public async Task A_claim_refused_for_the_cap_leaves_the_claim_pending_and_the_total_unchanged()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var (town, county) = (await f.ApiAs(Town), await f.ApiAs(County));
        var programme = await ProgrammeAsync(town, cadre);
        (await ApproveAsync(county, await ClaimAsync(town, programme.Id, 500_000))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var over = await ClaimAsync(town, programme.Id, 200_000);
        (await ApproveAsync(county, over)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AllowanceAsync(cadre)).ShouldBe(250_000L);
        (await f.WithSystemDb(db => db.Set<TuitionClaim>().Where(c => c.Id == over.Id).Select(c => new { c.Status, c.RowVersion }).SingleAsync()))
            .ShouldBe(new { Status = ClaimStatus.Pending, RowVersion = over.Version });
    }

    [Fact]
    public async Task Approvals_sent_at_once_never_pass_the_yearly_cap()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var (town, county) = (await f.ApiAs(Town), await f.ApiAs(County));
        var programme = await ProgrammeAsync(town, cadre);
        // 2,000 元 of the 3,000 元 used: one more claim of 1,000 元 fits, no second.
        (await ApproveAsync(county, await ClaimAsync(town, programme.Id, 400_000))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var claims = new List<ClaimView>();
        for (var i = 0; i < 6; i++) claims.Add(await ClaimAsync(town, programme.Id, 200_000));

        var clients = await Task.WhenAll(claims.Select(_ => f.ApiAs(County)));
        using var start = new SemaphoreSlim(0);
        var racing = claims.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await ApproveAsync(clients[i], c);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(claims.Count);
        var results = await Task.WhenAll(racing);

        var report = string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1, report);
        results.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.ServiceUnavailable, report);
        var approved = await f.WithSystemDb(db => db.Set<TuitionClaim>().Where(c => c.CadreId == cadre && c.Status == ClaimStatus.Approved).SumAsync(c => c.ReimbursedFen ?? 0));
        approved.ShouldBeLessThanOrEqualTo(300_000L);
        (await AllowanceAsync(cadre)).ShouldBe(approved);
    }

    [Fact]
    public async Task A_claim_passing_the_programmes_cap_is_refused_naming_the_amount_left()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var (town, county) = (await f.ApiAs(Town), await f.ApiAs(County));
        var programme = await ProgrammeAsync(town, cadre);
        // Earlier years' reimbursements (made before this test) leave 500 元 of the programme's 10,000 元.
        await f.WithSystemDb(async db =>
        {
            var p = await db.Set<DegreeProgramme>().SingleAsync(x => x.Id == programme.Id);
            p.ReimbursedFen = 950_000;
            return await db.SaveChangesAsync();
        });
        var r = await ApproveAsync(county, await ClaimAsync(town, programme.Id, 200_000));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该学历项目剩余可报销 500.00 元");
    }

    [Fact]
    public async Task A_town_account_cannot_approve_a_claim()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var claim = await ClaimAsync(town, (await ProgrammeAsync(town, cadre)).Id, 100_000);
        (await ApproveAsync(town, claim)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_in_chinese()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var claim = await ClaimAsync(town, (await ProgrammeAsync(town, cadre)).Id, 100_000);
        var r = await (await f.ApiAs(County)).PostAsJsonAsync($"{Url}/claims/{claim.Id}/decision", new { approve = false, version = claim.Version });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写不予报销的理由");
    }

    [Fact]
    public async Task A_claim_on_a_dropped_out_programme_is_refused_and_nothing_is_written()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre);
        (await FinishAsync(town, programme, DegreeStatus.DroppedOut)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await ClaimCountAsync();
        var r = await FileAsync(town, programme.Id, 100_000);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已退学，不能申请学费报销");
        (await ClaimCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    [InlineData(100_000_001L)]
    public async Task A_claim_with_a_tuition_out_of_range_is_refused_in_chinese(long tuitionFen)
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre);
        var r = await FileAsync(town, programme.Id, tuitionFen);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("金额须大于 0 且不超过 1,000,000.00 元");
    }

    [Fact]
    public async Task An_enrolment_ending_before_it_starts_is_refused_and_nothing_is_written()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var before = await ProgrammeCountAsync();
        var r = await EnrolAsync(await f.ApiAs(Town), cadre, start: Today, end: Today.AddDays(-1));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("预计毕业日期须晚于入学日期");
        (await ProgrammeCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_enrolment_of_a_cadre_who_has_left_office_is_refused()
    {
        var (_, _, departed) = await VillageAsync(f);
        var r = await EnrolAsync(await f.ApiAs(Town), departed);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已不在任");
    }

    [Fact]
    public async Task An_enrolment_of_a_cadre_of_another_town_is_refused()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var r = await EnrolAsync(await f.ApiAs("town.efeng"), cadre);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
    }

    [Fact]
    public async Task A_programme_of_another_town_is_not_found()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var programme = await ProgrammeAsync(await f.ApiAs(Town), cadre);
        (await (await f.ApiAs("town.efeng")).GetAsync($"{Url}/{programme.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_village_account_cannot_read_the_programmes() =>
        (await (await f.ApiAs("village.naoping")).GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Graduating_at_a_higher_level_raises_the_cadres_education()
    {
        var (_, cadre, _) = await VillageAsync(f, "senior");
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre, "bachelor");
        (await FinishAsync(town, programme, DegreeStatus.Graduated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == cadre).Select(c => c.EducationCode).SingleAsync())).ShouldBe("bachelor");
    }

    [Fact]
    public async Task Graduating_records_the_education_change_in_the_audit_log()
    {
        var (_, cadre, _) = await VillageAsync(f, "senior");
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre, "college");
        (await FinishAsync(town, programme, DegreeStatus.Graduated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == "Cadre" && a.EntityKey == cadre.ToString() && a.Action == AuditActions.Update)
            .OrderByDescending(a => a.Sequence).FirstAsync());
        entry.Before.ShouldNotBeNull().ShouldContain("\"senior\"");
        entry.After.ShouldNotBeNull().ShouldContain("\"college\"");
    }

    [Fact]
    public async Task Graduating_at_a_level_below_the_cadres_education_leaves_it_unchanged()
    {
        var (_, cadre, _) = await VillageAsync(f, "postgraduate");
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre, "college");
        (await FinishAsync(town, programme, DegreeStatus.Graduated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == cadre).Select(c => c.EducationCode).SingleAsync())).ShouldBe("postgraduate");
    }

    [Fact]
    public async Task Graduating_moves_the_cadre_in_the_structure_analytics_education_counts()
    {
        var (village, cadre, _) = await VillageAsync(f, "senior");
        var town = await f.ApiAs(Town);
        async Task<int> BachelorsAsync() => (await town.GetFromJsonAsync<StructureReport>($"/api/v1/analytics/structure?code={village}", CunzhiFactory.Json))!
            .Figures.Education.Where(e => e.Code == "bachelor").Sum(e => e.Count);
        var before = await BachelorsAsync();
        var programme = await ProgrammeAsync(town, cadre, "bachelor");
        (await FinishAsync(town, programme, DegreeStatus.Graduated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BachelorsAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Finishing_from_a_stale_version_is_refused()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var town = await f.ApiAs(Town);
        var programme = await ProgrammeAsync(town, cadre);
        (await FinishAsync(town, programme, DegreeStatus.DroppedOut)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FinishAsync(town, programme, DegreeStatus.Graduated)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_town_account_cannot_save_the_reimbursement_policy() =>
        (await (await f.ApiAs(Town)).PutAsJsonAsync($"{Url}/policy/draft", new { effectiveFrom = Today.AddYears(5), sharePercent = 60, capPerYearYuan = 4000, capPerProgrammeYuan = 0, rowVersion = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task A_policy_with_a_share_above_one_hundred_percent_is_refused_in_chinese()
    {
        var r = await (await f.ApiAs(County)).PutAsJsonAsync($"{Url}/policy/draft", new { effectiveFrom = Today.AddYears(5), sharePercent = 150, capPerYearYuan = 4000, capPerProgrammeYuan = 0, rowVersion = 0 });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("报销比例须为 1% 至 100%");
    }

    [Theory]
    [InlineData("/Care/Degrees")]
    [InlineData("/Care/DegreeSettings")]
    public async Task The_degree_pages_open_for_the_county(string path) =>
        (await (await f.PagesAs(County)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task The_degree_page_lists_a_programme_of_the_town()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var r = await EnrolAsync(await f.ApiAs(Town), cadre, start: Today);
        var programme = (await r.Content.ReadFromJsonAsync<DegreeView>(CunzhiFactory.Json))!;
        var html = await (await f.PagesAs(Town)).GetStringAsync("/Care/Degrees");
        html.ShouldContain($"data-programme=\"{programme.Id}\"");
    }

    [Fact]
    public async Task The_county_approves_a_claim_on_the_page()
    {
        var (_, cadre, _) = await VillageAsync(f);
        var claim = await ClaimAsync(await f.ApiAs(Town), (await ProgrammeAsync(await f.ApiAs(Town), cadre)).Id, 100_000);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(County), "/Care/Degrees?tab=claims&claimStatus=Pending", new() { ["approve"] = "true" }, formAction: "handler=Decide");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<TuitionClaim>().Where(c => c.Id == claim.Id).Select(c => c.ReimbursedFen).SingleAsync())).ShouldBe(50_000L);
    }

    [Fact]
    public async Task The_town_enrols_a_cadre_on_the_page()
    {
        var (village, cadre, _) = await VillageAsync(f);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Care/Degrees?village={village}", new()
        {
            ["CadreId"] = cadre.ToString(), ["School"] = "江西开放大学", ["LevelCode"] = "college", ["Major"] = "农业经济管理",
            ["StartDate"] = Today.ToString("yyyy-MM-dd"), ["EndDate"] = Today.AddYears(2).ToString("yyyy-MM-dd"),
        }, formAction: "handler=Enrol");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<DegreeProgramme>().CountAsync(p => p.CadreId == cadre && p.LevelCode == "college"))).ShouldBe(1);
    }

    [Fact]
    public async Task The_degree_menu_links_are_shown_to_the_county()
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs(County)).GetAsync("/"));
        foreach (var path in new[] { "/Care/Degrees", "/Care/Assistance", "/Care/DegreeSettings" })
            html.QuerySelector($"nav a[href='{path}']").ShouldNotBeNull(path);
    }
}

public sealed class DegreeTests_Sqlite(SqliteFactory f) : DegreeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DegreeTests_Postgres(PostgresFactory f) : DegreeTests<PostgresFactory>(f);
