using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Points;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 积分 over the API: propose → approve by another member → 公示 → in force (sweep) with the running balance; objections;
/// reversal; the refusals of the brief (each 4xx with a Chinese message and nothing written); parallel decisions.
/// </summary>
public abstract class PointsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Entries = "/api/v1/points/entries";
    /// <summary>A second cadre account of 闹坪村 (the approver: never the proposer).</summary>
    private const string Second = "village.naoping.b";

    private async Task<HttpClient> SecondAsync()
    {
        await using (var scope = f.SystemScope(out var db))
        {
            if (!await db.Users.AnyAsync(u => u.UserName == Second))
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(Second, CunzhiFactory.Password, Roles.VillageCadre, Demo.Naoping, "闹坪村委员");
        }
        return await f.ApiAs(Second);
    }

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

    private Task<long> HouseholdAsync(int index) =>
        f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == Demo.Naoping).OrderBy(h => h.Id).Skip(index).Select(h => h.Id).FirstAsync());

    private Task<int> EntryCountAsync() => f.WithSystemDb(db => db.Set<PointsEntry>().CountAsync());

    private static Task<HttpResponseMessage> Propose(HttpClient c, long household, string item = "A01", object? points = null, string? evidence = null) =>
        c.PostAsJsonAsync(Entries, new { holderKind = "Household", holderId = household, itemCode = item, points, note = "测试", evidence });

    private async Task<PointsEntryView> ProposedAsync(long household, string item = "A01", string? evidence = null) =>
        await Read<PointsEntryView>(await Propose(await f.ApiAs("village.naoping"), household, item, evidence: evidence), HttpStatusCode.Created);

    private async Task<PointsEntryView> PostedAsync(long household, string item = "A01", string? evidence = null)
    {
        var e = await ProposedAsync(household, item, evidence);
        return await Read<PointsEntryView>(await (await SecondAsync()).PostAsync($"{Entries}/{e.Id}/approve", null), HttpStatusCode.OK);
    }

    /// <summary>Ends the entries' 公示 yesterday (as time passing would) and runs the sweep.</summary>
    private async Task<int> EndPublicityAsync(params long[] ids)
    {
        var yesterday = China.Today.AddDays(-1);
        await f.WithSystemDb(async db =>
        {
            foreach (var e in await db.Set<PointsEntry>().Where(e => ids.Contains(e.Id)).ToListAsync()) (e.PublicityFrom, e.PublicityUntil) = (yesterday.AddDays(-4), yesterday);
            return await db.SaveChangesAsync();
        });
        return await f.Services.GetRequiredService<PointsSweep>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<PointsEntryView> InForceAsync(long household, string item = "A01")
    {
        var e = await PostedAsync(household, item);
        await EndPublicityAsync(e.Id);
        return (await Read<PointsModule.EntryDetail>(await (await f.ApiAs("village.naoping")).GetAsync($"{Entries}/{e.Id}"), HttpStatusCode.OK)).Entry;
    }

    private Task<PointsBalance?> RowAsync(long household, int year) =>
        f.WithSystemDb(db => db.Set<PointsBalance>().AsNoTracking().Where(b => b.HolderKind == PointsHolderKind.Household && b.HolderId == household && b.Year == year)
            .OrderBy(b => b.Id).FirstOrDefaultAsync());

    private Task<int> LedgerSumAsync(long household, int year) =>
        f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.HolderKind == PointsHolderKind.Household && e.HolderId == household && e.Year == year
            && e.State == PointsEntryState.InForce).SumAsync(e => e.AppliedPoints ?? 0));

    [Fact]
    public async Task Approval_by_another_member_posts_the_entry_for_the_county_days()
    {
        var e = await PostedAsync(await HouseholdAsync(0));
        e.State.ShouldBe(PointsEntryState.Publicity);
        (e.PublicityFrom, e.PublicityUntil).ShouldBe((China.Today, China.Today.AddDays(PointsPolicy.DefaultPublicityDays - 1)));
        e.DecidedBy.ShouldBe(Second);
        e.PolicyVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Approving_your_own_proposal_is_refused()
    {
        var e = await ProposedAsync(await HouseholdAsync(1));
        var body = await Refused(await (await f.ApiAs("village.naoping")).PostAsync($"{Entries}/{e.Id}/approve", null), HttpStatusCode.Conflict);
        body.ShouldContain("不能审核自己提出的积分记录");
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(x => x.Id == e.Id).Select(x => x.State).SingleAsync())).ShouldBe(PointsEntryState.Proposed);
    }

    [Theory]
    [InlineData("-2", "分值须为正整数")]
    [InlineData("2.5", "分值须为整数")]
    [InlineData("5", "分值固定为 2 分")]
    public async Task Points_other_than_the_rules_are_refused(string points, string message)
    {
        var before = await EntryCountAsync();
        var body = await Refused(await Propose(await f.ApiAs("village.naoping"), await HouseholdAsync(0), points: decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)),
            HttpStatusCode.Conflict);
        body.ShouldContain(message);
        (await EntryCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_entry_for_a_household_of_another_village_is_refused()
    {
        var other = await f.FirstHouseholdAsync(Demo.Sanxingcun);
        var before = await EntryCountAsync();
        var body = await Refused(await Propose(await f.ApiAs("village.naoping"), other), HttpStatusCode.NotFound);
        body.ShouldContain(PointsLedger.HolderNotFound);
        (await EntryCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_item_requiring_evidence_is_refused_without_it()
    {
        var before = await EntryCountAsync();
        var body = await Refused(await Propose(await f.ApiAs("village.naoping"), await HouseholdAsync(0), "A03"), HttpStatusCode.Conflict);
        body.ShouldContain("须有佐证");
        (await EntryCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_objection_during_publicity_is_recorded_and_blocks_force_until_reviewed()
    {
        var e = await PostedAsync(await HouseholdAsync(2));
        var village = await f.ApiAs("village.naoping");
        var o = await Read<ObjectionView>(await village.PostAsJsonAsync($"{Entries}/{e.Id}/objections", new { objectorName = "李四", reason = "没有参加" }), HttpStatusCode.Created);
        await EndPublicityAsync(e.Id);
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(x => x.Id == e.Id).Select(x => x.State).SingleAsync())).ShouldBe(PointsEntryState.Publicity);
        await Read<ObjectionView>(await village.PostAsJsonAsync($"/api/v1/points/objections/{o.Id}/review", new { upheld = false, note = "核实参加" }), HttpStatusCode.OK);
        var after = (await Read<PointsModule.EntryDetail>(await village.GetAsync($"{Entries}/{e.Id}"), HttpStatusCode.OK)).Entry;
        (after.State, after.InForceOn).ShouldBe((PointsEntryState.InForce, China.Today));
    }

    [Fact]
    public async Task An_upheld_objection_voids_the_entry()
    {
        var e = await PostedAsync(await HouseholdAsync(2));
        var village = await f.ApiAs("village.naoping");
        var o = await Read<ObjectionView>(await village.PostAsJsonAsync($"{Entries}/{e.Id}/objections", new { objectorName = "匿名", reason = "不属实" }), HttpStatusCode.Created);
        await Read<ObjectionView>(await village.PostAsJsonAsync($"/api/v1/points/objections/{o.Id}/review", new { upheld = true }), HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(x => x.Id == e.Id).Select(x => x.State).SingleAsync())).ShouldBe(PointsEntryState.Void);
    }

    [Fact]
    public async Task An_objection_after_publicity_closed_is_refused()
    {
        var e = await PostedAsync(await HouseholdAsync(1));
        await f.WithSystemDb(async db =>
        {
            // 公示 ended yesterday but the sweep has not run yet: the date alone closes objections.
            var row = await db.Set<PointsEntry>().SingleAsync(x => x.Id == e.Id);
            row.PublicityUntil = China.Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        var before = await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync());
        var body = await Refused(await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Entries}/{e.Id}/objections", new { objectorName = "王五", reason = "不同意" }),
            HttpStatusCode.Conflict);
        body.ShouldContain($"公示已于 {China.Today.AddDays(-1):yyyy-MM-dd} 结束");
        (await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task The_sweep_counts_an_entry_in_force_on_the_running_row()
    {
        var household = await HouseholdAsync(1);
        var before = (await RowAsync(household, China.Today.Year))?.Earned ?? 0;
        var e = await InForceAsync(household, "A02");
        (e.State, e.AppliedPoints, e.InForceOn).ShouldBe((PointsEntryState.InForce, 3, China.Today));
        (await RowAsync(household, China.Today.Year))!.Earned.ShouldBe(before + 3);
        (await LedgerSumAsync(household, China.Today.Year)).ShouldBe((await RowAsync(household, China.Today.Year))!.Net);
    }

    [Fact]
    public async Task A_statement_shows_the_balance_of_entries_due_before_the_sweep()
    {
        var household = await HouseholdAsync(2);
        var village = await f.ApiAs("village.naoping");
        var url = $"/api/v1/points/statement?holderKind=Household&holderId={household}";
        var before = (await Read<PointsStatement>(await village.GetAsync(url), HttpStatusCode.OK)).Balance;
        var e = await PostedAsync(household, "A02");
        await f.WithSystemDb(async db =>
        {
            var row = await db.Set<PointsEntry>().SingleAsync(x => x.Id == e.Id);
            row.PublicityUntil = China.Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        (await Read<PointsStatement>(await village.GetAsync(url), HttpStatusCode.OK)).Balance.ShouldBe(before + 3);
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(x => x.Id == e.Id).Select(x => x.State).SingleAsync())).ShouldBe(PointsEntryState.Publicity);
    }

    [Fact]
    public async Task A_reversal_takes_back_what_the_entry_counted()
    {
        var household = await HouseholdAsync(0);
        var e = await InForceAsync(household);
        var row = (await RowAsync(household, e.Year))!;
        var reversal = await Read<PointsEntryView>(await (await SecondAsync()).PostAsJsonAsync($"{Entries}/{e.Id}/reverse", new { reason = "记错户" }), HttpStatusCode.Created);
        (reversal.Points, reversal.ReversesId, reversal.ReversalReason, reversal.State).ShouldBe((-2, (long?)e.Id, "记错户", PointsEntryState.InForce));
        (await RowAsync(household, e.Year))!.Earned.ShouldBe(row.Earned - 2);
    }

    [Fact]
    public async Task Reversing_twice_is_refused()
    {
        var e = await InForceAsync(await HouseholdAsync(0));
        var village = await f.ApiAs("village.naoping");
        await Read<PointsEntryView>(await village.PostAsJsonAsync($"{Entries}/{e.Id}/reverse", new { reason = "更正" }), HttpStatusCode.Created);
        var before = await EntryCountAsync();
        var body = await Refused(await village.PostAsJsonAsync($"{Entries}/{e.Id}/reverse", new { reason = "再次更正" }), HttpStatusCode.Conflict);
        body.ShouldContain("已冲销过，不能重复冲销");
        (await EntryCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_backdated_catalogue_that_would_rewrite_history_is_refused()
    {
        var county = await f.ApiAs("county.admin");
        var overview = await Read<PointsRulesOverview>(await county.GetAsync("/api/v1/points/rules"), HttpStatusCode.OK);
        var command = PointsRulesHandlers.ToCommand(overview.InForce!) with { PublicityDays = 7 };
        command.RowVersion = overview.RowVersion;
        var draft = await Read<PointsRulesView>(await county.PutAsJsonAsync("/api/v1/points/rules/draft", command), HttpStatusCode.OK);
        var body = await Refused(await county.PostAsJsonAsync("/api/v1/points/rules/publish", new { effectiveFrom = China.Today.AddDays(-1) }), HttpStatusCode.Conflict);
        body.ShouldContain("生效日期不能早于今天");
        var after = await Read<PointsRulesOverview>(await county.GetAsync("/api/v1/points/rules"), HttpStatusCode.OK);
        (after.InForce!.Version, after.InForce.PublicityDays, after.Draft!.IsPublished).ShouldBe((overview.InForce!.Version, overview.InForce.PublicityDays, false));
        draft.Version.ShouldBe(after.Draft.Version);
        (await county.DeleteAsync("/api/v1/points/rules/draft")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_village_item_above_the_county_limit_is_refused()
    {
        var village = await f.ApiAs("village.naoping");
        var before = await f.WithSystemDb(db => db.Set<VillagePointsItem>().CountAsync());
        var body = await Refused(await village.PostAsJsonAsync("/api/v1/points/village-items",
            new { code = "C90", name = "美丽庭院", sign = "Earn", points = 11, @for = "Household", evidenceRequired = false, yearCap = 20 }), HttpStatusCode.Conflict);
        body.ShouldContain("不能超过县级规定的 10 分");
        (await f.WithSystemDb(db => db.Set<VillagePointsItem>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_village_item_within_the_limits_takes_entries()
    {
        var village = await f.ApiAs("village.naoping");
        var item = await Read<VillageItemView>(await village.PostAsJsonAsync("/api/v1/points/village-items",
            new { code = "C" + Random.Shared.Next(10, 99), name = "美丽庭院", sign = "Earn", points = 4, @for = "Household", evidenceRequired = false, yearCap = 8 }), HttpStatusCode.Created);
        var e = await ProposedAsync(await HouseholdAsync(1), item.Code);
        (e.Points, e.PolicyVersion, e.ItemName).ShouldBe((4, (int?)null, "美丽庭院"));
    }

    [Fact]
    public async Task Parallel_approvals_of_one_entry_let_exactly_one_through()
    {
        var e = await ProposedAsync(await HouseholdAsync(2));
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SecondAsync()));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async c => { await start.WaitAsync(); return await c.PostAsync($"{Entries}/{e.Id}/approve", null); }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", results.Select(r => r.StatusCode)));
        results.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var audits = await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(PointsEntry) && a.EntityKey == e.Id.ToString() && a.Action == AuditActions.Update));
        audits.ShouldBe(1);
    }

    [Fact]
    public async Task An_entry_that_cannot_come_into_force_does_not_hold_back_the_entries_after_it()
    {
        var broken = await PostedAsync(await HouseholdAsync(1));
        var sound = await PostedAsync(await HouseholdAsync(2));
        // A year no calendar has: bringing it into force throws, as a corrupt row would.
        await f.WithSystemDb(async db =>
        {
            (await db.Set<PointsEntry>().SingleAsync(e => e.Id == broken.Id)).Year = 0;
            return await db.SaveChangesAsync();
        });
        // The pass counts other tests' due entries too, so the states are what is asserted; before, the pass threw.
        await EndPublicityAsync(broken.Id, sound.Id);
        var states = await f.WithSystemDb(db => db.Set<PointsEntry>().AsNoTracking().Where(e => e.Id == broken.Id || e.Id == sound.Id).ToDictionaryAsync(e => e.Id, e => e.State));
        states[sound.Id].ShouldBe(PointsEntryState.InForce);
        states[broken.Id].ShouldBe(PointsEntryState.Publicity);
        await f.WithSystemDb(async db =>
        {
            (await db.Set<PointsEntry>().SingleAsync(e => e.Id == broken.Id)).State = PointsEntryState.Void;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Parallel_reversals_for_one_holder_keep_the_running_row_equal_to_the_ledger()
    {
        var household = await HouseholdAsync(1);
        var entries = new List<PointsEntryView>();
        for (var i = 0; i < 4; i++) entries.Add(await PostedAsync(household, "A01"));
        await EndPublicityAsync([.. entries.Select(e => e.Id)]);
        var clients = await Task.WhenAll(entries.Select(_ => SecondAsync()));
        using var start = new SemaphoreSlim(0);
        var racing = entries.Zip(clients).Select(async p =>
        {
            await start.WaitAsync();
            return await p.Second.PostAsJsonAsync($"{Entries}/{p.First.Id}/reverse", new { reason = "并发冲销" });
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);
        results.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        results.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        var year = entries[0].Year;
        var row = (await RowAsync(household, year))!;
        row.Net.ShouldBe(await LedgerSumAsync(household, year));
        var reversals = await f.WithSystemDb(db => db.Set<PointsEntry>().CountAsync(x => x.ReversesId != null && entries.Select(e => e.Id).Contains(x.ReversesId.Value)));
        reversals.ShouldBe(results.Count(r => r.StatusCode == HttpStatusCode.Created));
    }

    private async Task<long> PendingTodoAsync(HttpClient c) =>
        (await c.GetFromJsonAsync<Cunzhi.Web.Features.Home.TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items.Single(i => i.Key == "points-pending").Count;

    [Fact]
    public async Task A_proposal_waits_on_the_home_of_the_other_member_not_the_proposers()
    {
        var proposer = await f.ApiAs("village.naoping");
        var other = await SecondAsync();
        var (proposerBefore, otherBefore) = (await PendingTodoAsync(proposer), await PendingTodoAsync(other));
        await ProposedAsync(await HouseholdAsync(2));
        (await PendingTodoAsync(proposer)).ShouldBe(proposerBefore);
        (await PendingTodoAsync(other)).ShouldBe(otherBefore + 1);
    }

    [Fact]
    public async Task A_town_reads_the_ledger_but_cannot_propose()
    {
        var town = await f.ApiAs("town.sanxing");
        var list = await Read<Paged<PointsEntryView>>(await town.GetAsync($"{Entries}?region={Demo.Naoping}"), HttpStatusCode.OK);
        list.Items.ShouldAllBe(e => e.VillageCode == Demo.Naoping);
        list.Total.ShouldBeGreaterThan(0);
        (await Propose(town, await HouseholdAsync(0))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class PointsTests_Sqlite(SqliteFactory f) : PointsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PointsTests_Postgres(PostgresFactory f) : PointsTests<PostgresFactory>(f);
