using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>职级 over the API: policy versions, conduct records, explained eligibility, propose → approve/reject, demotion, one pending proposal, scope.</summary>
public abstract class RankTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static async Task<T> Get<T>(HttpClient c, string url)
    {
        var r = await c.GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static async Task<T> Ok<T>(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static async Task<string> Refused(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.Conflict)
    {
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(status, body);
        return body;
    }

    /// <summary>An eligible 三兴镇 cadre with no pending proposal and no other test's records (demo data: 2024-01-01 grading, approved ratings).</summary>
    private async Task<EligibilityRow> EligibleCadre(HttpClient town, int skip = 0)
    {
        var list = await Get<TownEligibility>(town, "/api/v1/ranks/eligibility?eligibleOnly=true&pageSize=200");
        var free = list.Rows.Items.Where(r => r.PendingProposalId is null).ToList();
        free.Count.ShouldBeGreaterThan(skip, "演示数据中应有符合晋升条件的三兴镇干部");
        return free[skip];
    }

    private static object Sanction(long cadreId) => new { cadreId, kind = "Sanction", date = China.Now.Date.AddDays(-3).ToString("yyyy-MM-dd"), description = "违反工作纪律，警告处分" };

    [Fact]
    public async Task Published_policy_versions_never_change_applying_only_from_their_date()
    {
        var county = await f.ApiAs("county.admin");
        var overview = await Get<PolicyOverview>(county, "/api/v1/ranks/policy");
        overview.InForce.ShouldNotBeNull().Version.ShouldBe(1);
        overview.InForce.MinSatisfactionPercent.ShouldBe(60);
        overview.InForce.EffectiveFrom.ShouldBe(new DateOnly(2024, 1, 1));

        // Editing makes a draft copy; v1 keeps its numbers.
        var command = PolicyHandlers.ToCommand(overview.InForce) with { MinSatisfactionPercent = 95, RowVersion = overview.RowVersion };
        var draft = await Ok<PolicyView>(await county.PutAsJsonAsync("/api/v1/ranks/policy/draft", command, CunzhiFactory.Json));
        draft.Version.ShouldBe(2);
        draft.IsPublished.ShouldBeFalse();
        (await Get<PolicyView>(county, "/api/v1/ranks/policy/versions/1")).MinSatisfactionPercent.ShouldBe(60);

        // Bad numbers are named; a retroactive date is refused.
        var bad = await county.PutAsJsonAsync("/api/v1/ranks/policy/draft", command with { MinMonths = [12, 12, 12, 6, 24, 24, 36, 36, 36, 48, 48, 60] }, CunzhiFactory.Json);
        (await Refused(bad, HttpStatusCode.BadRequest)).ShouldContain("逐级增加晋升难度");
        (await Refused(await county.PostAsJsonAsync("/api/v1/ranks/policy/publish", new { effectiveFrom = "2025-01-01" }))).ShouldContain("不能早于今天");

        var published = await Ok<PolicyView>(await county.PostAsJsonAsync("/api/v1/ranks/policy/publish", new { effectiveFrom = "2030-01-01" }));
        published.IsPublished.ShouldBeTrue();
        published.InForce.ShouldBeFalse();

        // v2 is published: the next edit makes v3, never changes v2.
        var noDraft = (await Get<PolicyOverview>(county, "/api/v1/ranks/policy")).RowVersion;
        var v3 = await Ok<PolicyView>(await county.PutAsJsonAsync("/api/v1/ranks/policy/draft", command with { MaxAbsenceDays = 9, RowVersion = noDraft }, CunzhiFactory.Json));
        v3.Version.ShouldBe(3);
        (await Get<PolicyView>(county, "/api/v1/ranks/policy/versions/2")).MaxAbsenceDays.ShouldBe(3);
        (await county.DeleteAsync("/api/v1/ranks/policy/draft")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Today's answers use v1; answers for a date after 2030-01-01 use v2.
        var town = await f.ApiAs("town.sanxing");
        var cadre = await EligibleCadre(town);
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.PolicyVersion.ShouldBe(1);
        var later = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}?asOf=2030-06-01");
        later.Result.PolicyVersion.ShouldBe(2);
        later.Result.Conditions.Single(c => c.Code == "D4").Title.ShouldContain("95%");
    }

    [Fact]
    public async Task Only_the_county_drafts_the_policy()
    {
        var overview = await Get<PolicyOverview>(await f.ApiAs("county.admin"), "/api/v1/ranks/policy");
        var command = PolicyHandlers.ToCommand(overview.InForce.ShouldNotBeNull()) with { MinSatisfactionPercent = 95, RowVersion = overview.RowVersion };
        foreach (var who in new[] { "town.sanxing", "discipline" })
            (await (await f.ApiAs(who)).PutAsJsonAsync("/api/v1/ranks/policy/draft", command, CunzhiFactory.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
    }

    [Fact]
    public async Task Eligibility_explains_every_condition_with_its_evidence()
    {
        var town = await f.ApiAs("town.sanxing");
        var list = await Get<TownEligibility>(town, "/api/v1/ranks/eligibility?pageSize=200");
        list.Town.ShouldBe(Demo.Sanxing);
        list.Rows.Items.Count.ShouldBeGreaterThan(0);
        foreach (var row in list.Rows.Items)
        {
            row.Result.Conditions.Select(c => c.Code).ShouldBe(["B1", "B2", "D1", "D2", "D3", "D4", "D5", "D6", "D7"]);
            row.Result.Conditions.ShouldAllBe(c => c.Evidence.Length > 0);
            row.Result.Eligible.ShouldBe(row.Result.Reasons.Count == 0);
        }
        var year = China.Now.Year - 1;
        var one = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{list.Rows.Items[0].CadreId}");
        one.Result.Conditions.Single(c => c.Code == "D1").Evidence.ShouldStartWith($"{year} 年度考核");
        one.Result.Conditions.Single(c => c.Code == "B1").Evidence.ShouldContain("个月");

        // A sanction entered by discipline shows as D2 with its date and text.
        var cadre = await EligibleCadre(town);
        (await (await f.ApiAs("discipline")).PostAsJsonAsync("/api/v1/ranks/conduct", Sanction(cadre.CadreId))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}");
        after.Result.Eligible.ShouldBeFalse();
        after.Result.Conditions.Single(c => c.Code == "D2").Evidence.ShouldContain("违反工作纪律");

        // The county must name a town; village cadres may not read eligibility.
        (await (await f.ApiAs("county.admin")).GetAsync("/api/v1/ranks/eligibility")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get<TownEligibility>(await f.ApiAs("county.admin"), $"/api/v1/ranks/eligibility?town={Demo.Efeng}")).TownName.ShouldBe("鹅峰乡");
        (await (await f.ApiAs("village.naoping")).GetAsync("/api/v1/ranks/eligibility")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Conduct_records_are_entered_by_the_right_role_with_chinese_validation()
    {
        var town = await f.ApiAs("town.sanxing");
        var discipline = await f.ApiAs("discipline");
        // An eligible cadre has held its rank for a while: a commendation dated after 2026-01-01 falls within its time at the rank, whatever
        // other tests of this class have promoted or demoted before.
        var cadre = await EligibleCadre(town);
        // The town enters absence and commendations, not sanctions; discipline the reverse.
        (await town.PostAsJsonAsync("/api/v1/ranks/conduct", Sanction(cadre.CadreId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await discipline.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre.CadreId, kind = "Absence", date = "2026-01-05", days = 1, description = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var missing = await Refused(await town.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre.CadreId, kind = "Absence", date = "2026-01-05", description = "" }),
            HttpStatusCode.BadRequest);
        missing.ShouldContain("请填写缺勤天数");
        missing.ShouldContain("请填写事由");
        (await Refused(await discipline.PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId = cadre.CadreId, kind = "Veto", date = "2026-01-05", vetoReason = "看着不顺眼", description = "x" }))).ShouldContain("一票否决理由");
        var commendation = await town.PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId = cadre.CadreId, kind = "Commendation", date = "2026-01-05", level = "City", description = "市级优秀党务工作者" });
        commendation.StatusCode.ShouldBe(HttpStatusCode.Created, await commendation.Content.ReadAsStringAsync());
        var listed = await Get<Paged<ConductView>>(town, $"/api/v1/ranks/conduct?cadreId={cadre.CadreId}");
        listed.Items.ShouldContain(r => r.Kind == ConductKind.Commendation && r.KindName == "表彰" && r.Level == CommendationLevel.City);
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.PointsDetail.ShouldContain(p => p.Contains("市级表彰"));

        // An audit finding stays D7 until discipline marks it remedied.
        var audit = await discipline.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre.CadreId, kind = "AuditFinding", date = "2026-02-01", description = "账目不清" });
        audit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var auditId = (await audit.Content.ReadFromJsonAsync<ConductView>(CunzhiFactory.Json))!.Id;
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.Conditions.Single(c => c.Code == "D7").Passed.ShouldBeFalse();
        (await town.PostAsJsonAsync($"/api/v1/ranks/conduct/{auditId}/close", new { endDate = "2026-03-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Ok<ConductView>(await discipline.PostAsJsonAsync($"/api/v1/ranks/conduct/{auditId}/close", new { endDate = "2026-03-01" }));
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.Conditions.Single(c => c.Code == "D7").Passed.ShouldBeTrue();
    }

    private static async Task<ConductView> Entered(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<ConductView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> Withdraw(HttpClient c, long id, string? reason) =>
        c.PostAsJsonAsync($"/api/v1/ranks/conduct/{id}/withdraw", new { reason });

    [Fact]
    public async Task A_record_entered_in_error_is_withdrawn_by_the_role_that_enters_its_kind_ceasing_to_count()
    {
        var town = await f.ApiAs("town.sanxing");
        var discipline = await f.ApiAs("discipline");
        var cadre = await EligibleCadre(town);
        var sanction = await Entered(await discipline.PostAsJsonAsync("/api/v1/ranks/conduct", Sanction(cadre.CadreId)));
        var before = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}");
        before.Result.Eligible.ShouldBeFalse();
        before.Result.Conditions.Single(c => c.Code == "D2").Passed.ShouldBeFalse();

        // Only discipline withdraws a sanction; the town that may see it gets 403, another town 404 (not in its scope).
        foreach (var who in new[] { "town.sanxing", "county.admin", "village.naoping", "coord.office", "dept.agri" })
            (await Withdraw(await f.ApiAs(who), sanction.Id, "录入错误")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
        (await Withdraw(await f.ApiAs("town.efeng"), sanction.Id, "录入错误")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Withdraw(discipline, 999_999_999, "录入错误")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Refused(await Withdraw(discipline, sanction.Id, " "), HttpStatusCode.BadRequest)).ShouldContain("请填写撤销理由");
        (await Refused(await Withdraw(discipline, sanction.Id, new string('误', 501)), HttpStatusCode.BadRequest)).ShouldContain("不能超过 500 个字");
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.Eligible.ShouldBeFalse("被拒绝的撤销不改变任何记录");

        var withdrawn = await Ok<ConductView>(await Withdraw(discipline, sanction.Id, "处分对象录错，应为同名干部"));
        (withdrawn.WithdrawnBy, withdrawn.WithdrawReason).ShouldBe(("discipline", "处分对象录错，应为同名干部"));
        withdrawn.WithdrawnAtUtc.ShouldNotBeNull();
        var after = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}");
        after.Result.Eligible.ShouldBeTrue(string.Join("；", after.Result.Reasons));
        after.Result.Conditions.Single(c => c.Code == "D2").Evidence.ShouldNotContain("违反工作纪律");
        var twice = await Refused(await Withdraw(discipline, sanction.Id, "再撤一次"));
        twice.ShouldContain("不能重复撤销");
        twice.ShouldContain("与当前状态冲突");

        // The row is kept: listed with who withdrew it and why, left out when only standing records are asked for.
        var all = await Get<Paged<ConductView>>(town, $"/api/v1/ranks/conduct?cadreId={cadre.CadreId}");
        all.Items.Single(r => r.Id == sanction.Id).WithdrawReason.ShouldBe("处分对象录错，应为同名干部");
        (await Get<Paged<ConductView>>(town, $"/api/v1/ranks/conduct?cadreId={cadre.CadreId}&withdrawn=false")).Items.ShouldNotContain(r => r.Id == sanction.Id);
        var onlyWithdrawn = (await Get<Paged<ConductView>>(town, $"/api/v1/ranks/conduct?cadreId={cadre.CadreId}&withdrawn=true")).Items;
        onlyWithdrawn.ShouldContain(r => r.Id == sanction.Id);
        onlyWithdrawn.ShouldAllBe(r => r.WithdrawnAtUtc != null);
        var audited = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == nameof(ConductRecord) && e.EntityKey == sanction.Id.ToString() && e.Action == "Update").ToListAsync());
        audited.ShouldHaveSingleItem().UserName.ShouldBe("discipline");
        audited[0].After!.ShouldContain("处分对象录错");

        // The town withdraws its own kinds (absence), discipline may not.
        var absence = await Entered(await town.PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId = cadre.CadreId, kind = "Absence", date = China.Now.Date.AddDays(-2).ToString("yyyy-MM-dd"), days = 5, description = "误把请假记为缺勤" }));
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.Conditions.Single(c => c.Code == "D6").Passed.ShouldBeFalse();
        (await Withdraw(discipline, absence.Id, "录入错误")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Ok<ConductView>(await Withdraw(town, absence.Id, "已批准的事假，误记为无故缺勤"));
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{cadre.CadreId}")).Result.Eligible.ShouldBeTrue();
    }

    [Fact]
    public async Task A_withdrawn_veto_is_no_ground_for_demotion_even_when_withdrawn_after_the_proposal()
    {
        var town = await f.ApiAs("town.sanxing");
        var discipline = await f.ApiAs("discipline");
        var county = await f.ApiAs("county.admin");
        var upper = (await Get<TownEligibility>(town, "/api/v1/ranks/eligibility?pageSize=200")).Rows.Items
            .Where(r => r.PendingProposalId is null && r.Result.Rank < 13 && r.Result.Eligible).Take(2).ToList();
        upper.Count.ShouldBe(2, "演示数据中应有两名 13 级以上、符合条件的三兴镇干部");
        async Task<long> Veto(long cadreId) => (await Entered(await discipline.PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId, kind = "Veto", date = China.Now.Date.AddDays(-1).ToString("yyyy-MM-dd"), vetoReason = "履职不力", description = "误录的否决" }))).Id;

        // Withdrawn first: the demotion is refused, and the veto no longer removes eligibility.
        var first = await Veto(upper[0].CadreId);
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{upper[0].CadreId}")).Result.Vetoes.ShouldNotBeEmpty();
        await Ok<ConductView>(await Withdraw(discipline, first, "否决对象录错"));
        (await Refused(await discipline.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = upper[0].CadreId, ground = "Veto", conductRecordId = first })))
            .ShouldContain("已撤销");
        var row = await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{upper[0].CadreId}");
        row.Result.Vetoes.ShouldBeEmpty();
        row.Result.Eligible.ShouldBeTrue(string.Join("；", row.Result.Reasons));
        var page = await CunzhiFactory.Html(await (await f.PagesAs("discipline")).GetAsync("/Ranks/Proposals"));
        page.QuerySelectorAll("#VetoRecordId option").Select(o => o.GetAttribute("value")).ShouldNotContain(first.ToString());

        // Withdrawn while the demotion waits: the county cannot approve it, the rank stays.
        var second = await Veto(upper[1].CadreId);
        var p = await Ok<ProposalView>(await discipline.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = upper[1].CadreId, ground = "Veto", conductRecordId = second }));
        await Ok<ConductView>(await Withdraw(discipline, second, "否决依据不成立"));
        (await Refused(await county.PostAsync($"/api/v1/ranks/proposals/{p.Id}/approve", null))).ShouldContain("已撤销");
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == upper[1].CadreId).Select(c => c.Rank).SingleAsync())).ShouldBe(upper[1].Result.Rank);
        (await Ok<ProposalView>(await county.PostAsJsonAsync($"/api/v1/ranks/proposals/{p.Id}/reject", new { reason = "一票否决记录已撤销" }))).State.ShouldBe(ProposalState.Rejected);
    }

    [Fact]
    public async Task A_county_without_a_published_policy_gets_a_chinese_answer_never_a_500_to_every_rank_call()
    {
        var cadre = await f.BareCountyAsync();
        var county = await f.ApiAs(Demo.BareCountyAdmin);
        var town = await f.ApiAs(Demo.BareTownAdmin);
        var overview = await Get<PolicyOverview>(county, "/api/v1/ranks/policy");
        (overview.InForce, overview.Draft, overview.Versions.Count).ShouldBe((null, null, 0));

        foreach (var (client, url) in new[] { (town, "/api/v1/ranks/eligibility"), (county, $"/api/v1/ranks/eligibility?town={Demo.BareTown}") })
        {
            var list = await Get<TownEligibility>(client, url);
            list.Notice!.ShouldContain("尚未发布晋升办法");
            (list.PolicyVersion, list.Rows.Total).ShouldBe((null, 0));
        }
        (await Refused(await town.GetAsync($"/api/v1/ranks/eligibility/{cadre}"))).ShouldContain("尚未发布晋升办法");
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre } }))).ShouldContain("尚未发布晋升办法");
        (await Refused(await (await f.ApiAs("discipline")).GetAsync($"/api/v1/ranks/eligibility/{cadre}"), HttpStatusCode.NotFound)).ShouldContain("管辖范围");
        (await Get<Paged<ProposalView>>(county, "/api/v1/ranks/proposals")).Total.ShouldBe(0);
        (await Get<RankHistoryView>(town, $"/api/v1/ranks/history/{cadre}")).Rank.ShouldBe(12);
        // The town still records absence; the demo county's policy is not this county's.
        var absence = await town.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre, kind = "Absence", date = China.Now.Date.AddDays(-1).ToString("yyyy-MM-dd"), days = 1, description = "未请假" });
        absence.StatusCode.ShouldBe(HttpStatusCode.Created, await absence.Content.ReadAsStringAsync());
    }


    private static async Task<HttpClient> ApiAs(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = CunzhiFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task Approval_on_31_December_sets_the_rank_from_1_January()
    {
        var dec31 = f.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(China.At(2026, 12, 31, 18)))));
        var town = await ApiAs(dec31, "town.sanxing");
        var cadre = await EligibleCadre(town);
        var proposed = await Ok<List<ProposalView>>(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre.CadreId }, note = "工作突出" }));
        var proposal = proposed.ShouldHaveSingleItem();
        proposal.State.ShouldBe(ProposalState.Pending);
        proposal.ToRank.ShouldBe(cadre.Result.Rank - 1);

        // One pending proposal per cadre.
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre.CadreId } }))).ShouldContain("待批复");

        var approved = await Ok<ProposalView>(await (await ApiAs(dec31, "county.admin")).PostAsync($"/api/v1/ranks/proposals/{proposal.Id}/approve", null));
        approved.State.ShouldBe(ProposalState.Approved);
        approved.EffectiveFrom.ShouldBe(new DateOnly(2027, 1, 1));

        var (rank, change) = await f.WithSystemDb(async db => (
            await db.Cadres.Where(c => c.Id == cadre.CadreId).Select(c => c.Rank).SingleAsync(),
            await db.Set<RankChange>().Where(c => c.CadreId == cadre.CadreId && c.Kind == RankChangeKind.Promotion).SingleAsync()));
        rank.ShouldBe(cadre.Result.Rank - 1);
        (change.FromRank, change.ToRank, change.EffectiveFrom, change.ProposalId).ShouldBe((cadre.Result.Rank, cadre.Result.Rank - 1, new DateOnly(2027, 1, 1), proposal.Id));
        change.DecidedBy.ShouldBe("county.admin");

        // The history shows it, not yet in force on 31 December; the rank in force that day is still the old one.
        var history = await Get<RankHistoryView>(town, $"/api/v1/ranks/history/{cadre.CadreId}");
        history.RankInForceToday.ShouldBe(cadre.Result.Rank);
        history.Changes[0].Kind.ShouldBe(RankChangeKind.Promotion);
        history.Changes[0].InForce.ShouldBeFalse();
        history.Changes.ShouldContain(c => c.Kind == RankChangeKind.Initial);
        // Approved twice: refused.
        (await Refused(await (await ApiAs(dec31, "county.admin")).PostAsync($"/api/v1/ranks/proposals/{proposal.Id}/approve", null))).ShouldContain("已批复");
    }

    [Fact]
    public async Task Simultaneous_proposals_for_one_cadre_let_exactly_one_in()
    {
        var town = await f.ApiAs("town.sanxing");
        var cadre = await EligibleCadre(town);

        // Eight clients (one token each, as eight browsers would be) propose the same cadre at once: each passes the
        // "no pending proposal" check before any has saved, so the unique index on pending proposals decides.
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.ApiAs("town.sanxing")));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async c =>
        {
            await start.WaitAsync();
            var response = await c.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre.CadreId } });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        var all = string.Join("\n", results.Select(r => $"{(int)r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, all);
        results.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict, all);
        results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("已有待批复的职级申请"), all);
        (await f.WithSystemDb(db => db.Set<RankProposal>().CountAsync(p => p.CadreId == cadre.CadreId && p.State == ProposalState.Pending))).ShouldBe(1);
    }

    [Fact]
    public async Task An_ineligible_cadre_sinks_the_whole_batch_with_its_reasons()
    {
        var town = await f.ApiAs("town.sanxing");
        var good = await EligibleCadre(town);
        var bad = await EligibleCadre(town, 1);
        (await (await f.ApiAs("discipline")).PostAsJsonAsync("/api/v1/ranks/conduct", Sanction(bad.CadreId))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Another test may have proposed and decided this cadre before: count what the refused batch adds, not what was there.
        var earlier = (await Get<Paged<ProposalView>>(town, $"/api/v1/ranks/proposals?cadreId={good.CadreId}")).Total;
        var refused = await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { good.CadreId, bad.CadreId } }));
        refused.ShouldContain(bad.Name);
        refused.ShouldContain("D2");
        refused.ShouldNotContain(good.Name + " 不符合");
        (await Get<Paged<ProposalView>>(town, $"/api/v1/ranks/proposals?cadreId={good.CadreId}")).Total.ShouldBe(earlier, "全部不予受理");
    }

    [Fact]
    public async Task An_empty_promotion_batch_is_400_in_chinese()
    {
        var town = await f.ApiAs("town.sanxing");
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = Array.Empty<long>() }), HttpStatusCode.BadRequest))
            .ShouldContain("请选择要申请晋升的干部");
    }

    [Fact]
    public async Task Rejection_needs_a_reason()
    {
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        var cadre = await EligibleCadre(town);
        var p = (await Ok<List<ProposalView>>(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre.CadreId } })))[0];
        (await Refused(await county.PostAsJsonAsync($"/api/v1/ranks/proposals/{p.Id}/reject", new { reason = "" }), HttpStatusCode.BadRequest)).ShouldContain("不予批准须填写理由");
        var rejected = await Ok<ProposalView>(await county.PostAsJsonAsync($"/api/v1/ranks/proposals/{p.Id}/reject", new { reason = "名额已满，明年再议" }));
        rejected.State.ShouldBe(ProposalState.Rejected);
        rejected.DecisionReason.ShouldBe("名额已满，明年再议");
        (await f.WithSystemDb(db => db.Set<RankChange>().CountAsync(c => c.ProposalId == p.Id))).ShouldBe(0);
        (await Get<Paged<ProposalView>>(county, $"/api/v1/ranks/proposals?state=Rejected&region={Demo.Sanxing}")).Items.ShouldContain(x => x.Id == p.Id);
    }

    [Fact]
    public async Task Demotion_for_a_veto_or_an_incompetent_rating_is_one_rank_down()
    {
        var town = await f.ApiAs("town.sanxing");
        var discipline = await f.ApiAs("discipline");
        var county = await f.ApiAs("county.admin");
        var all = (await Get<TownEligibility>(town, "/api/v1/ranks/eligibility?pageSize=200")).Rows.Items.Where(r => r.PendingProposalId is null).ToList();
        var upper = all.First(r => r.Result.Rank < 13);

        var veto = await Veto(discipline, upper.CadreId);
        // Discipline proposes for a veto only; the veto also removes promotion eligibility.
        (await Refused(await discipline.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = upper.CadreId, ground = "AnnualIncompetent", year = 2025 })))
            .ShouldContain("由乡镇提出");
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{upper.CadreId}")).Result.Vetoes.ShouldNotBeEmpty();
        var p = await Ok<ProposalView>(await discipline.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = upper.CadreId, ground = "Veto", conductRecordId = veto }));
        (p.Kind, p.FromRank, p.ToRank).ShouldBe((ProposalKind.Demotion, upper.Result.Rank, upper.Result.Rank + 1));
        var approved = await Ok<ProposalView>(await county.PostAsync($"/api/v1/ranks/proposals/{p.Id}/approve", null));
        approved.EffectiveFrom.ShouldBe(RankHistory.EffectiveFromApproval(China.Today));
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == upper.CadreId).Select(c => c.Rank).SingleAsync())).ShouldBe(upper.Result.Rank + 1);
        // Until the 1st the cadre page shows the rank in force and the coming one beside it.
        var cadrePage = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Cadres/Detail?id={upper.CadreId}"));
        var inForce = (await Get<RankHistoryView>(town, $"/api/v1/ranks/history/{upper.CadreId}")).RankInForceToday;
        string.Concat(cadrePage.QuerySelector("[data-testid=rank]")!.TextContent.Where(ch => !char.IsWhiteSpace(ch)))
            .ShouldBe(inForce == upper.Result.Rank + 1 ? $"{inForce}级" : $"{inForce}级（{approved.EffectiveFrom:yyyy-MM-dd}起为{upper.Result.Rank + 1}级）");
        (await Refused(await discipline.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = upper.CadreId, ground = "Veto", conductRecordId = veto })))
            .ShouldContain("已因该一票否决情形降级");

        // 不称职: only an approved rating of that year counts.
        var other = all.First(r => r.Result.Rank < 13 && r.CadreId != upper.CadreId);
        var year = China.Now.Year - 1;
        await f.WithSystemDb(db => db.Set<AnnualReview>().Where(r => r.CadreId == other.CadreId && r.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Rating, Rating.Incompetent)));
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = other.CadreId, ground = "AnnualIncompetent", year = year - 5 })))
            .ShouldContain("未审定为不称职");
        var demote = await Ok<ProposalView>(await town.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = other.CadreId, ground = "AnnualIncompetent", year }));
        demote.Grounds.ShouldContain($"{year} 年度考核不称职");
        (await Get<EligibilityRow>(town, $"/api/v1/ranks/eligibility/{other.CadreId}")).Result.Conditions.Single(c => c.Code == "D1").Passed.ShouldBeFalse();
        // A promotion proposal while the demotion is pending: one pending per cadre.
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { other.CadreId } }))).ShouldContain("待批复");
    }

    [Fact]
    public async Task A_rank_13_cadre_stays_13()
    {
        var town = await f.ApiAs("town.sanxing");
        var all = (await Get<TownEligibility>(town, "/api/v1/ranks/eligibility?pageSize=200")).Rows.Items.Where(r => r.PendingProposalId is null).ToList();
        var bottom = all.First(r => r.Result.Rank == 13);
        // Rank 13 has no lower rank.
        var bottomVeto = await Veto(await f.ApiAs("discipline"), bottom.CadreId);
        (await Refused(await town.PostAsJsonAsync("/api/v1/ranks/proposals/demotion", new { cadreId = bottom.CadreId, ground = "Veto", conductRecordId = bottomVeto })))
            .ShouldContain("降级后仍为 13 级");
    }

    private static async Task<long> Veto(HttpClient discipline, long cadreId)
    {
        var r = await discipline.PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId, kind = "Veto", date = China.Now.Date.AddDays(-1).ToString("yyyy-MM-dd"), vetoReason = "违法违纪", description = "违规发放补贴" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<ConductView>(CunzhiFactory.Json))!.Id;
    }

    [Fact]
    public async Task Efeng_can_neither_see_nor_decide_sanxing_cadres()
    {
        var sanxing = await f.ApiAs("town.sanxing");
        var efeng = await f.ApiAs("town.efeng");
        var cadre = (await Get<TownEligibility>(sanxing, "/api/v1/ranks/eligibility?pageSize=1")).Rows.Items[0];
        (await efeng.GetAsync($"/api/v1/ranks/eligibility/{cadre.CadreId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetAsync($"/api/v1/ranks/history/{cadre.CadreId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await Get<TownEligibility>(efeng, $"/api/v1/ranks/eligibility?town={Demo.Sanxing}&pageSize=200");
        own.Town.ShouldBe(Demo.Efeng);
        own.Rows.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922200"));
        (await efeng.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { cadre.CadreId } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre.CadreId, kind = "Absence", date = "2026-01-05", days = 1, description = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get<Paged<ConductView>>(efeng, $"/api/v1/ranks/conduct?cadreId={cadre.CadreId}")).Total.ShouldBe(0);

        // A 三兴镇 proposal is invisible to 鹅峰乡 and cannot be acted on by it.
        var eligible = await EligibleCadre(sanxing);
        var p = (await Ok<List<ProposalView>>(await sanxing.PostAsJsonAsync("/api/v1/ranks/proposals/promotion", new { cadreIds = new[] { eligible.CadreId } })))[0];
        (await efeng.GetAsync($"/api/v1/ranks/proposals/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get<Paged<ProposalView>>(efeng, "/api/v1/ranks/proposals?pageSize=200")).Items.ShouldNotContain(x => x.Id == p.Id);
        (await efeng.PostAsync($"/api/v1/ranks/proposals/{p.Id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A village cadre reads its own village's rank history only.
        var village = await f.ApiAs("village.naoping");
        var naoping = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping).Select(c => c.Id).FirstAsync());
        var elsewhere = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Sanxingcun).Select(c => c.Id).FirstAsync());
        (await Get<RankHistoryView>(village, $"/api/v1/ranks/history/{naoping}")).Changes.ShouldContain(c => c.Kind == RankChangeKind.Initial);
        (await village.GetAsync($"/api/v1/ranks/history/{elsewhere}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class RankTests_Sqlite(SqliteFactory f) : RankTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RankTests_Postgres(PostgresFactory f) : RankTests<PostgresFactory>(f);
