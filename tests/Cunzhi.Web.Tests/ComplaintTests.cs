using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Complaints;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 信访举报: filing on /Jubao (receipt code once, keyed hash only, reporter encrypted), following on /Jubao/Chaxun (progress,
/// 补充材料), the abuse limits, the inspector's desk over the API (steps, reveal with audit, 转为诉求), who may read (the
/// discipline inspector only), and a verified outcome feeding the promotion rules (D5).
/// </summary>
public abstract class ComplaintTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/complaints";

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private HttpClient Reporter(bool resetFilings = true)
    {
        if (resetFilings) f.Services.GetRequiredService<ComplaintFilingGuard>().Reset();
        f.Services.GetRequiredService<BallotGuard>().Reset();
        return f.Anonymous();
    }

    private static Task<HttpResponseMessage> FileAsync(HttpClient client, string subject, string region = Demo.Naoping, long? cadre = null,
        string? name = null, string? phone = null) =>
        CunzhiFactory.PostFormAsync(client, "/Jubao", new()
        {
            ["Region"] = region, ["Category"] = "WorkStyle", ["Subject"] = subject, ["Anonymous"] = name is null ? "true" : "false",
            ["Name"] = name ?? "", ["Phone"] = phone ?? "", ["CadreId"] = cadre?.ToString() ?? "",
        }, "handler=File");

    /// <summary>Files a complaint; returns its receipt code as shown and its id.</summary>
    private async Task<(string Code, long Id)> FiledAsync(string subject, string region = Demo.Naoping, long? cadre = null, string? name = null, string? phone = null)
    {
        var res = await FileAsync(Reporter(), subject, region, cadre, name, phone);
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await CunzhiFactory.Html(res);
        var code = html.QuerySelector("[data-testid=receipt-code]")?.TextContent.Trim() ?? throw new InvalidOperationException(html.Body!.TextContent);
        var id = await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());
        return (code, id);
    }

    /// <summary>Opens /Jubao/Chaxun and posts the code (and text) to the handler's form.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ChaxunAsync(HttpClient client, string code, string handler = "Open", string? text = null)
    {
        var res = await CunzhiFactory.PostFormAsync(client, "/Jubao/Chaxun", new() { ["Code"] = code }, "handler=Open");
        if (handler != "Open")
        {
            var page = await CunzhiFactory.Html(res);
            var form = page.QuerySelector("form[data-testid=add-form]") ?? throw new InvalidOperationException("没有补充材料表单");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            res = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Code"] = code, ["Text"] = text ?? "",
            }));
        }
        return await CunzhiFactory.Html(res);
    }

    private async Task<ComplaintDetail> StepAsync(long id, string step, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Read<ComplaintDetail>(await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/{step}", body), expected);

    private async Task<int> VersionAsync(long id) =>
        (await Read<ComplaintDetail>(await (await f.ApiAs("discipline")).GetAsync($"{Api}/{id}"), HttpStatusCode.OK)).Complaint.Version;

    /// <summary>A complaint accepted and under investigation.</summary>
    private async Task<long> InvestigatingAsync(string subject, long? cadre = null)
    {
        var (_, id) = await FiledAsync(subject, cadre: cadre);
        var d = await StepAsync(id, "accept", new { version = await VersionAsync(id) });
        d = await StepAsync(id, "investigate", new { version = d.Complaint.Version });
        return id;
    }

    /// <summary>A cadre in office in 闹坪村 with no 信访举报查实 record.</summary>
    private Task<long> CleanCadreAsync() => f.WithSystemDb(db => db.Cadres
        .Where(c => c.RegionCode == Demo.Naoping && c.Status == CadreStatus.InOffice
                    && !db.Set<ConductRecord>().Any(r => r.CadreId == c.Id && r.Kind == ConductKind.Complaint))
        .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    [Fact]
    public async Task Filing_shows_a_receipt_code_kept_only_as_a_keyed_hash()
    {
        var (code, id) = await FiledAsync("村委会主任收受工程老板红包");
        code.Length.ShouldBe(14);
        var plain = code.Replace("-", "");
        await f.WithSystemDb(async db =>
        {
            var c = await db.Set<Complaint>().AsNoTracking().FirstAsync(x => x.Id == id);
            c.State.ShouldBe(ComplaintState.Received);
            c.ReceiptHash.ShouldNotContain(plain);
            var log = string.Join("\n", await db.AuditEntries.AsNoTracking().Select(a => a.EntityKey + a.Before + a.After).ToListAsync());
            log.ShouldNotContain(plain);
            log.ShouldNotContain(c.ReceiptHash);
            return true;
        });
    }

    [Fact]
    public async Task A_named_reporter_is_stored_only_encrypted_and_masked()
    {
        var (_, id) = await FiledAsync("低保评定优亲厚友", name: "王小明", phone: "13912345678");
        var c = await f.WithSystemDb(db => db.Set<Complaint>().AsNoTracking().FirstAsync(x => x.Id == id));
        c.ReporterPhoneCipher.ShouldNotBeNull();
        c.ReporterPhoneCipher.ShouldNotContain("13912345678");
        c.ReporterNameCipher!.ShouldNotContain("王小明");
        c.ReporterPhoneMasked.ShouldBe("139****5678");
        c.ReporterNameMasked.ShouldBe("王*明");
    }

    [Fact]
    public async Task A_named_complaint_without_a_phone_is_refused_with_nothing_written()
    {
        var before = await f.WithSystemDb(db => db.Set<Complaint>().CountAsync());
        var html = await CunzhiFactory.Html(await FileAsync(Reporter(), "没有电话的举报", name: "王小明"));
        html.Body!.TextContent.ShouldContain("请填写手机号");
        (await f.WithSystemDb(db => db.Set<Complaint>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_flood_of_filings_from_one_address_is_refused()
    {
        var client = Reporter();
        for (var i = 0; i < 5; i++) (await FileAsync(client, $"同一地址第 {i} 次举报")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await FileAsync(client, "同一地址第 6 次举报");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("提交举报过于频繁");
        (await f.WithSystemDb(db => db.Set<Complaint>().AnyAsync(c => c.Subject == "同一地址第 6 次举报"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_code_is_refused_without_saying_which_part_is_wrong()
    {
        var (code, _) = await FiledAsync("错码测试");
        var wrong = code[..^1] + (code[^1] == '2' ? '3' : '2');
        var html = await ChaxunAsync(Reporter(), wrong);
        html.Body!.TextContent.ShouldContain("回执码无效，请核对举报回执上的 12 位回执码");
        html.QuerySelector("[data-testid=steps]").ShouldBeNull();
    }

    [Fact]
    public async Task Guessing_codes_locks_the_address_out()
    {
        var client = Reporter();
        for (var i = 0; i < 10; i++) await ChaxunAsync(client, $"2222-2222-22A{"ABCDEFGHJK"[i]}");
        var res = await CunzhiFactory.PostFormAsync(client, "/Jubao/Chaxun", new() { ["Code"] = "3333-3333-3333" }, "handler=Open");
        res.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await res.Content.ReadAsStringAsync()).ShouldContain("输错回执码的次数过多");
    }

    [Fact]
    public async Task The_reporter_sees_the_state_and_the_note_meant_for_them()
    {
        var (code, id) = await FiledAsync("进度查询测试");
        await StepAsync(id, "accept", new { version = await VersionAsync(id), note = "已转镇纪委核查" });
        var html = await ChaxunAsync(Reporter(), code);
        html.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("已受理");
        html.QuerySelector("[data-testid=steps]")!.TextContent.ShouldContain("已转镇纪委核查");
        html.QuerySelector("[data-testid=steps]")!.TextContent.ShouldNotContain("discipline");
    }

    [Fact]
    public async Task The_reporter_adds_information_while_the_complaint_is_open()
    {
        var (code, id) = await FiledAsync("补充材料测试");
        var html = await ChaxunAsync(Reporter(), code, "Add", "红包是在 3 月 5 日晚上送的");
        html.QuerySelector("[data-testid=done]").ShouldNotBeNull();
        (await f.WithSystemDb(db => db.Set<ComplaintEntry>().CountAsync(e => e.ComplaintId == id && e.Kind == ComplaintEntryKind.Supplement))).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_complaint_takes_no_more_information()
    {
        var (code, id) = await FiledAsync("不予受理后补充");
        await StepAsync(id, "refuse", new { version = await VersionAsync(id), reason = "不属于纪检监察受理范围，请向法院起诉" });
        var html = await ChaxunAsync(Reporter(), code);
        html.QuerySelector("[data-testid=add-form]").ShouldBeNull();
        html.Body!.TextContent.ShouldContain("不属于纪检监察受理范围");
    }

    [Theory]
    [InlineData("county.admin")]
    [InlineData("town.sanxing")]
    [InlineData("village.naoping")]
    [InlineData("coord.office")]
    public async Task Only_the_discipline_inspector_reads_complaints(string user)
    {
        var (_, id) = await FiledAsync($"谁能看 {user}");
        var api = await f.ApiAs(user);
        (await api.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"{Api}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync($"{Api}/{id}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var pages = await f.PagesAs(user);
        (await pages.GetAsync($"/Complaints/{id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_county_admin_page_request_is_denied()
    {
        var res = await (await f.PagesAs("county.admin")).GetAsync("/Complaints");
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        res.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }

    [Fact]
    public async Task The_discipline_inspector_lists_complaints_with_the_reporter_masked()
    {
        var (_, id) = await FiledAsync("打码列表测试", name: "李四海", phone: "13700001111");
        var list = await Read<Paged<ComplaintRow>>(await (await f.ApiAs("discipline")).GetAsync($"{Api}?state=Received&pageSize=100"), HttpStatusCode.OK);
        var row = list.Items.Single(r => r.Id == id);
        row.ReporterNameMasked.ShouldBe("李*海");
        row.ReporterPhoneMasked.ShouldBe("137****1111");
        (await (await f.ApiAs("discipline")).GetStringAsync($"{Api}/{id}")).ShouldNotContain("13700001111");
    }

    [Fact]
    public async Task A_town_inspector_sees_only_its_towns_complaints()
    {
        await using (var scope = f.SystemScope(out _))
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync("discipline.efeng", CunzhiFactory.Password, Roles.DisciplineInspector,
                Demo.Efeng, "鹅峰乡纪委");
        var (_, sanxing) = await FiledAsync("三兴镇的举报");
        var (_, efeng) = await FiledAsync("鹅峰乡的举报", Demo.Dongxi);
        var api = await f.ApiAs("discipline.efeng");
        var ids = (await Read<Paged<ComplaintRow>>(await api.GetAsync($"{Api}?pageSize=100"), HttpStatusCode.OK)).Items.Select(r => r.Id).ToList();
        ids.ShouldContain(efeng);
        ids.ShouldNotContain(sanxing);
        (await api.GetAsync($"{Api}/{sanxing}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revealing_the_reporter_is_audited_without_the_value()
    {
        var (_, id) = await FiledAsync("查看举报人测试", name: "赵六", phone: "13600002222");
        var revealed = await Read<RevealedReporter>(await (await f.ApiAs("discipline")).PostAsync($"{Api}/{id}/reveal", null), HttpStatusCode.OK);
        revealed.Phone.ShouldBe("13600002222");
        revealed.Name.ShouldBe("赵六");
        var entries = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.Reveal && a.Entity == "Complaint" && a.EntityKey == id.ToString()).ToListAsync());
        entries.Count.ShouldBe(1);
        entries[0].UserName.ShouldBe("discipline");
        (entries[0].Before + entries[0].After).ShouldNotContain("13600002222");
    }

    [Fact]
    public async Task The_inspector_page_reveals_the_reporter()
    {
        var (_, id) = await FiledAsync("页面查看举报人", name: "钱七", phone: "13500003333");
        var pages = await f.PagesAs("discipline");
        var page = await CunzhiFactory.Html(await pages.GetAsync($"/Complaints/{id}"));
        page.QuerySelector("[data-testid=reporter]")!.TextContent.ShouldNotContain("13500003333");
        var res = await CunzhiFactory.PostFormAsync(pages, $"/Complaints/{id}", [], "handler=Reveal");
        (await CunzhiFactory.Html(res)).QuerySelector("[data-testid=revealed]")!.TextContent.ShouldContain("13500003333");
    }

    [Fact]
    public async Task Accepting_twice_is_refused()
    {
        var (_, id) = await FiledAsync("重复受理测试");
        var d = await StepAsync(id, "accept", new { version = await VersionAsync(id) });
        var res = await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/accept", new { version = d.Complaint.Version });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain("该举报已受理，不能再受理");
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        var (_, id) = await FiledAsync("过期版本测试");
        var v = await VersionAsync(id);
        await StepAsync(id, "accept", new { version = v });
        var res = await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/investigate", new { version = v });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Concluding_without_findings_is_refused_with_nothing_written()
    {
        var id = await InvestigatingAsync("无结论办结测试");
        var res = await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/conclude", new { version = await VersionAsync(id), outcome = "Verified", findings = "" });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain("请填写调查结论");
        (await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.State).FirstAsync())).ShouldBe(ComplaintState.Investigating);
    }

    [Fact]
    public async Task A_verified_outcome_against_a_cadre_fails_the_complaint_condition_of_eligibility()
    {
        var cadre = await CleanCadreAsync();
        var county = await f.ApiAs("county.admin");
        var before = (await county.GetFromJsonAsync<EligibilityRow>($"/api/v1/ranks/eligibility/{cadre}", CunzhiFactory.Json))!;
        before.Result.Conditions.Single(c => c.Code == "D5").Passed.ShouldBeTrue();
        var id = await InvestigatingAsync("查实对资格的影响", cadre);
        var d = await StepAsync(id, "conclude", new { version = await VersionAsync(id), outcome = "Verified", findings = "收受红包 2000 元属实" });
        d.ConductRecordId.ShouldNotBeNull();
        var after = (await county.GetFromJsonAsync<EligibilityRow>($"/api/v1/ranks/eligibility/{cadre}", CunzhiFactory.Json))!;
        var d5 = after.Result.Conditions.Single(c => c.Code == "D5");
        d5.Passed.ShouldBeFalse();
        after.Result.Eligible.ShouldBeFalse();
    }

    [Fact]
    public async Task A_partly_verified_outcome_records_the_conduct_in_the_same_save()
    {
        var cadre = await CleanCadreAsync();
        var id = await InvestigatingAsync("部分查实测试", cadre);
        var d = await StepAsync(id, "conclude", new { version = await VersionAsync(id), outcome = "PartlyVerified", findings = "部分属实" });
        var record = await f.WithSystemDb(db => db.Set<ConductRecord>().AsNoTracking().FirstAsync(r => r.Id == d.ConductRecordId));
        record.CadreId.ShouldBe(cadre);
        record.Kind.ShouldBe(ConductKind.Complaint);
        record.Description.ShouldContain("部分查实");
    }

    [Fact]
    public async Task An_unfounded_outcome_records_no_conduct()
    {
        var cadre = await CleanCadreAsync();
        var id = await InvestigatingAsync("不实测试", cadre);
        var d = await StepAsync(id, "conclude", new { version = await VersionAsync(id), outcome = "Unfounded", findings = "经核查不属实" });
        d.ConductRecordId.ShouldBeNull();
        (await f.WithSystemDb(db => db.Set<ConductRecord>().AnyAsync(r => r.CadreId == cadre && r.Kind == ConductKind.Complaint))).ShouldBeFalse();
    }

    [Fact]
    public async Task Raising_a_matter_links_it_both_ways()
    {
        var (_, id) = await FiledAsync("村道年久失修无人管");
        var d = await StepAsync(id, "accept", new { version = await VersionAsync(id) });
        var raised = await Read<ComplaintMatterRaised>(await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/matter",
            new { version = d.Complaint.Version, kind = "Problem", title = "村道失修" }), HttpStatusCode.OK);
        raised.Complaint.MatterId.ShouldBe(raised.MatterId);
        raised.MatterReceiptCode.Length.ShouldBe(14);
        var m = await f.WithSystemDb(db => db.Set<Matter>().AsNoTracking().FirstAsync(x => x.Id == raised.MatterId));
        m.ComplaintId.ShouldBe(id);
        m.Source.ShouldBe(MatterSource.Complaint);
        m.RegionCode.ShouldBe(Demo.Naoping);
    }

    [Fact]
    public async Task Raising_a_second_matter_is_refused()
    {
        var (_, id) = await FiledAsync("重复转诉求");
        var first = await Read<ComplaintMatterRaised>(await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/matter",
            new { version = await VersionAsync(id), kind = "Problem", title = "第一次" }), HttpStatusCode.OK);
        var res = await (await f.ApiAs("discipline")).PostAsJsonAsync($"{Api}/{id}/matter", new { version = first.Complaint.Complaint.Version, kind = "Problem", title = "第二次" });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain("该举报已转为诉求");
    }

    [Fact]
    public async Task The_inspectors_home_counts_complaints_waiting_for_acceptance()
    {
        await FiledAsync("首页待办测试");
        var expected = await f.WithSystemDb(db => db.Set<Complaint>().CountAsync(c => c.State == ComplaintState.Received));
        var todos = await Read<Cunzhi.Web.Features.Home.TodoList>(await (await f.ApiAs("discipline")).GetAsync("/api/v1/me/todos"), HttpStatusCode.OK);
        todos.Items.Single(i => i.Key == "complaints-received").Count.ShouldBe(expected);
    }

    [Fact]
    public async Task Stats_count_open_complaints_by_age()
    {
        var (_, id) = await FiledAsync("统计测试");
        await f.WithSystemDb(async db =>
        {
            var c = await db.Set<Complaint>().FirstAsync(x => x.Id == id);
            c.FiledOn = China.Today.AddDays(-45);
            return await db.SaveChangesAsync();
        });
        var expected = await f.WithSystemDb(db => db.Set<Complaint>().CountAsync(c =>
            (c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Investigating)
            && c.FiledOn <= China.Today.AddDays(-31) && c.FiledOn >= China.Today.AddDays(-90)));
        var stats = await Read<ComplaintStatistics>(await (await f.ApiAs("discipline")).GetAsync($"{Api}/stats"), HttpStatusCode.OK);
        stats.OpenByAge[2].Count.ShouldBe(expected);
        expected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_excel_export_has_the_pages_numbers()
    {
        await FiledAsync("导出测试");
        var stats = await Read<ComplaintStatistics>(await (await f.ApiAs("discipline")).GetAsync($"{Api}/stats"), HttpStatusCode.OK);
        var r = await (await f.PagesAs("discipline")).GetAsync("/Complaints/Stats?handler=Export");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxFiles.Read(await r.Content.ReadAsByteArrayAsync());
        rows.Skip(1).Select(row => $"{row.GetString(0)} {(row.TryGetInt(1, out var n) ? n : -1)}")
            .ShouldBe(stats.OpenByAge.Select(c => $"{c.Label} {c.Count}"));
    }
}

public sealed class ComplaintTests_Sqlite(SqliteFactory f) : ComplaintTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ComplaintTests_Postgres(PostgresFactory f) : ComplaintTests<PostgresFactory>(f);
