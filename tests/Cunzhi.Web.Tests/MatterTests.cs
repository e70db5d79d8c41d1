using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 诉求 over the API: registration with the one-time receipt code, the state machine by the current level, escalation and
/// sending down, the resident's receipt (progress, confirm, reopen, once), 下沉议事, and the refusals of the brief (each
/// a 4xx with a Chinese message and nothing written).
/// </summary>
public abstract class MatterTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/matters";

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static async Task<string> Refused(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(expected, body);
        return body;
    }

    private Task<int> EventCountAsync(long id) => f.WithSystemDb(db => db.Set<MatterEvent>().CountAsync(e => e.MatterId == id));

    private async Task<MatterRegistered> RegisterAsync(string kind = "Problem")
    {
        var village = await f.ApiAs("village.naoping");
        return await Read<MatterRegistered>(await village.PostAsJsonAsync(Api, new
        {
            kind, source = "Visit", title = "村口路灯不亮", description = "晚上出行不便", residentName = "李四",
        }), HttpStatusCode.Created);
    }

    private static async Task<MatterDetail> StepAsync(HttpClient c, long id, string step, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Read<MatterDetail>(await c.PostAsJsonAsync($"{Api}/{id}/{step}", body), expected);

    private async Task<int> VersionAsync(long id) => (await Read<MatterDetail>(await (await f.ApiAs("county.admin")).GetAsync($"{Api}/{id}"), HttpStatusCode.OK)).Matter.Version;

    /// <summary>A matter done at the village: accepted, started, finished.</summary>
    private async Task<(MatterRegistered Registered, MatterDetail Done)> DoneAsync()
    {
        var r = await RegisterAsync();
        var v = await f.ApiAs("village.naoping");
        var d = await StepAsync(v, r.Matter.Id, "accept", new { version = r.Matter.Version });
        d = await StepAsync(v, r.Matter.Id, "start", new { version = d.Matter.Version });
        d = await StepAsync(v, r.Matter.Id, "finish", new { version = d.Matter.Version, doneText = "更换了灯泡" });
        return (r, d);
    }

    private HttpClient Resident()
    {
        f.Services.GetRequiredService<BallotGuard>().Reset();
        return f.Anonymous();
    }

    [Fact]
    public async Task Registering_gives_a_receipt_code_kept_only_as_a_keyed_hash()
    {
        var r = await RegisterAsync();
        r.ReceiptCode.Length.ShouldBe(14);
        r.Matter.State.ShouldBe(MatterState.Received);
        r.Matter.DueOn.ShouldBe(MatterDeadlines.Default.DueOn(MatterKind.Problem, MatterLevel.Village, China.Today));
        var plain = r.ReceiptCode.Replace("-", "");
        await f.WithSystemDb(async db =>
        {
            var m = await db.Set<Matter>().AsNoTracking().FirstAsync(x => x.Id == r.Matter.Id);
            m.ReceiptHash.ShouldNotContain(plain);
            var log = string.Join("\n", await db.AuditEntries.AsNoTracking().Select(a => a.EntityKey + a.Before + a.After).ToListAsync());
            log.ShouldNotContain(plain);
            log.ShouldNotContain(m.ReceiptHash);
            return 0;
        });
    }

    [Fact]
    public async Task The_resident_confirms_a_done_matter_with_the_receipt()
    {
        var (r, _) = await DoneAsync();
        var view = await Read<ReceiptView>(await Resident().PostAsJsonAsync($"{Api}/receipt/confirm", new { code = r.ReceiptCode }), HttpStatusCode.OK);
        view.State.ShouldBe(MatterState.Confirmed);
        view.Steps.Select(s => s.KindName).ShouldBe(["登记", "受理", "开始办理", "办结", "群众确认"]);
        (await f.WithSystemDb(db => db.Set<Matter>().Where(m => m.Id == r.Matter.Id).Select(m => m.ConfirmedOn).FirstAsync())).ShouldBe(China.Today);
    }

    [Fact]
    public async Task The_receipt_page_shows_no_names()
    {
        var (r, _) = await DoneAsync();
        var body = await (await Resident().PostAsJsonAsync($"{Api}/receipt/open", new { code = r.ReceiptCode })).Content.ReadAsStringAsync();
        body.ShouldContain("村口路灯不亮");
        body.ShouldNotContain("李四");
        body.ShouldNotContain("village.naoping");
    }

    [Fact]
    public async Task A_wrong_receipt_code_is_refused()
    {
        var body = await Refused(await Resident().PostAsJsonAsync($"{Api}/receipt/confirm", new { code = "ABCD-EFGH-JKLM" }), HttpStatusCode.NotFound);
        body.ShouldContain("回执码无效");
    }

    [Fact]
    public async Task A_used_receipt_code_is_refused_with_nothing_written()
    {
        var (r, _) = await DoneAsync();
        var resident = Resident();
        (await resident.PostAsJsonAsync($"{Api}/receipt/reopen", new { code = r.ReceiptCode, reason = "灯还是不亮" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var v = await f.ApiAs("village.naoping");
        await StepAsync(v, r.Matter.Id, "finish", new { version = await VersionAsync(r.Matter.Id), doneText = "换了线路" });
        var before = await EventCountAsync(r.Matter.Id);
        var body = await Refused(await resident.PostAsJsonAsync($"{Api}/receipt/confirm", new { code = r.ReceiptCode }), HttpStatusCode.Conflict);
        body.ShouldContain("该回执码已经用过");
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Closing_without_saying_what_was_done_is_refused_with_nothing_written()
    {
        var r = await RegisterAsync();
        var v = await f.ApiAs("village.naoping");
        var d = await StepAsync(v, r.Matter.Id, "accept", new { version = r.Matter.Version });
        var before = await EventCountAsync(r.Matter.Id);
        var body = await Refused(await v.PostAsJsonAsync($"{Api}/{r.Matter.Id}/finish", new { version = d.Matter.Version, doneText = " " }), HttpStatusCode.BadRequest);
        body.ShouldContain("请填写办理结果");
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
        (await VersionAsync(r.Matter.Id)).ShouldBe(d.Matter.Version);
    }

    [Fact]
    public async Task Escalation_goes_village_town_county_and_no_further()
    {
        var r = await RegisterAsync("DevelopmentProject");
        var d = await StepAsync(await f.ApiAs("village.naoping"), r.Matter.Id, "escalate", new { version = r.Matter.Version, reason = "需要乡镇协调资金" });
        d.Matter.Level.ShouldBe(MatterLevel.Town);
        d = await StepAsync(await f.ApiAs("town.sanxing"), r.Matter.Id, "escalate", new { version = d.Matter.Version, reason = "需要县交通局立项" });
        d.Matter.Level.ShouldBe(MatterLevel.County);
        var county = await f.ApiAs("county.admin");
        var before = await EventCountAsync(r.Matter.Id);
        var body = await Refused(await county.PostAsJsonAsync($"{Api}/{r.Matter.Id}/escalate", new { version = d.Matter.Version, reason = "再往上" }), HttpStatusCode.Conflict);
        body.ShouldContain("县级已是最高层级");
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Sending_down_carries_the_decision_to_the_lower_level()
    {
        var r = await RegisterAsync();
        var d = await StepAsync(await f.ApiAs("village.naoping"), r.Matter.Id, "escalate", new { version = r.Matter.Version, reason = "村里没有经费" });
        d = await StepAsync(await f.ApiAs("town.sanxing"), r.Matter.Id, "send-down", new { version = d.Matter.Version, decision = "镇里拨付 2000 元，由村组织维修" });
        (d.Matter.Level, d.Events[^1].Kind, d.Events[^1].Text).ShouldBe((MatterLevel.Village, MatterEventKind.SentDown, "镇里拨付 2000 元，由村组织维修"));
    }

    [Fact]
    public async Task Acting_at_the_wrong_level_is_refused_with_nothing_written()
    {
        var r = await RegisterAsync();
        var before = await EventCountAsync(r.Matter.Id);
        var body = await Refused(await (await f.ApiAs("town.sanxing")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/accept", new { version = r.Matter.Version }),
            HttpStatusCode.Conflict);
        body.ShouldContain("只有村级可以处理");
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_towns_matter_is_not_found()
    {
        var r = await RegisterAsync();
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetAsync($"{Api}/{r.Matter.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PostAsJsonAsync($"{Api}/{r.Matter.Id}/reopen", new { version = r.Matter.Version, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_reason_on_reopen_is_refused_with_nothing_written()
    {
        var (r, d) = await DoneAsync();
        var before = await EventCountAsync(r.Matter.Id);
        await Refused(await (await f.ApiAs("town.sanxing")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/reopen", new { version = d.Matter.Version, reason = "" }),
            HttpStatusCode.BadRequest);
        await Refused(await Resident().PostAsJsonAsync($"{Api}/receipt/reopen", new { code = r.ReceiptCode, reason = "  " }), HttpStatusCode.BadRequest);
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Reopening_a_confirmed_matter_after_the_county_window_is_refused()
    {
        var (r, d) = await DoneAsync();
        await f.WithSystemDb(async db =>
        {
            var m = await db.Set<Matter>().FirstAsync(x => x.Id == r.Matter.Id);
            (m.State, m.ConfirmedOn) = (MatterState.Confirmed, China.Today.AddDays(-(MatterSettings.DefaultReopenDays + 1)));
            return await db.SaveChangesAsync();
        });
        var body = await Refused(await (await f.ApiAs("town.sanxing")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/reopen",
            new { version = await VersionAsync(r.Matter.Id), reason = "群众反映又坏了" }), HttpStatusCode.Conflict);
        body.ShouldContain($"超过 {MatterSettings.DefaultReopenDays} 天");
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        var r = await RegisterAsync();
        var v = await f.ApiAs("village.naoping");
        await StepAsync(v, r.Matter.Id, "accept", new { version = r.Matter.Version });
        await Refused(await v.PostAsJsonAsync($"{Api}/{r.Matter.Id}/escalate", new { version = r.Matter.Version, reason = "需要乡镇" }), HttpStatusCode.Conflict);
        (await f.WithSystemDb(db => db.Set<Matter>().Where(m => m.Id == r.Matter.Id).Select(m => m.Level).FirstAsync())).ShouldBe(MatterLevel.Village);
    }

    [Fact]
    public async Task A_meeting_decision_is_recorded_on_the_matter()
    {
        var r = await RegisterAsync();
        var d = await StepAsync(await f.ApiAs("village.naoping"), r.Matter.Id, "escalate", new { version = r.Matter.Version, reason = "涉及两个村" });
        var town = await f.ApiAs("town.sanxing");
        var meeting = await Read<MeetingDetail>(await town.PostAsJsonAsync($"{Api}/meetings", new
        {
            village = Demo.Naoping, date = China.Today, subject = "路灯和道路", attendees = "镇党委委员、村两委、群众代表 5 人",
        }), HttpStatusCode.Created);
        meeting = await Read<MeetingDetail>(await town.PostAsJsonAsync($"{Api}/meetings/{meeting.Meeting.Id}/items", new { matterId = r.Matter.Id }), HttpStatusCode.OK);
        var item = meeting.Items.Single();
        meeting = await Read<MeetingDetail>(await town.PostAsJsonAsync($"{Api}/meetings/{meeting.Meeting.Id}/items/{item.Id}/decision",
            new { version = item.MatterVersion, decision = "镇村共同出资，月底前完成" }), HttpStatusCode.OK);
        meeting.Items.Single().Decision.ShouldBe("镇村共同出资，月底前完成");
        var detail = await Read<MatterDetail>(await town.GetAsync($"{Api}/{r.Matter.Id}"), HttpStatusCode.OK);
        (detail.Events[^1].Kind, detail.Events[^1].MeetingId).ShouldBe((MatterEventKind.MeetingDecision, (long?)meeting.Meeting.Id));
    }

    [Fact]
    public async Task The_waiting_list_holds_only_the_accounts_level()
    {
        var r = await RegisterAsync();
        await StepAsync(await f.ApiAs("village.naoping"), r.Matter.Id, "escalate", new { version = r.Matter.Version, reason = "需要乡镇" });
        var town = await Read<Paged<MatterView>>(await (await f.ApiAs("town.sanxing")).GetAsync($"{Api}?mine=true&pageSize=200"), HttpStatusCode.OK);
        town.Items.ShouldContain(m => m.Id == r.Matter.Id);
        town.Items.ShouldAllBe(m => m.Level == MatterLevel.Town);
        var village = await Read<Paged<MatterView>>(await (await f.ApiAs("village.naoping")).GetAsync($"{Api}?mine=true&pageSize=200"), HttpStatusCode.OK);
        village.Items.ShouldNotContain(m => m.Id == r.Matter.Id);
    }
}

public sealed class MatterTests_Sqlite(SqliteFactory f) : MatterTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterTests_Postgres(PostgresFactory f) : MatterTests<PostgresFactory>(f);
