using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Duty;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 坐班值班 and 休假 over the API: the fair generator on the county's calendar, day edits and their Chinese refusals (nothing
/// written), versions, leave requests and the town's approval with or without a replacement, parallel approvals, scope.
/// Each test arranges its own village in 三兴镇 with its own cadres.
/// </summary>
public abstract class DutyTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", Efeng = "town.efeng", Naoping = "village.naoping";
    private static readonly DateOnly Tue = new(2026, 12, 8), Wed = new(2026, 12, 9);

    private Task<(string Village, long[] Cadres)> VillageAsync(int cadres, string? town = null) => DutyVillages.CreateAsync(f, cadres, town ?? Demo.Sanxing);

    private static async Task<DutyMonthView> RosterAsync(HttpClient api, string village, int year = 2026, int month = 12) =>
        (await api.GetFromJsonAsync<DutyMonthView>($"/api/v1/duty/villages/{village}/roster?year={year}&month={month}", CunzhiFactory.Json))!;

    private static async Task<HttpResponseMessage> SetDayAsync(HttpClient api, string village, DateOnly day, long[] cadres, int version) =>
        await api.PutAsJsonAsync($"/api/v1/duty/villages/{village}/days/{day:yyyy-MM-dd}", new { cadreIds = cadres, version });

    private static async Task<LeaveView> RequestLeaveAsync(HttpClient api, long cadre, DateOnly from, DateOnly to)
    {
        var r = await api.PostAsJsonAsync("/api/v1/duty/leaves", new { cadreId = cadre, fromDate = from, toDate = to, kind = "Annual", reason = "探亲" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<LeaveView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient api, LeaveView leave, bool approve = true, long? replacement = null) =>
        api.PostAsJsonAsync($"/api/v1/duty/leaves/{leave.Id}/decision", new { approve, replacementCadreId = replacement, version = leave.Version });

    [Fact]
    public async Task Generating_a_month_puts_someone_on_every_working_day()
    {
        var (village, _) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = 0 });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var roster = await RosterAsync(api, village);
        (roster.Days.Count, roster.Gaps).ShouldBe((23, 0));
        roster.Days.ShouldAllBe(d => d.Cadres.Count == 1);
    }

    [Fact]
    public async Task Generating_a_month_shares_the_days_within_one()
    {
        var (village, cadres) = await VillageAsync(4);
        var api = await f.ApiAs(Town);
        (await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = 0 })).EnsureSuccessStatusCode();
        var counts = cadres.ToDictionary(c => c, _ => 0);
        foreach (var d in (await RosterAsync(api, village)).Days) foreach (var p in d.Cadres) counts[p.Id]++;
        (counts.Values.Max() - counts.Values.Min()).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Regenerating_a_month_with_assignments_is_refused_keeping_the_hand_edit()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = 0 })).EnsureSuccessStatusCode();
        var edited = await SetDayAsync(api, village, Tue, [cadres[0], cadres[1]], (await RosterAsync(api, village)).Version);
        edited.EnsureSuccessStatusCode();
        var r = await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = (await RosterAsync(api, village)).Version });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2026 年 12 月已有值班安排");
        (await RosterAsync(api, village)).Days.Single(d => d.Date == Tue).Cadres.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Regenerating_with_replace_overwrites_the_hand_edit()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = 0 })).EnsureSuccessStatusCode();
        (await SetDayAsync(api, village, Tue, [cadres[0], cadres[1]], (await RosterAsync(api, village)).Version)).EnsureSuccessStatusCode();
        var r = await api.PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate",
            new { year = 2026, month = 12, replace = true, version = (await RosterAsync(api, village)).Version });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await RosterAsync(api, village)).Days.Single(d => d.Date == Tue).Cadres.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_day_with_nobody_is_refused_naming_the_day()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var r = await SetDayAsync(api, village, Tue, [], 0);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2026-12-08 无人值班");
        (await f.WithSystemDb(db => db.Set<DutyMonth>().CountAsync(m => m.RegionCode == village))).ShouldBe(0);
    }

    [Fact]
    public async Task A_cadre_of_another_village_is_refused()
    {
        var (village, _) = await VillageAsync(2);
        var (_, others) = await VillageAsync(1);
        var r = await SetDayAsync(await f.ApiAs(Town), village, Tue, [others[0]], 0);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是本村干部");
        (await f.WithSystemDb(db => db.Set<DutyAssignment>().CountAsync(a => a.RegionCode == village))).ShouldBe(0);
    }

    [Fact]
    public async Task A_cadre_who_left_office_is_refused()
    {
        var (village, cadres) = await VillageAsync(2);
        await f.WithSystemDb(async db =>
        {
            var c = await db.Cadres.SingleAsync(x => x.Id == cadres[1]);
            c.Status = CadreStatus.DepartedNormally;
            c.DepartureDate = new DateOnly(2026, 11, 30);
            return await db.SaveChangesAsync();
        });
        var r = await SetDayAsync(await f.ApiAs(Town), village, Tue, [cadres[1]], 0);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已不在任");
    }

    [Fact]
    public async Task A_day_set_from_a_stale_version_is_refused()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await SetDayAsync(api, village, Tue, [cadres[0]], 0)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SetDayAsync(api, village, Wed, [cadres[1]], 0)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_village_edits_its_own_roster()
    {
        var api = await f.ApiAs(Naoping);
        var roster = await RosterAsync(api, Demo.Naoping, 2030, 1);
        var r = await SetDayAsync(api, Demo.Naoping, new DateOnly(2030, 1, 8), [roster.Choices[0].Id], roster.Version);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await RosterAsync(api, Demo.Naoping, 2030, 1)).Days.Single(d => d.Date == new DateOnly(2030, 1, 8)).Cadres.Single().Id.ShouldBe(roster.Choices[0].Id);
    }

    [Fact]
    public async Task Another_towns_village_is_not_found()
    {
        var (village, _) = await VillageAsync(1);
        (await (await f.ApiAs(Efeng)).GetAsync($"/api/v1/duty/villages/{village}/roster?year=2026&month=12")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approving_leave_that_empties_a_day_without_a_replacement_is_refused()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await SetDayAsync(api, village, Tue, [cadres[0]], 0)).EnsureSuccessStatusCode();
        var leave = await RequestLeaveAsync(api, cadres[0], Tue, Wed);
        var r = await DecideAsync(api, leave);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2026-12-08 无人值班，请指定顶班人");
        (await f.WithSystemDb(db => db.Set<DutyLeave>().SingleAsync(l => l.Id == leave.Id))).State.ShouldBe(LeaveState.Requested);
    }

    [Fact]
    public async Task Approving_leave_with_a_replacement_puts_them_on_duty()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await SetDayAsync(api, village, Tue, [cadres[0]], 0)).EnsureSuccessStatusCode();
        var leave = await RequestLeaveAsync(api, cadres[0], Tue, Wed);
        (await DecideAsync(api, leave, replacement: cadres[1])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RosterAsync(api, village)).Days.Single(d => d.Date == Tue).Cadres.Select(c => c.Id).ShouldBe([cadres[1]]);
    }

    [Fact]
    public async Task Leave_overlapping_an_approved_leave_is_refused()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await DecideAsync(api, await RequestLeaveAsync(api, cadres[0], Tue, Wed))).EnsureSuccessStatusCode();
        var r = await api.PostAsJsonAsync("/api/v1/duty/leaves", new { cadreId = cadres[0], fromDate = Wed, toDate = Wed.AddDays(2), kind = "Sick", reason = "病" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("重叠");
        (await f.WithSystemDb(db => db.Set<DutyLeave>().CountAsync(l => l.RegionCode == village))).ShouldBe(1);
    }

    [Fact]
    public async Task A_village_may_not_approve_leave()
    {
        var api = await f.ApiAs(Naoping);
        var cadre = (await RosterAsync(api, Demo.Naoping, 2030, 2)).Choices[0].Id;
        var leave = await RequestLeaveAsync(api, cadre, new DateOnly(2030, 2, 4), new DateOnly(2030, 2, 4));
        (await DecideAsync(api, leave)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Parallel_approvals_leave_no_day_empty()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await SetDayAsync(api, village, Tue, [cadres[0], cadres[1]], 0)).EnsureSuccessStatusCode();
        var a = await RequestLeaveAsync(api, cadres[0], Tue, Tue);
        var b = await RequestLeaveAsync(api, cadres[1], Tue, Tue);
        var clients = await Task.WhenAll(f.ApiAs(Town), f.ApiAs(Town));
        var results = await Task.WhenAll(DecideAsync(clients[0], a), DecideAsync(clients[1], b));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await RosterAsync(api, village)).Days.Single(d => d.Date == Tue).Gap.ShouldBeFalse();
    }

    [Fact]
    public async Task Generating_for_a_town_fills_each_village_without_a_roster()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/duty/generate", new { year = 2029, month = 3 });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var roster = await RosterAsync(api, village, 2029, 3);
        roster.Days.ShouldAllBe(d => d.Cadres.Count == 1);
    }

    [Fact]
    public async Task Generating_for_a_town_records_each_village_s_assignments_in_one_audit_entry()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        (await api.PostAsJsonAsync("/api/v1/duty/generate", new { year = 2029, month = 5 })).EnsureSuccessStatusCode();
        var roster = await RosterAsync(api, village, 2029, 5);
        var entries = await f.WithSystemDb(db => db.AuditEntries.Where(e => e.Action == "DutyGenerated" && e.RegionCode == village).ToListAsync());
        var entry = entries.ShouldHaveSingleItem();
        entry.EntityKey.ShouldBe($"{village}/2029-05");
        using var detail = System.Text.Json.JsonDocument.Parse(entry.After!);
        detail.RootElement.GetProperty("assignments").GetInt32().ShouldBe(roster.Days.Sum(d => d.Cadres.Count));
        detail.RootElement.GetProperty("days").EnumerateObject().Select(d => (d.Name, d.Value.EnumerateArray().Single().GetInt64()))
            .ShouldBe(roster.Days.Select(d => (d.Date.ToString("yyyy-MM-dd"), d.Cadres.Single().Id)));
        Cunzhi.Web.Features.Audit.AuditNames.Action(entry.Action).ShouldBe("生成值班表");
    }

    [Fact]
    public async Task Approving_leave_is_audited_in_chinese()
    {
        var (_, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var leave = await RequestLeaveAsync(api, cadres[0], Tue, Tue);
        (await DecideAsync(api, leave)).EnsureSuccessStatusCode();
        var entry = await f.WithSystemDb(db => db.AuditEntries.Where(e => e.Entity == nameof(DutyLeave) && e.EntityKey == leave.Id.ToString()).OrderBy(e => e.Id).LastAsync());
        Cunzhi.Web.Features.Audit.AuditNames.Entity(entry.Entity).ShouldBe("休假");
    }

    [Fact]
    public async Task The_public_board_shows_who_is_on_duty_this_week_masked()
    {
        var (village, _) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var today = China.Today;
        (await api.PostAsJsonAsync("/api/v1/duty/generate", new { region = village, year = today.Year, month = today.Month })).EnsureSuccessStatusCode();
        var next = today.AddMonths(1);
        (await api.PostAsJsonAsync("/api/v1/duty/generate", new { region = village, year = next.Year, month = next.Month })).EnsureSuccessStatusCode();
        var html = await (await f.Anonymous().GetAsync($"/Zhiban/{village}")).Content.ReadAsStringAsync();
        html.ShouldContain("值***1");
        html.ShouldNotContain("值班干部1");
    }

    [Fact]
    public async Task The_public_board_shows_the_office_phone()
    {
        var (village, _) = await VillageAsync(1);
        var r = await (await f.ApiAs(Town)).PutAsJsonAsync($"/api/v1/duty/villages/{village}/office", new { phone = "0795-8812345", version = 0 });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await (await f.Anonymous().GetAsync($"/Zhiban/{village}")).Content.ReadAsStringAsync()).ShouldContain("0795-8812345");
    }

    [Fact]
    public async Task An_office_phone_with_letters_is_refused()
    {
        var (village, _) = await VillageAsync(1);
        var r = await (await f.ApiAs(Town)).PutAsJsonAsync($"/api/v1/duty/villages/{village}/office", new { phone = "call me", version = 0 });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("办公电话格式不正确");
    }

    [Fact]
    public async Task The_public_board_of_an_unknown_village_is_not_found() =>
        (await f.Anonymous().GetAsync("/Zhiban/360922106999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
}

public sealed class DutyTests_Sqlite(SqliteFactory f) : DutyTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DutyTests_Postgres(PostgresFactory f) : DutyTests<PostgresFactory>(f);
