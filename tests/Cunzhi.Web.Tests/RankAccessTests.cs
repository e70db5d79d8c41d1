using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The 职级 pages by role beyond who may open them (PermissionTests): propose → approve / reject, withdrawing conduct records, the policy notice.</summary>
public abstract class RankAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Discipline = "discipline", Town = "town.sanxing";

    /// <summary>Posts the form that holds <paramref name="button"/>, with the button's own name and value, plus extra fields.</summary>
    private static async Task<HttpResponseMessage> Press(HttpClient client, IHtmlDocument page, string button, Dictionary<string, string>? fields = null)
    {
        var b = page.QuerySelector(button).ShouldNotBeNull($"页面上应有 {button}");
        var form = (IHtmlFormElement)b.Closest("form")!;
        var data = new Dictionary<string, string> { ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! };
        if (b.GetAttribute("name") is { } n) data[n] = b.GetAttribute("value") ?? "";
        foreach (var (k, v) in fields ?? []) data[k] = v;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(data));
    }

    [Fact]
    public async Task Proposals_run_on_the_pages_from_the_town_to_the_countys_decision()
    {
        var town = await f.PagesAs(Town);
        var list = await CunzhiFactory.Html(await town.GetAsync("/Ranks/Eligibility?eligibleOnly=true"));
        var buttons = list.QuerySelectorAll("[data-testid=propose]").ToList();
        buttons.Count.ShouldBeGreaterThan(1, "演示数据中应有符合条件的三兴镇干部");
        var first = long.Parse(buttons[0].GetAttribute("data-cadre")!);
        var second = long.Parse(buttons[1].GetAttribute("data-cadre")!);
        list.QuerySelector($"li[data-cadre='{first}'] [data-testid=conditions] li[data-code=D7]").ShouldNotBeNull();

        var proposed = await Press(town, list, $"[data-testid=propose][data-cadre='{first}']");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(proposed)).QuerySelector("[data-testid=errors]")?.TextContent);
        list = await CunzhiFactory.Html(await town.GetAsync("/Ranks/Eligibility?eligibleOnly=true"));
        list.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("待县委组织部批复");
        (await Press(town, list, $"[data-testid=propose][data-cadre='{second}']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ids = await f.WithSystemDb(db => db.Set<RankProposal>().Where(p => p.CadreId == first || p.CadreId == second)
            .ToDictionaryAsync(p => p.CadreId, p => p.Id));

        var county = await f.PagesAs(County);
        var proposals = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Proposals?state=Pending"));
        // A rejection without a reason is refused on the page.
        var refused = await CunzhiFactory.Html(await Press(county, proposals, $"[data-testid=reject][data-proposal='{ids[second]}']", new() { ["Reason"] = "" }));
        refused.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("不予批准须填写理由");
        (await Press(county, proposals, $"[data-testid=reject][data-proposal='{ids[second]}']", new() { ["Reason"] = "任职表现需再观察" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        proposals = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Proposals?state=Pending"));
        (await Press(county, proposals, $"[data-testid=approve][data-proposal='{ids[first]}']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var effective = RankHistory.EffectiveFromApproval(China.Today);
        var detail = await CunzhiFactory.Html(await county.GetAsync($"/Cadres/Detail?id={first}"));
        var row = detail.QuerySelector("[data-testid=rank-history] tr[data-kind=Promotion]").ShouldNotBeNull();
        row.GetAttribute("data-effective").ShouldBe(effective.ToString("yyyy-MM-dd"));
        detail.QuerySelector("[data-testid=rank-history] tr[data-kind=Initial]").ShouldNotBeNull();
        var states = await f.WithSystemDb(db => db.Set<RankProposal>().Where(p => p.Id == ids[first] || p.Id == ids[second]).ToDictionaryAsync(p => p.Id, p => p.State));
        (states[ids[first]], states[ids[second]]).ShouldBe((ProposalState.Approved, ProposalState.Rejected));

        // The village sees the history of its own cadres on the detail page; other roles cannot approve.
        (await (await f.PagesAs(Town)).GetAsync("/Ranks/Proposals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var townView = await CunzhiFactory.Html(await town.GetAsync("/Ranks/Proposals"));
        townView.QuerySelector("[data-testid=approve]").ShouldBeNull();
    }

    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden || r.Headers.Location?.ToString().Contains("AccessDenied") == true;

    [Fact]
    public async Task Discipline_withdraws_a_record_on_the_conduct_page_leaving_it_listed_struck_through_with_the_reason()
    {
        var wrong = await Sanction("页面撤销测试：误录");
        var kept = await Sanction("页面撤销测试：保留");
        var url = $"/Ranks/Conduct?region={Demo.Sanxing}&kind=Sanction";

        var discipline = await f.PagesAs(Discipline);
        var page = await CunzhiFactory.Html(await discipline.GetAsync(url));
        var noReason = await CunzhiFactory.Html(await Press(discipline, page, $"[data-testid=withdraw][data-record='{wrong}']", new() { ["WithdrawReason"] = " " }));
        noReason.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写撤销理由");
        var done = await Press(discipline, page, $"[data-testid=withdraw][data-record='{wrong}']", new() { ["WithdrawReason"] = "处分对象录错" });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(done)).QuerySelector("[data-testid=errors]")?.TextContent);

        page = await CunzhiFactory.Html(await discipline.GetAsync(url));
        page.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("已撤销");
        var row = page.QuerySelector($"[data-testid=conduct] tr[data-record='{wrong}']").ShouldNotBeNull("撤销的记录仍然列出");
        row.GetAttribute("data-withdrawn").ShouldBe("true");
        var struck = string.Join(" ", row.QuerySelectorAll("s").Select(x => x.TextContent));
        foreach (var text in new[] { "党纪政务处分", "页面撤销测试：误录" }) struck.ShouldContain(text);
        var note = row.QuerySelector("[data-testid=withdrawn-note]")!.TextContent;
        note.ShouldContain("处分对象录错");
        note.ShouldContain(Discipline);
        row.QuerySelector("[data-testid=withdraw]").ShouldBeNull("不能重复撤销");
        page.QuerySelector($"tr[data-record='{kept}']")!.GetAttribute("data-withdrawn").ShouldBe("false");
        page.QuerySelector("main nav[aria-label='分页']")!.TextContent.ShouldContain("共 ", Case.Sensitive, "列表仍然分页");
    }

    /// <summary>A sanction that discipline records for the first cadre of 三兴村, dated yesterday.</summary>
    private async Task<long> Sanction(string text)
    {
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Sanxingcun).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var api = await f.ApiAs(Discipline);
        var r = await api.PostAsJsonAsync("/api/v1/ranks/conduct", new { cadreId = cadre, kind = "Sanction", date = China.Now.Date.AddDays(-1).ToString("yyyy-MM-dd"), description = text });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<Cunzhi.Web.Features.Ranks.ConductView>(CunzhiFactory.Json))!.Id;
    }

    [Fact]
    public async Task Only_discipline_may_withdraw_its_records_on_the_conduct_page()
    {
        var kept = await Sanction("页面撤销测试：保留");
        // The town sees discipline's records but has no withdraw button for them, and posting the handler is refused; 鹅峰乡 gets 404.
        var town = await f.PagesAs(Town);
        var townPage = await CunzhiFactory.Html(await town.GetAsync("/Ranks/Conduct?kind=Sanction"));
        townPage.QuerySelector($"tr[data-record='{kept}']").ShouldNotBeNull();
        townPage.QuerySelector($"[data-testid=withdraw][data-record='{kept}']").ShouldBeNull();
        async Task<HttpResponseMessage> PostWithdraw(HttpClient client, long id)
        {
            var token = (await CunzhiFactory.Html(await client.GetAsync("/Ranks/Conduct"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await client.PostAsync($"/Ranks/Conduct?handler=Withdraw&id={id}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["WithdrawReason"] = "越权撤销" }));
        }
        Refused(await PostWithdraw(town, kept)).ShouldBeTrue("乡镇不能撤销纪检监察登记的处分");
        Refused(await PostWithdraw(await f.PagesAs(County), kept)).ShouldBeTrue("县委组织部不登记也不撤销履职记录");
        (await PostWithdraw(await f.PagesAs("town.efeng"), kept)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await f.WithSystemDb(db => db.Set<ConductRecord>().Where(r => r.Id == kept).Select(r => r.WithdrawnAtUtc).SingleAsync())).ShouldBeNull();
    }

    /// <summary>Every named field of a form with the value the page put in it (the selected option of a select).</summary>
    private static Dictionary<string, string> FormValues(AngleSharp.Dom.IElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            if (name == "__RequestVerificationToken") continue;
            values[name] = e switch
            {
                IHtmlSelectElement s => s.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? s.Options.FirstOrDefault()?.Value ?? "",
                IHtmlTextAreaElement t => t.Value,
                _ => e.GetAttribute("value") ?? "",
            };
        }
        return values;
    }

    [Fact]
    public async Task A_county_without_a_policy_is_told_so_on_every_rank_page_until_it_publishes_the_default_draft()
    {
        await f.BareCountyAsync();
        var county = await f.PagesAs(Demo.BareCountyAdmin);
        var town = await f.PagesAs(Demo.BareTownAdmin);
        foreach (var url in new[] { "/Ranks/Eligibility", $"/Ranks/Eligibility?town={Demo.BareTown}", "/Ranks/Proposals" })
        {
            var response = await county.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var notice = (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=no-policy]").ShouldNotBeNull(url);
            notice.TextContent.ShouldContain("本县尚未发布晋升办法");
            notice.QuerySelector("a[href='/Ranks/Policy']").ShouldNotBeNull($"{url}: 县委组织部应能直接去发布");
        }
        foreach (var url in new[] { "/Ranks/Eligibility", "/Ranks/Proposals" })
        {
            var response = await town.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var notice = (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=no-policy]").ShouldNotBeNull(url);
            notice.TextContent.ShouldContain("本县尚未发布晋升办法");
            notice.QuerySelector("a[href='/Ranks/Policy']").ShouldBeNull("乡镇不能发布晋升办法");
        }
        foreach (var (client, url) in new[] { (county, "/Ranks/Conduct"), (town, "/Ranks/Conduct"), (town, "/Ranks/Policy") })
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        (await CunzhiFactory.Html(await town.GetAsync("/Ranks/Policy"))).QuerySelector("[data-testid=policy-form]").ShouldBeNull();

        // The policy page offers the county admin a draft already holding the pilot's defaults: saved as it is, then published from today.
        var page = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Policy"));
        page.QuerySelector("[data-testid=no-policy]")!.TextContent.ShouldContain("默认");
        var form = page.QuerySelector("[data-testid=policy-form]").ShouldNotBeNull();
        var values = FormValues(form);
        Enumerable.Range(0, 12).Select(i => int.Parse(values[$"Form.MinMonths[{i}]"])).ShouldBe(RankPolicy.DefaultMinMonths);
        (values["Form.AllowanceStepYuan"], values["Form.MinSatisfactionPercent"], values["Form.MaxAbsenceDays"]).ShouldBe(("100", "60", "3"));
        values["Form.VetoReasons"].Split('\n').ShouldBe(RankPolicy.DefaultVetoReasons);
        var saved = await Press(county, page, "[data-testid=save-policy]", values);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(saved)).QuerySelector("[data-testid=errors]")?.TextContent);
        page = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Policy"));
        var published = await Press(county, page, "[data-testid=publish-policy]", new() { ["EffectiveFrom"] = China.Now.Date.ToString("yyyy-MM-dd") });
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(published)).QuerySelector("[data-testid=errors]")?.TextContent);
        var policy = await f.WithSystemDb(db => db.Set<RankPolicy>().SingleAsync(p => p.CountyCode == Demo.BareCounty));
        (policy.Version, policy.IsPublished, policy.PublishedBy).ShouldBe((1, true, Demo.BareCountyAdmin));
        policy.MinMonths.ShouldBe(RankPolicy.DefaultMinMonths);
        policy.PointsSteps.ShouldBe(RankPolicy.DefaultPointsSteps);

        var eligibility = await CunzhiFactory.Html(await town.GetAsync("/Ranks/Eligibility"));
        eligibility.QuerySelector("[data-testid=no-policy]").ShouldBeNull();
        eligibility.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("晋升办法第 1 版");
    }

    [Fact]
    public async Task The_policy_page_keeps_the_version_in_force_while_the_county_drafts_the_next()
    {
        var county = await f.PagesAs(County);
        var page = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Policy"));
        page.QuerySelector("[data-testid=policy]")!.GetAttribute("data-version").ShouldBe("1");
        page.QuerySelector("[data-testid=versions] tr[data-version='1']").ShouldNotBeNull();
        var fields = new Dictionary<string, string>
        {
            ["Form.AllowanceStepYuan"] = "100", ["Form.MinimumRating"] = "Competent", ["Form.SanctionMonths"] = "24", ["Form.PeriodMonths"] = "12",
            ["Form.MinSatisfactionPercent"] = "60", ["Form.MaxAbsenceDays"] = "3", ["Form.ExcellentPoints"] = "2", ["Form.CountyCommendationPoints"] = "1",
            ["Form.CityCommendationPoints"] = "2", ["Form.ProvinceCommendationPoints"] = "3", ["Form.NationalCommendationPoints"] = "5",
            ["Form.StepPoints[0]"] = "2", ["Form.StepMonths[0]"] = "3", ["Form.VetoReasons"] = "履职不力\n违法违纪",
        };
        for (var i = 0; i < 12; i++) fields[$"Form.MinMonths[{i}]"] = (i == 3 ? 6 : 12 + i).ToString();
        fields["RowVersion"] = page.QuerySelector("[data-testid=policy-form] input[name=RowVersion]")!.GetAttribute("value")!;
        var bad = await CunzhiFactory.Html(await Press(county, page, "[data-testid=save-policy]", fields));
        bad.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("逐级增加晋升难度");
        fields["Form.MinMonths[3]"] = "15";
        (await Press(county, page, "[data-testid=save-policy]", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await CunzhiFactory.Html(await county.GetAsync("/Ranks/Policy"));
        page.QuerySelector("[data-testid=versions] tr[data-version='2']").ShouldNotBeNull();
        var published = await CunzhiFactory.Html(await Press(county, page, "[data-testid=publish-policy]", new() { ["EffectiveFrom"] = "2020-01-01" }));
        published.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("不能早于今天");
        (await f.WithSystemDb(db => db.Set<RankPolicy>().CountAsync(p => p.IsPublished))).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_county_sees_the_policy_form()
    {
        foreach (var who in new[] { Town, Discipline })
            (await CunzhiFactory.Html(await (await f.PagesAs(who)).GetAsync("/Ranks/Policy"))).QuerySelector("[data-testid=policy-form]").ShouldBeNull(who);
    }
}

public sealed class RankAccessTests_Sqlite(SqliteFactory f) : RankAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RankAccessTests_Postgres(PostgresFactory f) : RankAccessTests<PostgresFactory>(f);
