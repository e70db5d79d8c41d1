using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Points;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Issue #18's remaining points pieces over the API and pages: the cap per rule per year held by the database under
/// parallel approvals, proposers named from the net, village rankings behind the ranking guard with the 积分联奖惩 score,
/// the village selector on the ledger and the cadre's read-only 积分情况.
/// </summary>
public abstract class LinkedPointsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Entries = "/api/v1/points/entries";
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

    /// <summary>A new household of 闹坪村 with no points yet (each test's cap rows and links are its own), its head a Party member.</summary>
    private Task<long> HouseholdAsync(int _) => f.WithSystemDb(async db =>
    {
        var h = new Household { RegionCode = Demo.Naoping, Number = "L-" + Guid.NewGuid().ToString("N")[..8], HeadName = "测试户主" };
        h.Residents.Add(new Resident { RegionCode = Demo.Naoping, Name = "测试党员" + h.Number[^4..], Gender = Gender.Male, BirthDate = new DateOnly(1970, 1, 1), Relation = "户主", IsPartyMember = true });
        db.Households.Add(h);
        await db.SaveChangesAsync();
        return h.Id;
    });

    /// <summary>The Party member heading a new household (so of no household a test links them to).</summary>
    private async Task<long> NewMemberAsync() =>
        await f.WithSystemDb(async db => { var h = await HouseholdAsync(0); return await db.Residents.Where(r => r.HouseholdId == h).Select(r => r.Id).SingleAsync(); });

    /// <summary>Pending entries under A03 (10 points, 30 a year) written as if proposed at once (the proposal check could not see each other).</summary>
    private Task<List<long>> PendingAsync(long household, int count) => f.WithSystemDb(async db =>
    {
        var name = await db.Households.Where(h => h.Id == household).Select(h => h.HeadName).FirstAsync();
        var entries = Enumerable.Range(0, count).Select(_ => new PointsEntry
        {
            RegionCode = Demo.Naoping, HolderKind = PointsHolderKind.Household, HolderId = household, HolderName = name, Year = China.Today.Year, Date = China.Today,
            PolicyVersion = 1, ItemCode = "A03", ItemName = "见义勇为、好人好事", Points = 10, Note = "测试", Evidence = "照片", State = PointsEntryState.Proposed,
            ProposerKind = PointsProposer.VillageCadre, ProposedBy = "village.naoping", ProposedAtUtc = DateTime.UtcNow,
        }).ToList();
        db.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).ToList();
    });

    [Fact]
    public async Task Parallel_approvals_past_the_yearly_cap_let_only_the_allowed_points_through()
    {
        var household = await HouseholdAsync(0);
        var ids = await PendingAsync(household, 5);
        var clients = await Task.WhenAll(ids.Select(_ => SecondAsync()));
        using var start = new SemaphoreSlim(0);
        var racing = ids.Select(async (id, i) => { await start.WaitAsync(); return (id, r: await clients[i].PostAsync($"{Entries}/{id}/approve", null)); }).ToList();
        start.Release(ids.Count);
        var results = await Task.WhenAll(racing);
        foreach (var (_, r) in results.Where(x => x.r.StatusCode != HttpStatusCode.OK))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await r.Content.ReadAsStringAsync()).ShouldMatch("每年最多 30 分|数据已被他人修改");
        }
        // Retry the refused ones one by one: the cap lets exactly 30 points through in all, whatever the race did.
        var retry = await SecondAsync();
        foreach (var (id, _) in results.Where(x => x.r.StatusCode != HttpStatusCode.OK))
            await retry.PostAsync($"{Entries}/{id}/approve", null);
        var approved = await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => ids.Contains(e.Id) && e.State == PointsEntryState.Publicity).CountAsync());
        approved.ShouldBe(3);
        var row = await f.WithSystemDb(db => db.Set<PointsCapUsage>().AsNoTracking().SingleAsync(r => r.HolderId == household && r.ItemCode == "A03"));
        (row.Used, row.Cap).ShouldBe((30, 30));
    }

    [Fact]
    public async Task An_approval_past_the_cap_is_refused_in_chinese_and_writes_nothing()
    {
        var household = await HouseholdAsync(1);
        var ids = await PendingAsync(household, 4);
        var second = await SecondAsync();
        foreach (var id in ids.Take(3))
        {
            var ok = await second.PostAsync($"{Entries}/{id}/approve", null);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        }
        var r = await second.PostAsync($"{Entries}/{ids[3]}/approve", null);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("每年最多 30 分，该对象");
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.Id == ids[3]).Select(e => e.State).SingleAsync())).ShouldBe(PointsEntryState.Proposed);
    }

    [Fact]
    public async Task An_upheld_objection_gives_its_points_back_to_the_cap()
    {
        var household = await HouseholdAsync(2);
        var ids = await PendingAsync(household, 1);
        var second = await SecondAsync();
        (await second.PostAsync($"{Entries}/{ids[0]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var objection = await (await second.PostAsJsonAsync($"{Entries}/{ids[0]}/objections", new { objectorName = "匿名", reason = "不实" })).Content.ReadFromJsonAsync<ObjectionView>(CunzhiFactory.Json);
        (await second.PostAsJsonAsync($"/api/v1/points/objections/{objection!.Id}/review", new { upheld = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await f.WithSystemDb(db => db.Set<PointsCapUsage>().AsNoTracking().SingleAsync(r => r.HolderId == household && r.ItemCode == "A03"));
        row.Used.ShouldBe(0);
    }

    /// <summary>The household's current linked Party member (made when the demo net has none for it).</summary>
    private Task<long> LinkedMemberAsync(long household) => f.WithSystemDb(async db =>
    {
        var today = China.Today;
        var current = await db.Set<MemberHouseholdLink>().Where(l => l.HouseholdId == household && l.ToDate == null).OrderBy(l => l.Id).Select(l => (long?)l.ResidentId).FirstOrDefaultAsync();
        if (current is { } r) return r;
        var member = await NewMemberAsync();
        db.Add(new MemberHouseholdLink { RegionCode = Demo.Naoping, ResidentId = member, HouseholdId = household, FromDate = today.AddDays(-30) });
        await db.SaveChangesAsync();
        return member;
    });

    [Fact]
    public async Task A_cadre_may_enter_an_entry_on_behalf_of_the_households_linked_member()
    {
        var household = await HouseholdAsync(0);
        var member = await LinkedMemberAsync(household);
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync(Entries,
            new { holderKind = "Household", holderId = household, itemCode = "A01", note = "测试", proposerKind = "LinkedPartyMember", proposerId = member });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var e = (await r.Content.ReadFromJsonAsync<PointsEntryView>(CunzhiFactory.Json))!;
        var name = await f.WithSystemDb(db => db.Residents.Where(x => x.Id == member).Select(x => x.Name).FirstAsync());
        (e.ProposerKind, e.ProposerId, e.ProposerName, e.ProposedBy).ShouldBe((PointsProposer.LinkedPartyMember, (long?)member, name, "village.naoping"));
    }

    [Fact]
    public async Task A_party_member_not_linked_to_the_household_is_refused_as_proposer()
    {
        var household = await HouseholdAsync(1);
        var linked = await LinkedMemberAsync(household);
        var other = await NewMemberAsync();
        var before = await f.WithSystemDb(db => db.Set<PointsEntry>().CountAsync());
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync(Entries,
            new { holderKind = "Household", holderId = household, itemCode = "A01", note = "测试", proposerKind = "LinkedPartyMember", proposerId = other });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("该党员目前没有联系这户");
        (await f.WithSystemDb(db => db.Set<PointsEntry>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Approval_by_the_entering_account_is_refused_even_for_a_named_proposer()
    {
        var household = await HouseholdAsync(0);
        var member = await LinkedMemberAsync(household);
        var village = await f.ApiAs("village.naoping");
        var e = (await (await village.PostAsJsonAsync(Entries,
            new { holderKind = "Household", holderId = household, itemCode = "A01", note = "测试", proposerKind = "LinkedPartyMember", proposerId = member }))
            .Content.ReadFromJsonAsync<PointsEntryView>(CunzhiFactory.Json))!;
        var r = await village.PostAsync($"{Entries}/{e.Id}/approve", null);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不能审核自己提出的积分记录");
    }

    private async Task<HttpClient> SanxingcunAsync()
    {
        const string name = "village.sanxingcun";
        await using (var scope = f.SystemScope(out var db))
        {
            if (!await db.Users.AnyAsync(u => u.UserName == name))
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(name, CunzhiFactory.Password, Roles.VillageCadre, Demo.Sanxingcun, "三兴村委员");
        }
        return await f.ApiAs(name);
    }

    [Fact]
    public async Task A_ranking_is_hidden_until_the_village_publishes_it()
    {
        var village = await SanxingcunAsync();
        var year = China.Today.Year - 1;
        var before = await village.GetFromJsonAsync<PointsRankingPage<HouseholdScoreView>>($"/api/v1/points/rankings/households?year={year}", CunzhiFactory.Json);
        (before!.Published, before.Rows.Items.Count).ShouldBe((false, 0));
        var r = await village.PostAsJsonAsync("/api/v1/points/rankings/publish", new { year });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var households = await f.WithSystemDb(db => db.Households.CountAsync(h => h.RegionCode == Demo.Sanxingcun));
        var after = await village.GetFromJsonAsync<PointsRankingPage<HouseholdScoreView>>($"/api/v1/points/rankings/households?year={year}&pageSize=5", CunzhiFactory.Json);
        (after!.Published, after.Rows.Total).ShouldBe((true, (long)households));
    }

    [Fact]
    public async Task Publishing_more_often_than_the_county_allows_is_refused()
    {
        await f.WithSystemDb(async db =>
        {
            if (await db.Set<RankingPublication>().AnyAsync(p => p.RegionCode == Demo.Naoping && p.Kind == RankingKind.VillagePoints)) return 0;
            var p = new RankingPublication { RegionCode = Demo.Naoping, Kind = RankingKind.VillagePoints, Title = "测试", Period = $"{China.Today.Year - 1}年度", PreparedBy = "test", PreparedAtUtc = DateTime.UtcNow };
            p.Publish(null, 12, "test", DateTime.UtcNow, China.Today);
            db.Add(p);
            return await db.SaveChangesAsync();
        });
        var before = await f.WithSystemDb(db => db.Set<RankingPublication>().CountAsync());
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync("/api/v1/points/rankings/publish", new { year = China.Today.Year });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("起方可再次发布");
        (await f.WithSystemDb(db => db.Set<RankingPublication>().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_members_ranking_adds_the_weighted_average_of_linked_households()
    {
        var year = China.Today.Year - 1;
        var household = await HouseholdAsync(2);
        var m = await NewMemberAsync();
        var (member, own) = await f.WithSystemDb(async db =>
        {
            foreach (var policy in await db.Set<PointsPolicy>().Where(p => p.CountyCode == RegionCodes.CountyOf(Demo.Naoping) && p.IsPublished).ToListAsync())
                (policy.LinkedRule, policy.LinkWeightPercent) = (LinkedScoreRule.Weighted, 50);
            db.Add(new MemberHouseholdLink { RegionCode = Demo.Naoping, ResidentId = m, HouseholdId = household, FromDate = new DateOnly(year, 1, 1), ToDate = new DateOnly(year, 12, 31) });
            db.Add(new PointsBalance { RegionCode = Demo.Naoping, HolderKind = PointsHolderKind.Household, HolderId = household, Year = year, Earned = 20, Entries = 1 });
            db.Add(new PointsBalance { RegionCode = Demo.Naoping, HolderKind = PointsHolderKind.PartyMember, HolderId = m, Year = year, Earned = 6, Entries = 1 });
            await db.SaveChangesAsync();
            return (m, 6);
        });
        await f.WithSystemDb(async db =>
        {
            if (await db.Set<RankingPublication>().AnyAsync(p => p.RegionCode == Demo.Naoping && p.Kind == RankingKind.VillagePoints && p.Period == $"{year}年度")) return 0;
            var p = new RankingPublication { RegionCode = Demo.Naoping, Kind = RankingKind.VillagePoints, Title = "测试", Period = $"{year}年度", PreparedBy = "test", PreparedAtUtc = DateTime.UtcNow };
            p.Publish(null, 12, "test", DateTime.UtcNow, China.Today);
            db.Add(p);
            return await db.SaveChangesAsync();
        });
        var town = await f.ApiAs("town.sanxing");
        var page = await town.GetFromJsonAsync<PointsRankingPage<MemberScoreView>>($"/api/v1/points/rankings/members?region={Demo.Naoping}&year={year}&pageSize=200", CunzhiFactory.Json);
        var row = page!.Rows.Items.Single(m => m.ResidentId == member);
        (row.Own, row.LinkedAverage, row.Score).ShouldBe((own, 20m, own + 10m));
    }

    [Fact]
    public async Task A_town_picks_a_village_on_the_ledger()
    {
        var town = await f.PagesAs("town.sanxing");
        var doc = await CunzhiFactory.Html(await town.GetAsync($"/Points/Ledger?tab=all&region={Demo.Naoping}"));
        var select = doc.QuerySelector("[data-testid=village-select] select")!;
        select.QuerySelector("option[selected]")!.GetAttribute("value").ShouldBe(Demo.Naoping);
        select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldContain(Demo.Sanxingcun);
    }

    [Fact]
    public async Task A_village_account_gets_no_village_selector()
    {
        var doc = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Points/Ledger?tab=all"));
        doc.QuerySelector("[data-testid=village-select]").ShouldBeNull();
    }

    [Fact]
    public async Task A_cadres_points_evidence_lists_the_households_of_their_groups()
    {
        var year = China.Today.Year;
        var (cadre, households) = await f.WithSystemDb(async db =>
        {
            var link = await db.Set<CadreGroupLink>().Where(l => l.RegionCode == Demo.Naoping && l.ToDate == null).OrderBy(l => l.Id).FirstOrDefaultAsync();
            if (link is null)
            {
                var c = await db.Cadres.Where(x => x.RegionCode == Demo.Naoping).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
                var g = await db.Households.Where(h => h.RegionCode == Demo.Naoping && h.GroupCode != null).OrderBy(h => h.Id).Select(h => h.GroupCode!).FirstAsync();
                link = new CadreGroupLink { RegionCode = Demo.Naoping, CadreId = c, GroupCode = g, FromDate = new DateOnly(year, 1, 1) };
                db.Add(link);
                await db.SaveChangesAsync();
            }
            var groups = await db.Set<CadreGroupLink>().Where(l => l.CadreId == link.CadreId && l.ToDate == null).Select(l => l.GroupCode).ToListAsync();
            return (link.CadreId, await db.Households.CountAsync(h => h.GroupCode != null && groups.Contains(h.GroupCode)));
        });
        var r = await (await f.PagesAs("town.sanxing")).GetAsync($"/Points/Evidence?cadreId={cadre}&year={year}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await CunzhiFactory.Html(r);
        doc.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain($"农户 {households} 户");
    }

    [Fact]
    public async Task A_cadre_of_another_village_has_no_evidence_for_a_village_account()
    {
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(x => x.RegionCode == Demo.Sanxingcun).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        var r = await (await f.PagesAs("village.naoping")).GetAsync($"/Points/Evidence?cadreId={cadre}&year={China.Today.Year}");
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_annual_review_links_each_cadre_to_their_points()
    {
        var doc = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Assessment/Annual?year={China.Today.Year - 1}"));
        doc.QuerySelectorAll("[data-testid=points-evidence]").Length.ShouldBeGreaterThan(0);
    }
}

public sealed class LinkedPointsTests_Sqlite(SqliteFactory f) : LinkedPointsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class LinkedPointsTests_Postgres(PostgresFactory f) : LinkedPointsTests<PostgresFactory>(f);
