using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Features.Assessment;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using BurdenPolicyView = Cunzhi.Web.Features.Burden.PolicyView;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Lost updates on the county's settings and policy drafts: pay settings, rank policy and indicator template drafts
/// (<c>rowVersion</c>, since <c>version</c> there is the 第 n 版 number), assessment settings and the burden policy
/// (<c>version</c>). No draft yet reads as version 0 and a save with 0 makes it; two made at once leave one.
/// </summary>
public abstract class ConcurrencyDraftTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Stale = "数据已被他人修改，请刷新后重试";
    private const string PayUrl = "/api/v1/pay/settings";
    private const string RankUrl = "/api/v1/ranks/policy";
    private const string TemplateUrl = "/api/v1/assessment/templates";
    private const string SettingsUrl = "/api/v1/assessment/settings";
    private const string BurdenUrl = "/api/v1/burden/policy";

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static HttpRequestMessage Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: CunzhiFactory.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task ShouldBeStaleAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain(Stale);
    }

    /// <summary>Every client sends its PUT at the same moment (released together); returns who got what.</summary>
    private static async Task<(int Client, HttpStatusCode Status, string Body)[]> RaceAsync(IReadOnlyList<HttpClient> clients, Func<HttpClient, int, Task<HttpResponseMessage>> put)
    {
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await put(c, i);
            return (i, response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Count);
        return await Task.WhenAll(racing);
    }

    /// <summary>Exactly one 200, every other answer the stale 409; the winner's index.</summary>
    private static int OneWins((int Client, HttpStatusCode Status, string Body)[] results)
    {
        var report = string.Join("\n", results.Select(r => $"{r.Client}: {r.Status} {r.Body}"));
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, report);
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict && r.Body.Contains(Stale), report);
        return results.Single(r => r.Status == HttpStatusCode.OK).Client;
    }

    private Task<int> AuditCountAsync(string entity, long id) =>
        f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == entity && a.EntityKey == id.ToString()));

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

    // ---- pay settings (报酬标准) ----

    /// <summary>The county admin's API client, with no pay settings draft left by another test.</summary>
    private async Task<HttpClient> PayCountyAsync()
    {
        var county = await f.ApiAs("county.admin");
        await county.DeleteAsync(PayUrl + "/draft");
        return county;
    }

    /// <summary>A draft's month: after every published version and after this month.</summary>
    private static DateOnly NextPayMonth(PaySettingsOverview o)
    {
        var latest = o.Versions.Where(v => v.IsPublished).Select(v => v.EffectiveFrom).Append(China.Today).Max();
        return new DateOnly(latest.Year, latest.Month, 1).AddMonths(1);
    }

    private static object PayBody(DateOnly from, long chiefBaseFen, int? rowVersion) => new
    {
        effectiveFrom = from.ToString("yyyy-MM-dd"), chiefBaseFen, performanceBaseFen = 800_00, coefficients = "60=1", goodSecretaryAwardFen = 10_000_00,
        goodSecretaryPayMonth = 1, retirementFenPerYear = 25_00, retirementAge = 60, incrementCapPercent = 20, rowVersion,
    };

    private Task<PaySettings?> PayDraftAsync() =>
        f.WithSystemDb(db => db.Set<PaySettings>().SingleOrDefaultAsync(s => s.CountyCode == Demo.County && !s.IsPublished));

    [Fact]
    public async Task Parallel_pay_settings_draft_edits_from_one_version_one_wins_the_rest_get_409()
    {
        var county = await PayCountyAsync();
        var from = NextPayMonth(await Read<PaySettingsOverview>(await county.GetAsync(PayUrl)));
        var draft = await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_000_00, 0)));
        var audit = await AuditCountAsync(nameof(PaySettings), draft.Id);

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => f.ApiAs("county.admin")));
        var winner = OneWins(await RaceAsync(clients, (c, i) => c.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_100_00 + i, draft.RowVersion))));

        var stored = (await PayDraftAsync()).ShouldNotBeNull();
        (stored.Id, stored.ChiefBaseFen, stored.RowVersion).ShouldBe((draft.Id, 3_100_00L + winner, draft.RowVersion + 1));
        (await AuditCountAsync(nameof(PaySettings), draft.Id)).ShouldBe(audit + 1);
        await county.DeleteAsync(PayUrl + "/draft");
    }

    [Fact]
    public async Task Two_first_pay_settings_drafts_at_once_make_exactly_one_draft()
    {
        var county = await PayCountyAsync();
        var overview = await Read<PaySettingsOverview>(await county.GetAsync(PayUrl));
        (overview.Draft, overview.RowVersion).ShouldBe((null, 0));
        var from = NextPayMonth(overview);

        var clients = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => f.ApiAs("county.admin")));
        var winner = OneWins(await RaceAsync(clients, (c, i) => c.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_200_00 + i, 0))));

        var drafts = await f.WithSystemDb(db => db.Set<PaySettings>().Where(s => s.CountyCode == Demo.County && !s.IsPublished).ToListAsync());
        drafts.Count.ShouldBe(1);
        drafts[0].ChiefBaseFen.ShouldBe(3_200_00L + winner);
        await county.DeleteAsync(PayUrl + "/draft");
    }

    [Fact]
    public async Task A_pay_settings_draft_PUT_without_a_version_is_428()
    {
        var county = await PayCountyAsync();
        var from = NextPayMonth(await Read<PaySettingsOverview>(await county.GetAsync(PayUrl)));
        var none = await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_300_00, null));
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await PayDraftAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_current_pay_settings_draft_version_lands_whether_sent_in_the_body_or_as_ETag()
    {
        var county = await PayCountyAsync();
        var get = await county.GetAsync(PayUrl);
        get.Headers.ETag!.Tag.ShouldBe("\"0\"");
        var from = NextPayMonth(await Read<PaySettingsOverview>(get));

        var created = await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_300_00, 0)));
        created.RowVersion.ShouldBeGreaterThan(0);
        // Another client that also read "no draft" would overwrite a draft it never saw.
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_301_00, 0)));

        get = await county.GetAsync(PayUrl);
        get.Headers.ETag!.Tag.ShouldBe($"\"{created.RowVersion}\"");
        var put = await county.SendAsync(Put(PayUrl + "/draft", PayBody(from, 3_302_00, null), get.Headers.ETag.Tag));
        var saved = await Read<PaySettingsView>(put);
        (saved.ChiefBaseFen, saved.RowVersion, saved.Version).ShouldBe((3_302_00L, created.RowVersion + 1, created.Version));
        put.Headers.ETag!.Tag.ShouldBe($"\"{saved.RowVersion}\"");

        await ShouldBeStaleAsync(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_303_00, created.RowVersion)));
        await ShouldBeStaleAsync(await county.SendAsync(Put(PayUrl + "/draft", PayBody(from, 3_304_00, null), $"\"{created.RowVersion}\"")));
        var stored = (await PayDraftAsync()).ShouldNotBeNull();
        (stored.ChiefBaseFen, stored.RowVersion).ShouldBe((3_302_00L, saved.RowVersion));
        await county.DeleteAsync(PayUrl + "/draft");
    }

    [Fact]
    public async Task A_pay_settings_draft_version_read_before_publication_stays_stale()
    {
        var county = await PayCountyAsync();
        var from = NextPayMonth(await Read<PaySettingsOverview>(await county.GetAsync(PayUrl)));
        var draft = await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_400_00, 0)));
        (await county.PostAsJsonAsync(PayUrl + "/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Saving what was read before the publication neither changes the published version nor starts a draft.
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from.AddMonths(1), 3_401_00, draft.RowVersion)));
        (await PayDraftAsync()).ShouldBeNull();
        (await f.WithSystemDb(db => db.Set<PaySettings>().SingleAsync(s => s.Id == draft.Id))).ChiefBaseFen.ShouldBe(3_400_00);

        // Someone starts the next draft: the old version still cannot land on it.
        var next = await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from.AddMonths(1), 3_402_00, 0)));
        next.RowVersion.ShouldBeGreaterThan(draft.RowVersion);
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from.AddMonths(1), 3_403_00, draft.RowVersion)));
        (await PayDraftAsync()).ShouldNotBeNull().ChiefBaseFen.ShouldBe(3_402_00);
        await county.DeleteAsync(PayUrl + "/draft");
    }

    [Fact]
    public async Task The_pay_settings_page_refuses_a_stale_save_keeping_the_input_until_reloaded()
    {
        var county = await PayCountyAsync();
        var from = NextPayMonth(await Read<PaySettingsOverview>(await county.GetAsync(PayUrl)));
        var draft = await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_500_00, 0)));
        var pages = await f.PagesAs("county.admin");
        var form = (await CunzhiFactory.Html(await pages.GetAsync("/Pay/Settings"))).QuerySelector("[data-testid=settings-form]").ShouldNotBeNull();
        var fields = FormValues(form);
        fields["RowVersion"].ShouldBe(draft.RowVersion.ToString());

        await Read<PaySettingsView>(await county.PutAsJsonAsync(PayUrl + "/draft", PayBody(from, 3_501_00, draft.RowVersion)));
        fields["ChiefBase"] = "3600.00";
        var stale = await CunzhiFactory.PostFormAsync(pages, "/Pay/Settings", fields, "Save");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("input[name=ChiefBase]")!.GetAttribute("value").ShouldBe("3600.00");
        (await PayDraftAsync()).ShouldNotBeNull().ChiefBaseFen.ShouldBe(3_501_00);

        // Reloaded, the form carries the new version and saves.
        var fresh = FormValues((await CunzhiFactory.Html(await pages.GetAsync("/Pay/Settings"))).QuerySelector("[data-testid=settings-form]")!);
        fresh["ChiefBase"] = "3600.00";
        (await CunzhiFactory.PostFormAsync(pages, "/Pay/Settings", fresh, "Save")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PayDraftAsync()).ShouldNotBeNull().ChiefBaseFen.ShouldBe(3_600_00);
        await county.DeleteAsync(PayUrl + "/draft");
    }

    // ---- rank policy (晋升办法) ----

    private async Task<(HttpClient County, PolicyOverview Overview)> RankCountyAsync()
    {
        var county = await f.ApiAs("county.admin");
        await county.DeleteAsync(RankUrl + "/draft");
        return (county, await Read<PolicyOverview>(await county.GetAsync(RankUrl)));
    }

    private static SavePolicy RankCommand(PolicyOverview o, int maxAbsenceDays, int? rowVersion) =>
        PolicyHandlers.ToCommand(o.Draft ?? o.InForce ?? o.Versions[0]) with { MaxAbsenceDays = maxAbsenceDays, RowVersion = rowVersion };

    private Task<RankPolicy?> RankDraftAsync() =>
        f.WithSystemDb(db => db.Set<RankPolicy>().SingleOrDefaultAsync(p => p.CountyCode == Demo.County && !p.IsPublished));

    [Fact]
    public async Task A_rank_policy_draft_PUT_without_a_version_is_428()
    {
        var (county, overview) = await RankCountyAsync();
        (await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 4, null), CunzhiFactory.Json)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await RankDraftAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_current_rank_policy_draft_version_lands_whether_sent_in_the_body_or_as_ETag()
    {
        await RankDraftSavedByTagAsync();
        await (await f.ApiAs("county.admin")).DeleteAsync(RankUrl + "/draft");
    }

    [Fact]
    public async Task A_rank_policy_draft_version_read_before_publication_stays_stale()
    {
        var (county, overview, saved) = await RankDraftSavedByTagAsync();
        // Published meanwhile: the editor's version is stale, the published numbers stay, and no draft is started.
        var latest = overview.Versions.Where(v => v.IsPublished).Select(v => v.EffectiveFrom).Append(China.Today).Max();
        (await county.PostAsJsonAsync(RankUrl + "/publish", new { effectiveFrom = latest.AddDays(1).ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 8, saved.RowVersion), CunzhiFactory.Json));
        (await RankDraftAsync()).ShouldBeNull();
        (await f.WithSystemDb(db => db.Set<RankPolicy>().SingleAsync(p => p.CountyCode == Demo.County && p.Version == saved.Version))).MaxAbsenceDays.ShouldBe(6);
    }

    /// <summary>
    /// From no draft: a first save at version 0, a second "first" save refused as stale, a save through the ETag as If-Match, and a stale body
    /// version refused; the draft ends with the ETag save (6 days).
    /// </summary>
    private async Task<(HttpClient County, PolicyOverview Overview, PolicyView Saved)> RankDraftSavedByTagAsync()
    {
        var (county, overview) = await RankCountyAsync();
        (await county.GetAsync(RankUrl)).Headers.ETag!.Tag.ShouldBe("\"0\"");
        var created = await Read<PolicyView>(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 4, 0), CunzhiFactory.Json));
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 5, 0), CunzhiFactory.Json));

        var get = await county.GetAsync(RankUrl);
        get.Headers.ETag!.Tag.ShouldBe($"\"{created.RowVersion}\"");
        var saved = await Read<PolicyView>(await county.SendAsync(Put(RankUrl + "/draft", RankCommand(overview, 6, null), get.Headers.ETag.Tag)));
        (saved.MaxAbsenceDays, saved.RowVersion, saved.Version).ShouldBe((6, created.RowVersion + 1, created.Version));
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 7, created.RowVersion), CunzhiFactory.Json));
        (await RankDraftAsync()).ShouldNotBeNull().MaxAbsenceDays.ShouldBe(6);
        return (county, overview, saved);
    }

    [Fact]
    public async Task The_rank_policy_page_refuses_a_stale_save_keeping_the_input_until_reloaded()
    {
        var (county, overview) = await RankCountyAsync();
        var draft = await Read<PolicyView>(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 4, 0), CunzhiFactory.Json));
        var pages = await f.PagesAs("county.admin");
        var form = (await CunzhiFactory.Html(await pages.GetAsync("/Ranks/Policy"))).QuerySelector("[data-testid=policy-form]").ShouldNotBeNull();
        var fields = FormValues(form);
        fields["RowVersion"].ShouldBe(draft.RowVersion.ToString());

        await Read<PolicyView>(await county.PutAsJsonAsync(RankUrl + "/draft", RankCommand(overview, 5, draft.RowVersion), CunzhiFactory.Json));
        fields["Form.MaxAbsenceDays"] = "9";
        var stale = await CunzhiFactory.PostFormAsync(pages, "/Ranks/Policy", fields, "Save");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("input[name='Form.MaxAbsenceDays']")!.GetAttribute("value").ShouldBe("9");
        (await RankDraftAsync()).ShouldNotBeNull().MaxAbsenceDays.ShouldBe(5);

        var fresh = FormValues((await CunzhiFactory.Html(await pages.GetAsync("/Ranks/Policy"))).QuerySelector("[data-testid=policy-form]")!);
        fresh["Form.MaxAbsenceDays"] = "9";
        var ok = await CunzhiFactory.PostFormAsync(pages, "/Ranks/Policy", fresh, "Save");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(ok)).QuerySelector("[data-testid=errors]")?.TextContent);
        (await RankDraftAsync()).ShouldNotBeNull().MaxAbsenceDays.ShouldBe(9);
        await county.DeleteAsync(RankUrl + "/draft");
    }

    // ---- indicator template draft (考核指标) and assessment settings (考核参数) ----

    private static object TemplateBody(string title, int firstWeight, int? rowVersion) => new
    {
        kind = "Monthly", title,
        indicators = new[]
        {
            new { code = "ZZ", name = "政治表现", weight = firstWeight, minScore = 0, maxScore = 100 },
            new { code = "SJ", name = "工作实绩", weight = 100 - firstWeight, minScore = 0, maxScore = 100 },
        },
        rowVersion,
    };

    private Task<IndicatorTemplate?> TemplateDraftAsync() => f.WithSystemDb(db => db.Set<IndicatorTemplate>().Include(t => t.Indicators)
        .SingleOrDefaultAsync(t => t.CountyCode == Demo.County && t.Kind == ReviewKind.Monthly && t.Status == TemplateStatus.Draft));

    [Fact]
    public async Task A_template_draft_PUT_without_a_version_is_428()
    {
        var county = await f.ApiAs("county.admin");
        await county.DeleteAsync(TemplateUrl + "/Monthly/draft");
        (await county.GetAsync(TemplateUrl + "/Monthly/draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（新）", 50, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        (await TemplateDraftAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_current_template_draft_version_lands_whether_sent_in_the_body_or_as_ETag()
    {
        var (county, _) = await TemplateDraftSavedByTagAsync();
        await county.DeleteAsync(TemplateUrl + "/Monthly/draft");
    }

    [Fact]
    public async Task An_indicator_only_edit_advances_the_template_draft_version()
    {
        var (county, saved) = await TemplateDraftSavedByTagAsync();
        // Only the weights change (child rows): still an edit of the draft, so it advances the version and a stale copy is refused.
        var weights = await Read<TemplateView>(await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（改）", 70, saved.RowVersion)));
        weights.RowVersion.ShouldBe(saved.RowVersion + 1);
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（改）", 30, saved.RowVersion)));
        (await TemplateDraftAsync()).ShouldNotBeNull().Indicators.Single(i => i.Code == "ZZ").Weight.ShouldBe(70);
        await county.DeleteAsync(TemplateUrl + "/Monthly/draft");
    }

    /// <summary>
    /// From no draft: a first save at version 0, a second "first" save refused as stale, a save through the ETag as If-Match, and a stale body
    /// version refused; the draft ends titled 月度（改）.
    /// </summary>
    private async Task<(HttpClient County, TemplateView Saved)> TemplateDraftSavedByTagAsync()
    {
        var county = await f.ApiAs("county.admin");
        await county.DeleteAsync(TemplateUrl + "/Monthly/draft");
        var created = await Read<TemplateView>(await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（新）", 50, 0)));
        created.Status.ShouldBe(TemplateStatus.Draft);
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（另一人）", 50, 0)));

        var get = await county.GetAsync(TemplateUrl + "/Monthly/draft");
        get.Headers.ETag!.Tag.ShouldBe($"\"{created.RowVersion}\"");
        var saved = await Read<TemplateView>(await county.SendAsync(Put(TemplateUrl + "/draft", TemplateBody("月度（改）", 50, null), get.Headers.ETag.Tag)));
        (saved.Title, saved.RowVersion).ShouldBe(("月度（改）", created.RowVersion + 1));
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(TemplateUrl + "/draft", TemplateBody("月度（迟）", 50, created.RowVersion)));
        (await TemplateDraftAsync()).ShouldNotBeNull().Title.ShouldBe("月度（改）");
        return (county, saved);
    }

    private static object SettingsBody(SettingsView s, int lowSatisfactionPercent, int? version) => new
    {
        s.MonthlyWeight, s.QuarterlyWeight, s.SatisfactionWeight, s.ExcellentThreshold, s.CompetentThreshold, s.BasicThreshold, s.ExcellentCapPercent,
        s.LowMonthlyAverage, lowSatisfactionPercent, version,
    };

    [Fact]
    public async Task An_assessment_settings_PUT_without_a_version_is_428()
    {
        var county = await f.ApiAs("county.admin");
        var s = await Read<SettingsView>(await county.GetAsync(SettingsUrl));
        (await county.PutAsJsonAsync(SettingsUrl, SettingsBody(s, 61, null))).StatusCode.ShouldBe((HttpStatusCode)428);
    }

    [Fact]
    public async Task Only_the_current_assessment_settings_version_lands_whether_sent_in_the_body_or_as_ETag()
    {
        var county = await f.ApiAs("county.admin");
        var get = await county.GetAsync(SettingsUrl);
        var s = await Read<SettingsView>(get);
        get.Headers.ETag!.Tag.ShouldBe($"\"{s.Version}\"");

        var put = await county.SendAsync(Put(SettingsUrl, SettingsBody(s, 62, null), get.Headers.ETag.Tag));
        var saved = await Read<SettingsView>(put);
        saved.LowSatisfactionPercent.ShouldBe(62);
        saved.Version.ShouldBeGreaterThan(s.Version);
        put.Headers.ETag!.Tag.ShouldBe($"\"{saved.Version}\"");

        await ShouldBeStaleAsync(await county.PutAsJsonAsync(SettingsUrl, SettingsBody(s, 63, s.Version)));
        var stored = await f.WithSystemDb(db => db.Set<AssessmentSettings>().SingleAsync(x => x.CountyCode == Demo.County));
        (stored.LowSatisfactionPercent, stored.RowVersion).ShouldBe((62, saved.Version));
    }

    // ---- burden policy (减负设置) ----

    private static object BurdenBody(int cap, int? version) => new { rankingIntervalMonths = 12, assessmentItemCap = cap, baselineMonths = 3, version };

    private Task<List<BurdenPolicy>> BurdenRowsAsync() =>
        f.WithSystemDb(db => db.Set<BurdenPolicy>().IgnoreQueryFilters().Where(p => p.RegionCode == Demo.County).ToListAsync());

    [Fact]
    public async Task Parallel_burden_policy_edits_from_one_version_one_wins_the_rest_get_409()
    {
        var county = await f.ApiAs("county.admin");
        var policy = await Read<BurdenPolicyView>(await county.GetAsync(BurdenUrl));
        if (policy.Version == 0) policy = await Read<BurdenPolicyView>(await county.PutAsJsonAsync(BurdenUrl, BurdenBody(10, 0)));
        var id = (await BurdenRowsAsync()).Single().Id;
        var audit = await AuditCountAsync(nameof(BurdenPolicy), id);

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => f.ApiAs("county.admin")));
        var winner = OneWins(await RaceAsync(clients, (c, i) => c.PutAsJsonAsync(BurdenUrl, BurdenBody(20 + i, policy.Version))));

        var stored = (await BurdenRowsAsync()).Single();
        (stored.AssessmentItemCap, stored.RowVersion).ShouldBe((20 + winner, policy.Version + 1));
        (await AuditCountAsync(nameof(BurdenPolicy), id)).ShouldBe(audit + 1);
    }

    [Fact]
    public async Task Two_first_burden_policy_saves_at_once_make_exactly_one_row()
    {
        await f.WithSystemDb(db => db.Set<BurdenPolicy>().IgnoreQueryFilters().Where(p => p.RegionCode == Demo.County).ExecuteDeleteAsync());
        var county = await f.ApiAs("county.admin");
        var get = await county.GetAsync(BurdenUrl);
        (await Read<BurdenPolicyView>(get)).Version.ShouldBe(0);
        get.Headers.ETag!.Tag.ShouldBe("\"0\"");

        var clients = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => f.ApiAs("county.admin")));
        var winner = OneWins(await RaceAsync(clients, (c, i) => c.PutAsJsonAsync(BurdenUrl, BurdenBody(30 + i, 0))));

        var rows = await BurdenRowsAsync();
        rows.Count.ShouldBe(1);
        (rows[0].AssessmentItemCap, rows[0].RowVersion).ShouldBe((30 + winner, 1));
    }

    [Fact]
    public async Task A_burden_policy_PUT_without_a_version_is_428()
    {
        var county = await f.ApiAs("county.admin");
        (await county.PutAsJsonAsync(BurdenUrl, BurdenBody(12, null))).StatusCode.ShouldBe((HttpStatusCode)428);
    }

    [Fact]
    public async Task Only_the_current_burden_policy_version_lands_whether_sent_in_the_body_or_as_ETag()
    {
        var county = await f.ApiAs("county.admin");
        var get = await county.GetAsync(BurdenUrl);
        var policy = await Read<BurdenPolicyView>(get);
        get.Headers.ETag!.Tag.ShouldBe($"\"{policy.Version}\"");

        var put = await county.SendAsync(Put(BurdenUrl, BurdenBody(13, null), get.Headers.ETag.Tag));
        var saved = await Read<BurdenPolicyView>(put);
        (saved.AssessmentItemCap, saved.Version).ShouldBe((13, policy.Version + 1));
        put.Headers.ETag!.Tag.ShouldBe($"\"{saved.Version}\"");

        await ShouldBeStaleAsync(await county.PutAsJsonAsync(BurdenUrl, BurdenBody(14, policy.Version)));
        // The row exists now: a client that read the defaults (version 0) is refused too.
        await ShouldBeStaleAsync(await county.PutAsJsonAsync(BurdenUrl, BurdenBody(15, 0)));
        (await BurdenRowsAsync()).Single().AssessmentItemCap.ShouldBe(13);
    }

    [Fact]
    public async Task The_burden_policy_page_refuses_a_stale_save_with_the_message()
    {
        var county = await f.ApiAs("county.admin");
        var policy = await Read<BurdenPolicyView>(await county.GetAsync(BurdenUrl));
        var pages = await f.PagesAs("county.admin");
        var fields = FormValues((await CunzhiFactory.Html(await pages.GetAsync("/Burden/Policy"))).QuerySelector("[data-testid=policy-form]")!);
        fields["Version"].ShouldBe(policy.Version.ToString());

        var other = await Read<BurdenPolicyView>(await county.PutAsJsonAsync(BurdenUrl, BurdenBody(16, policy.Version)));
        fields["AssessmentItemCap"] = "17";
        var stale = await CunzhiFactory.PostFormAsync(pages, "/Burden/Policy", fields);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("input[name=AssessmentItemCap]")!.GetAttribute("value").ShouldBe("17");
        (await BurdenRowsAsync()).Single().AssessmentItemCap.ShouldBe(16);

        fields["Version"] = other.Version.ToString();
        (await CunzhiFactory.PostFormAsync(pages, "/Burden/Policy", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BurdenRowsAsync()).Single().AssessmentItemCap.ShouldBe(17);
    }
}

public sealed class ConcurrencyDraftTests_Sqlite(SqliteFactory f) : ConcurrencyDraftTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ConcurrencyDraftTests_Postgres(PostgresFactory f) : ConcurrencyDraftTests<PostgresFactory>(f);
