using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The links of 诉求 (issue #19): a visit raises real matters in the same save (all or nothing), a points entry raises a
/// matter pre-filled and linked, and the registration form's household picker (scoped, masked, the village's own).
/// Each test arranges its own village of 三兴镇 so the figures are its own.
/// </summary>
public abstract class MatterLinksTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 700;

    private static DateOnly Today => China.Today;

    private async Task<(string Village, long[] Households)> VillageAsync(int households)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"诉求测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        var homes = Enumerable.Range(1, households).Select(i => new Household { RegionCode = code, Number = $"L{i:000}", HeadName = $"欧阳{i}华" }).ToList();
        db.AddRange(homes);
        await db.SaveChangesAsync();
        return (code, homes.Select(h => h.Id).ToArray());
    }

    private static async Task<RoundView> PlanAsync(HttpClient api, string village)
    {
        var r = await api.PostAsJsonAsync("/api/v1/visits/rounds", new
        {
            name = "诉求走访", fromDate = Today.AddDays(-3), toDate = Today.AddDays(10), villages = new[] { village }, officials = new[] { Town },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<RoundView>(CunzhiFactory.Json))!;
    }

    private Task<List<Matter>> MattersOfAsync(string village) => f.WithSystemDb(db => db.Set<Matter>().Where(m => m.RegionCode == village).OrderBy(m => m.Id).ToListAsync());

    private Task<int> VisitCountAsync(string village) => f.WithSystemDb(db => db.Set<VisitRecord>().CountAsync(v => v.RegionCode == village));

    [Fact]
    public async Task A_visit_registers_its_matters_linked_to_the_visit_and_the_household()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new
        {
            householdId = homes[0], notes = "反映两件事",
            matters = new object[]
            {
                new { kind = "MicroMatter", title = "门前水沟堵塞", description = "下雨积水" },
                new { kind = "Problem", title = "低保申请咨询", description = "想了解条件" },
            },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var visit = (await r.Content.ReadFromJsonAsync<VisitView>(CunzhiFactory.Json))!;
        var matters = await MattersOfAsync(village);
        matters.Select(m => (m.VisitId, m.HouseholdId, m.Source, m.Level, m.State, m.Title))
            .ShouldBe([(visit.Id, homes[0], MatterSource.Visit, MatterLevel.Village, MatterState.Received, "门前水沟堵塞"),
                (visit.Id, homes[0], MatterSource.Visit, MatterLevel.Village, MatterState.Received, "低保申请咨询")]);
    }

    [Fact]
    public async Task A_visit_counts_the_matters_it_raised()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new
        {
            householdId = homes[1], matters = new[] { new { kind = "MicroMatter", title = "路灯不亮" }, new { kind = "VillagePlan", title = "村道规划" }, new { kind = "Problem", title = "饮水" } },
        });
        var visit = (await r.Content.ReadFromJsonAsync<VisitView>(CunzhiFactory.Json))!;
        var stored = await f.WithSystemDb(db => db.Set<VisitRecord>().Where(v => v.Id == visit.Id).Select(v => v.MattersRaised).SingleAsync());
        stored.ShouldBe((await MattersOfAsync(village)).Count(m => m.VisitId == visit.Id));
    }

    [Fact]
    public async Task A_visit_answer_shows_each_matters_receipt_code_once()
    {
        var (village, homes) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = homes[0], matters = new[] { new { kind = "MicroMatter", title = "修桥" } } });
        var visit = (await r.Content.ReadFromJsonAsync<VisitView>(CunzhiFactory.Json))!;
        var code = visit.Raised!.ShouldHaveSingleItem().ReceiptCode;
        var opened = await f.Anonymous().PostAsJsonAsync("/api/v1/matters/receipt/open", new { code });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        (await opened.Content.ReadFromJsonAsync<ReceiptView>(CunzhiFactory.Json))!.Title.ShouldBe("修桥");
    }

    [Fact]
    public async Task A_visit_matter_without_a_title_writes_neither_the_visit_nor_any_matter()
    {
        var (village, homes) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new
        {
            householdId = homes[0], matters = new[] { new { kind = "MicroMatter", title = "有标题的" }, new { kind = "Problem", title = " " } },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写诉求标题");
        (await VisitCountAsync(village), (await MattersOfAsync(village)).Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_visit_matter_without_a_kind_is_refused_in_chinese()
    {
        var (village, homes) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = homes[0], matters = new[] { new { title = "没有类别" } } });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请选择诉求类别");
        (await VisitCountAsync(village), (await MattersOfAsync(village)).Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task The_visit_screen_shows_the_receipt_codes_of_the_matters_raised()
    {
        var (village, homes) = await VillageAsync(1);
        var round = await PlanAsync(await f.ApiAs(Town), village);
        var pages = await f.PagesAs(Town);
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Visits/Record?round={round.Id}&household={homes[0]}", new()
        {
            ["Notes"] = "反映灌溉问题", ["Raised[0].Kind"] = "Problem", ["Raised[0].Title"] = "灌溉水渠堵塞", ["Raised[0].Description"] = "影响春耕",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await CunzhiFactory.Html(r);
        var matter = (await MattersOfAsync(village)).ShouldHaveSingleItem();
        doc.QuerySelector($"[data-testid=visit-receipts] [data-matter='{matter.Id}'] [data-testid=receipt-code]")!.TextContent.Trim().Length.ShouldBe(14);
    }

    [Fact]
    public async Task The_matter_page_links_to_the_visit_it_was_raised_in()
    {
        var (village, homes) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = homes[0], matters = new[] { new { kind = "MicroMatter", title = "修路" } } });
        var matter = (await MattersOfAsync(village)).ShouldHaveSingleItem();
        var doc = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Matters/{matter.Id}"));
        doc.QuerySelector("[data-testid=from-visit]")!.GetAttribute("href").ShouldBe($"/Visits/Record?round={round.Id}&household={homes[0]}");
    }

    [Fact]
    public async Task The_visit_screen_links_to_the_matters_of_earlier_visits()
    {
        var (village, homes) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, village);
        await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = homes[0], matters = new[] { new { kind = "MicroMatter", title = "修渠" } } });
        var matter = (await MattersOfAsync(village)).ShouldHaveSingleItem();
        var doc = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Visits/Record?round={round.Id}&household={homes[0]}"));
        doc.QuerySelector($"[data-visit-matter='{matter.Id}']")!.GetAttribute("href").ShouldBe($"/Matters/{matter.Id}");
    }

    [Fact]
    public async Task Registering_with_another_villages_household_is_refused_and_writes_nothing()
    {
        var (village, _) = await VillageAsync(1);
        var (_, others) = await VillageAsync(1);
        var r = await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/matters", new { village, householdId = others[0], kind = "MicroMatter", source = "WalkIn", title = "串村农户" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain(MatterDesk.HouseholdOutsideVillage);
        (await MattersOfAsync(village)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_household_picker_finds_a_household_by_number_with_the_name_masked()
    {
        var (village, homes) = await VillageAsync(12);
        var found = (await (await f.ApiAs(Town)).GetFromJsonAsync<Paged<HouseholdOption>>($"/api/v1/matters/households?village={village}&q=L011", CunzhiFactory.Json))!;
        found.Items.ShouldHaveSingleItem().ShouldBe(new HouseholdOption(homes[10], "L011", "欧***华", null));
    }

    [Fact]
    public async Task The_household_picker_finds_households_by_the_heads_name()
    {
        var (village, homes) = await VillageAsync(12);
        var found = (await (await f.ApiAs(Town)).GetFromJsonAsync<Paged<HouseholdOption>>($"/api/v1/matters/households?village={village}&q={Uri.EscapeDataString("欧阳1")}", CunzhiFactory.Json))!;
        found.Items.Select(h => h.Id).ShouldBe([homes[0], homes[9], homes[10], homes[11]]);
    }

    [Fact]
    public async Task The_household_picker_lists_nothing_outside_the_accounts_scope()
    {
        var (village, _) = await VillageAsync(2);
        var found = (await (await f.ApiAs("town.efeng")).GetFromJsonAsync<Paged<HouseholdOption>>($"/api/v1/matters/households?village={village}", CunzhiFactory.Json))!;
        found.Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_registration_page_picks_a_household_of_the_chosen_village()
    {
        var (village, homes) = await VillageAsync(3);
        var pages = await f.PagesAs(Town);
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Matters/New?village={village}&q=L002", new()
        {
            ["Form.HouseholdId"] = homes[1].ToString(), ["Form.Kind"] = "MicroMatter", ["Form.Source"] = "WalkIn", ["Form.Title"] = "院墙开裂",
        }, "/Matters/New");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(r)).QuerySelector("[data-testid=receipt-code]").ShouldNotBeNull();
        (await MattersOfAsync(village)).ShouldHaveSingleItem().HouseholdId.ShouldBe(homes[1]);
    }

    private async Task<(string Village, long Household, long Entry)> EntryAsync()
    {
        var (village, homes) = await VillageAsync(1);
        var entry = new PointsEntry
        {
            RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = homes[0], HolderName = "欧阳1华", Year = Today.Year, Date = Today,
            PolicyVersion = 1, ItemCode = "B02", ItemName = "乱堆乱放", Points = -2, Note = "柴草堆在路边", State = PointsEntryState.Proposed,
            ProposerKind = PointsProposer.VillageCadre, ProposedBy = "village.naoping", ProposedAtUtc = DateTime.UtcNow,
        };
        await f.WithSystemDb(async db => { db.Add(entry); await db.SaveChangesAsync(); return entry.Id; });
        return (village, homes[0], entry.Id);
    }

    [Fact]
    public async Task The_registration_form_is_prefilled_from_a_points_entry()
    {
        var (_, household, entry) = await EntryAsync();
        var doc = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Matters/New?entry={entry}"));
        (doc.QuerySelector("input[name='Form.PointsEntryId']")!.GetAttribute("value"),
            doc.QuerySelector($"input[name='Form.HouseholdId'][value='{household}']")!.HasAttribute("checked"),
            doc.QuerySelector("#Form_Title")!.GetAttribute("value")).ShouldBe((entry.ToString(), true, "乱堆乱放"));
    }

    [Fact]
    public async Task A_matter_registered_from_a_points_entry_is_linked_to_it()
    {
        var (village, household, entry) = await EntryAsync();
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Matters/New?entry={entry}", new()
        {
            ["Form.Kind"] = "Problem", ["Form.Source"] = "Other", ["Form.Title"] = "乱堆乱放", ["Form.HouseholdId"] = household.ToString(),
        }, "/Matters/New");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var m = (await MattersOfAsync(village)).ShouldHaveSingleItem();
        (m.PointsEntryId, m.HouseholdId, m.Source).ShouldBe((entry, household, MatterSource.Other));
    }

    [Fact]
    public async Task The_points_ledger_shows_the_matter_raised_from_an_entry()
    {
        var (village, _, entry) = await EntryAsync();
        var created = await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/matters", new { village, pointsEntryId = entry, kind = "Problem", source = "Other", title = "柴草清理" });
        var m = (await created.Content.ReadFromJsonAsync<MatterRegistered>(CunzhiFactory.Json))!;
        var doc = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Points/Ledger?tab=all&region={village}"));
        doc.QuerySelector($"[data-entry='{entry}'] [data-entry-matter='{m.Matter.Id}'] a")!.GetAttribute("href").ShouldBe($"/Matters/{m.Matter.Id}");
    }

    [Fact]
    public async Task A_points_entry_of_another_village_is_not_linked()
    {
        var (_, _, entry) = await EntryAsync();
        var (other, _) = await VillageAsync(1);
        var r = await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/matters", new { village = other, pointsEntryId = entry, kind = "Problem", source = "Other", title = "错村" });
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await MattersOfAsync(other)).ShouldBeEmpty();
    }
}

public sealed class MatterLinksTests_Sqlite(SqliteFactory f) : MatterLinksTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterLinksTests_Postgres(PostgresFactory f) : MatterLinksTests<PostgresFactory>(f);
