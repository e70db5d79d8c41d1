using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Features.Supervision;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 经济责任审计 and 巡察: planning refusals, findings with working-day deadlines, rectification by the village and 销号 by
/// discipline, the conduct record read by the promotion rules, versions, scope, the overdue order, home to-dos and the
/// dashboard. Tests create their own audits and tours in 三兴镇.
/// </summary>
public abstract class SupervisionTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Discipline = "discipline", County = "county.admin", Village = "village.naoping", Town = "town.sanxing";
    private static DateOnly Today => China.Today;

    /// <summary>The first working weekday at least <paramref name="days"/> after today (Monday–Friday; the test county lists no holiday there).</summary>
    private static DateOnly Weekday(int days)
    {
        var d = Today.AddDays(days);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private async Task<long> NaopingCadreAsync() =>
        await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static async Task<TourView> TourAsync(HttpClient api, params string[] villages) =>
        await Read<TourView>(await api.PostAsJsonAsync("/api/v1/supervision/tours", new
        {
            town = Demo.Sanxing, name = "测试巡察", villages = villages.Length > 0 ? villages : [Demo.Naoping, Demo.Sanxingcun], from = Today.AddDays(-10), to = Today, team = "组长：测试",
        }), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> FindingAsync(HttpClient api, long tourId, string village, DateOnly deadline, long? cadreId = null, bool conduct = false) =>
        api.PostAsJsonAsync("/api/v1/supervision/findings", new
        {
            tourId, village, cadreId, text = "账目不清", category = FindingCategory.Finance, severity = FindingSeverity.Minor, remedy = "补齐凭证", deadline,
            createConductRecord = conduct,
        });

    private static async Task<FindingView> RectifiedAsync(HttpClient village, FindingView finding) =>
        await Read<FindingView>(await village.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/rectified",
            new { evidence = "已补齐全部凭证", version = finding.Version }), HttpStatusCode.OK);

    [Fact]
    public async Task An_audit_of_a_cadre_not_in_office_during_the_period_is_refused()
    {
        var cadre = await NaopingCadreAsync();
        var since = await f.WithSystemDb(db => db.Set<CadrePost>().Where(p => p.CadreId == cadre).MinAsync(p => p.StartDate));
        var r = await (await f.ApiAs(Discipline)).PostAsJsonAsync("/api/v1/supervision/audits", new
        {
            cadreId = cadre, reason = AuditReason.Special, periodFrom = since.AddYears(-5), periodTo = since.AddDays(-1), auditorUnit = "县审计局", plannedStart = Today,
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("未担任村干部，不能对其进行经济责任审计");
    }

    [Fact]
    public async Task A_finding_on_an_audit_not_yet_begun_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var audit = await Read<AuditView>(await api.PostAsJsonAsync("/api/v1/supervision/audits", new
        {
            cadreId = await NaopingCadreAsync(), reason = AuditReason.Special, periodFrom = Today.AddYears(-1), periodTo = Today.AddDays(-1), auditorUnit = "县审计局", plannedStart = Today,
        }), HttpStatusCode.Created);
        var r = await api.PostAsJsonAsync("/api/v1/supervision/findings", new
        {
            auditId = audit.Id, text = "账目不清", category = FindingCategory.Finance, severity = FindingSeverity.Minor, remedy = "补齐凭证", deadline = Weekday(7),
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该审计尚未开始实施");
    }

    [Fact]
    public async Task An_audit_moves_from_planned_through_begun_to_reported()
    {
        var api = await f.ApiAs(County);
        var audit = await Read<AuditView>(await api.PostAsJsonAsync("/api/v1/supervision/audits", new
        {
            cadreId = await NaopingCadreAsync(), reason = AuditReason.TermEnd, periodFrom = Today.AddYears(-1), periodTo = Today.AddDays(-1), auditorUnit = "县审计局", plannedStart = Today,
        }), HttpStatusCode.Created);
        var begun = await Read<AuditView>(await api.PostAsJsonAsync($"/api/v1/supervision/audits/{audit.Id}/begin", new { version = audit.Version }), HttpStatusCode.OK);
        var reported = await Read<AuditView>(await api.PostAsJsonAsync($"/api/v1/supervision/audits/{audit.Id}/report",
            new { summary = "基本合规", version = begun.Version }), HttpStatusCode.OK);
        (reported.State, reported.ReportedOn).ShouldBe((AuditState.Reported, Today));
    }

    [Fact]
    public async Task A_stale_audit_version_is_refused()
    {
        var api = await f.ApiAs(County);
        var audit = await Read<AuditView>(await api.PostAsJsonAsync("/api/v1/supervision/audits", new
        {
            cadreId = await NaopingCadreAsync(), reason = AuditReason.TermEnd, periodFrom = Today.AddYears(-1), periodTo = Today.AddDays(-1), auditorUnit = "县审计局", plannedStart = Today,
        }), HttpStatusCode.Created);
        (await api.PostAsJsonAsync($"/api/v1/supervision/audits/{audit.Id}/begin", new { version = audit.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync($"/api/v1/supervision/audits/{audit.Id}/report", new { summary = "结论", version = audit.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_tour_of_a_village_outside_the_town_is_refused()
    {
        var r = await (await f.ApiAs(Discipline)).PostAsJsonAsync("/api/v1/supervision/tours", new
        {
            town = Demo.Sanxing, name = "测试巡察", villages = new[] { Demo.Naoping, Demo.Dongxi }, from = Today, to = Today.AddDays(5), team = "组长：测试",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain($"{Demo.Dongxi} 不是三兴镇的村");
    }

    [Fact]
    public async Task A_finding_for_a_village_the_tour_does_not_cover_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var tour = await TourAsync(api, Demo.Sanxingcun);
        var r = await FindingAsync(api, tour.Id, Demo.Naoping, Weekday(7));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在「测试巡察」巡察的村中");
    }

    [Fact]
    public async Task A_finding_deadline_on_a_sunday_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var tour = await TourAsync(api);
        var sunday = Today.AddDays(7);
        while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(1);
        var r = await FindingAsync(api, tour.Id, Demo.Naoping, sunday);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("是节假日或休息日，请选择工作日");
    }

    [Fact]
    public async Task A_finding_deadline_in_the_past_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var tour = await TourAsync(api);
        (await FindingAsync(api, tour.Id, Demo.Naoping, Today.AddDays(-1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Closing_a_finding_without_evidence_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        var r = await api.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/close", new { version = finding.Version });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该问题尚未报送整改佐证，不能销号");
    }

    [Fact]
    public async Task The_village_reports_its_finding_rectified_and_discipline_closes_it()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        var rectified = await RectifiedAsync(await f.ApiAs(Village), finding);
        var closed = await Read<FindingView>(await api.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/close", new { version = rectified.Version }), HttpStatusCode.OK);
        (closed.State, closed.EvidenceText, closed.ClosedBy).ShouldBe((FindingState.Closed, "已补齐全部凭证", Discipline));
    }

    [Fact]
    public async Task A_stale_finding_version_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        await RectifiedAsync(await f.ApiAs(Village), finding);
        (await api.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/close", new { version = finding.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Of_two_simultaneous_closings_one_is_refused_as_stale()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        var rectified = await RectifiedAsync(await f.ApiAs(Village), finding);
        var other = await f.ApiAs(County);
        var answers = await Task.WhenAll(
            api.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/close", new { version = rectified.Version }),
            other.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/return", new { text = "凭证不全", version = rectified.Version }));
        answers.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task A_rectification_file_is_kept_and_served_back()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        byte[] pdf = [.. "%PDF-1.4 整改佐证"u8];
        var village = await f.ApiAs(Village);
        var r = await village.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/rectified",
            new { evidence = "已整改，附凭证", fileName = "凭证.pdf", file = pdf, version = finding.Version });
        (await Read<FindingView>(r, HttpStatusCode.OK)).EvidenceName.ShouldBe("凭证.pdf");
        (await village.GetByteArrayAsync($"/api/v1/supervision/findings/{finding.Id}/evidence")).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_rectification_file_that_is_not_a_picture_or_pdf_is_refused()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        var r = await (await f.ApiAs(Village)).PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/rectified",
            new { evidence = "已整改", fileName = "a.exe", file = new byte[] { 0x4D, 0x5A, 0x90 }, version = finding.Version });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("附件只能是 JPG、PNG 图片或 PDF 文件");
    }

    [Fact]
    public async Task A_village_cannot_see_another_villages_finding()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Sanxingcun, Weekday(7)), HttpStatusCode.Created);
        (await (await f.ApiAs(Village)).PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/rectified", new { evidence = "已整改", version = finding.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_finding_is_recorded_only_by_the_inspecting_side() =>
        (await FindingAsync(await f.ApiAs(Town), 1, Demo.Naoping, Weekday(7))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task A_conduct_record_from_a_finding_is_refused_to_the_county_admin()
    {
        var api = await f.ApiAs(County);
        var r = await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7), await NaopingCadreAsync(), conduct: true);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("审计发现问题履职记录由纪检监察登记");
    }

    private static async Task<bool> D7PassedAsync(HttpClient api, long cadre) =>
        (await api.GetFromJsonAsync<EligibilityRow>($"/api/v1/ranks/eligibility/{cadre}", CunzhiFactory.Json))!.Result.Conditions.Single(c => c.Code == "D7").Passed;

    [Fact]
    public async Task A_finding_with_a_conduct_record_fails_the_unremedied_audit_condition()
    {
        var api = await f.ApiAs(Discipline);
        var cadre = await NaopingCadreAsync();
        (await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7), cadre, conduct: true)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await D7PassedAsync(api, cadre)).ShouldBeFalse();
    }

    [Fact]
    public async Task Closing_the_finding_closes_its_conduct_record_so_the_condition_passes_again()
    {
        var api = await f.ApiAs(Discipline);
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id)
            .Skip(1).Select(c => c.Id).FirstAsync());
        var passedBefore = await D7PassedAsync(api, cadre);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7), cadre, conduct: true), HttpStatusCode.Created);
        var rectified = await RectifiedAsync(await f.ApiAs(Village), finding);
        (await api.PostAsJsonAsync($"/api/v1/supervision/findings/{finding.Id}/close", new { version = rectified.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await D7PassedAsync(api, cadre)).ShouldBe(passedBefore);
        (await f.WithSystemDb(db => db.Set<Domain.Ranks.ConductRecord>().Where(r => r.Id == finding.ConductRecordId).Select(r => r.EndDate).FirstAsync())).ShouldBe(Today);
    }

    private async Task<long> OverdueFindingAsync(long tourId)
    {
        await using var scope = f.SystemScope(out var db);
        var finding = new SupervisionFinding
        {
            RegionCode = Demo.Naoping, TourId = tourId, Source = "巡察：测试巡察", Text = "逾期问题", Category = FindingCategory.Other, Severity = FindingSeverity.Minor,
            Remedy = "整改", Deadline = Today.AddDays(-3), RecordedBy = "system", RecordedAtUtc = DateTime.UtcNow, RowVersion = 1,
        };
        db.Add(finding);
        await db.SaveChangesAsync();
        return finding.Id;
    }

    [Fact]
    public async Task The_findings_list_puts_overdue_findings_first()
    {
        var api = await f.ApiAs(Discipline);
        var tour = await TourAsync(api);
        (await FindingAsync(api, tour.Id, Demo.Naoping, Weekday(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var overdue = await OverdueFindingAsync(tour.Id);
        var list = await api.GetFromJsonAsync<Paged<FindingView>>($"/api/v1/supervision/findings?tourId={tour.Id}", CunzhiFactory.Json);
        list!.Items.Select(i => i.Id).First().ShouldBe(overdue);
    }

    private static async Task<long> TodoAsync(HttpClient api, string key) =>
        (await api.GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items.Single(i => i.Key == key).Count;

    [Fact]
    public async Task An_overdue_finding_shows_on_the_village_home()
    {
        var village = await f.ApiAs(Village);
        var before = await TodoAsync(village, "findings-overdue");
        await OverdueFindingAsync((await TourAsync(await f.ApiAs(Discipline))).Id);
        (await TodoAsync(village, "findings-overdue")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_rectified_finding_waits_for_closing_on_the_inspectors_home()
    {
        var api = await f.ApiAs(Discipline);
        var before = await TodoAsync(api, "findings-to-close");
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        await RectifiedAsync(await f.ApiAs(Village), finding);
        (await TodoAsync(api, "findings-to-close")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_dashboard_counts_a_towns_overdue_findings()
    {
        var api = await f.ApiAs(County);
        var before = (await api.GetFromJsonAsync<FindingReport>("/api/v1/supervision/dashboard", CunzhiFactory.Json))!.Rows.Items.Single(l => l.Code == Demo.Sanxing).Overdue;
        await OverdueFindingAsync((await TourAsync(api)).Id);
        (await api.GetFromJsonAsync<FindingReport>("/api/v1/supervision/dashboard", CunzhiFactory.Json))!.Rows.Items.Single(l => l.Code == Demo.Sanxing).Overdue
            .ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_dashboard_exports_a_workbook()
    {
        var r = await (await f.ApiAs(Town)).GetAsync("/api/v1/supervision/dashboard/export");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Features.Imports.XlsxDownload.ContentType);
    }

    [Fact]
    public async Task The_tour_page_records_a_finding()
    {
        var tour = await TourAsync(await f.ApiAs(Discipline));
        var pages = await f.PagesAs(Discipline);
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Supervision/Tour/{tour.Id}", new()
        {
            ["FindingVillage"] = Demo.Naoping, ["FindingCategory"] = "Finance", ["FindingSeverity"] = "Major", ["FindingText"] = "页面登记的问题",
            ["FindingRemedy"] = "整改", ["FindingDeadline"] = Weekday(7).ToString("yyyy-MM-dd"),
        }, "Finding");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<SupervisionFinding>().CountAsync(x => x.TourId == tour.Id && x.Text == "页面登记的问题"))).ShouldBe(1);
    }

    [Fact]
    public async Task The_finding_page_refuses_rectification_without_evidence()
    {
        var api = await f.ApiAs(Discipline);
        var finding = await Read<FindingView>(await FindingAsync(api, (await TourAsync(api)).Id, Demo.Naoping, Weekday(7)), HttpStatusCode.Created);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Village), $"/Supervision/Finding/{finding.Id}", new() { ["Evidence"] = "" }, "Rectified");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldContain("没有佐证不能报整改完成");
    }
}

public sealed class SupervisionTests_Sqlite(SqliteFactory f) : SupervisionTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SupervisionTests_Postgres(PostgresFactory f) : SupervisionTests<PostgresFactory>(f);
