using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Reserves;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The reserve pool and backfill over HTTP: entry, review with 优进绌退, appointment to a vacant post
/// in one transaction with its audit run, vacancies, Chinese messages, region scope and roles.
/// </summary>
public abstract class ReserveTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Today = China.Now.Date.ToString("yyyy-MM-dd");

    private static object Fields(string region, string name, bool party = true, string birth = "1994-05-06") => new
    {
        regionCode = region, name, gender = "Male", birthDate = birth, educationCode = "bachelor", isPartyMember = party,
        source = "ReturningYouth", channel = "UnitParty", recommender = "三兴镇党委", recommendedDate = "2025-01-01",
        // The appointed cadre needs the ID number; an update of a fresh record edits version 1 (a new row's first).
        nationalId = TestIds.Next(DateOnly.Parse(birth), Domain.People.Gender.Male), version = 1,
    };

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static async Task<ReserveDetail> CreateAsync(HttpClient api, string region, string? name = null, bool party = true)
    {
        var response = await api.PostAsJsonAsync("/api/v1/reserves", Fields(region, name ?? Unique("钟"), party));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReserveDetail>(CunzhiFactory.Json))!;
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    /// <summary>A village of 三兴镇 made for the test, with no cadres: both leading posts vacant.</summary>
    private async Task<string> EmptyVillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        var used = await db.Regions.Where(r => r.ParentCode == Demo.Sanxing).Select(r => r.Code).ToListAsync();
        var code = Enumerable.Range(900, 99).Select(n => Demo.Sanxing[..9] + n).First(c => !used.Contains(c));
        db.Regions.Add(new Region { Code = code, Name = "测试空缺村" + code[9..], Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    [Fact]
    public async Task A_reserve_goes_from_entry_through_reviews_to_removal_with_reasons()
    {
        var api = await f.ApiAs("town.sanxing");
        var name = Unique("钟");
        var created = await CreateAsync(api, Demo.Naoping, name);
        (created.Reserve.Status, created.Reserve.StatusName, created.Reserve.SourceName, created.Reserve.ChannelName, created.Reserve.RegionName)
            .ShouldBe((ReserveStatus.Active, "在库", "返乡青年", "单位党组织推荐", "闹坪村"));
        var id = created.Reserve.Id;
        (await api.PostAsJsonAsync("/api/v1/reserves", Fields(Demo.Naoping, name))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // 定人定岗 and a trainer from the registry: the trainer's name is the cadre's; a cadre of another town is not found.
        var trainer = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping && c.Status == CadreStatus.InOffice).Select(c => new { c.Id, c.Name }).FirstAsync());
        var foreign = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Dongxi).Select(c => c.Id).FirstAsync());
        object Placed(long trainerId, int version) => new
        {
            version,
            name, gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor", isPartyMember = true, source = "ReturningYouth", channel = "UnitParty",
            recommender = "三兴镇党委", recommendedDate = "2025-01-01", trainerCadreId = trainerId, trainerName = "不采用", placementPostCode = "deputy-director", trainingNote = "跟岗村委会",
        };
        var placed = await Read<ReserveDetail>(await api.PutAsJsonAsync($"/api/v1/reserves/{id}", Placed(trainer.Id, created.Version)));
        (placed.TrainerCadreId, placed.TrainerName, placed.PlacementPostName, placed.TrainingNote).ShouldBe(((long?)trainer.Id, trainer.Name, "村（居）委会副主任", "跟岗村委会"));
        var outside = await api.PutAsJsonAsync($"/api/v1/reserves/{id}", Placed(foreign, placed.Version));
        outside.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("培养联系人不存在");

        var kept = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = "2025-06-30", reviewer = "三兴镇党委", outcome = "Keep", note = "跟岗表现良好" }));
        kept.Reviews.ShouldHaveSingleItem().OutcomeName.ShouldBe("继续培养");
        var promoted = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = "2025-12-30", reviewer = "三兴镇党委", outcome = "Promote" }));
        (promoted.Reserve.Status, promoted.Reserve.LatestOutcome).ShouldBe((ReserveStatus.Active, ReviewOutcome.Promote));

        var earlier = await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = "2025-07-01", reviewer = "三兴镇党委", outcome = "Keep" });
        earlier.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await earlier.Content.ReadAsStringAsync()).ShouldContain("不能早于上一次研判（2025-12-30）");
        var noReason = await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = Today, reviewer = "三兴镇党委", outcome = "Remove" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("绌退须写明原因");

        var removed = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = Today, reviewer = "三兴镇党委", outcome = "Remove", note = "外出务工，本人申请退出" }));
        (removed.Reserve.Status, removed.ClosedDate, removed.Reviews.Count).ShouldBe((ReserveStatus.Removed, (DateOnly?)DateOnly.Parse(Today), 3));
        var again = await api.PostAsJsonAsync($"/api/v1/reserves/{id}/reviews", new { date = Today, reviewer = "三兴镇党委", outcome = "Keep" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已退出，不能再研判");
        var edit = await api.PutAsJsonAsync($"/api/v1/reserves/{id}", Fields(Demo.Naoping, name));
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await edit.Content.ReadAsStringAsync()).ShouldContain("档案不能再修改");

        var list = await api.GetFromJsonAsync<Features.Paged<ReserveRow>>($"/api/v1/reserves?code={Demo.Naoping}&status=Removed&source=ReturningYouth&q={name}", CunzhiFactory.Json);
        list!.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        (await api.GetFromJsonAsync<Features.Paged<ReserveRow>>($"/api/v1/reserves?q={name}&status=Active", CunzhiFactory.Json))!.Total.ShouldBe(0);
        (await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(ReserveReview) && a.RegionCode == Demo.Naoping && a.Action == AuditActions.Insert)))
            .ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Invalid_input_is_answered_in_Chinese_field_by_field()
    {
        var api = await f.ApiAs("town.sanxing");
        var empty = await api.PostAsJsonAsync("/api/v1/reserves", new { regionCode = Demo.County, name = "", gender = "Male", birthDate = "1994-05-06", educationCode = "", recommender = "", recommendedDate = "2999-01-01" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await empty.Content.ReadAsStringAsync();
        foreach (var message in new[] { "请填写姓名", "请选择学历", "请选择人员类别", "请选择推荐渠道", "请填写推荐人或推荐单位", "推荐日期不合理", "请选择所属村或乡镇" })
            body.ShouldContain(message);
        body.ShouldContain("\"regionCode\"");

        var young = await api.PostAsJsonAsync("/api/v1/reserves", Fields(Demo.Naoping, "少年", birth: "2010-01-01"));
        young.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await young.Content.ReadAsStringAsync()).ShouldContain("推荐时须年满 18 周岁");

        var reserve = await CreateAsync(api, Demo.Naoping);
        var badAppoint = await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "chief", date = "1999-01-01", term = 0 });
        badAppoint.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var appointErrors = await badAppoint.Content.ReadAsStringAsync();
        foreach (var message in new[] { "请选择有效的职务", "任用日期不合理", "届次应为 1–99" }) appointErrors.ShouldContain(message);
        var firstSecretary = await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "first-secretary", date = Today });
        firstSecretary.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await firstSecretary.Content.ReadAsStringAsync()).ShouldContain("上级选派");
    }

    [Fact]
    public async Task Appointment_fills_a_vacancy_creates_the_cadre_closes_the_record_in_one_audited_save()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var own = await CreateAsync(api, village, Unique("本村"));
        var townPool = await CreateAsync(api, Demo.Sanxing, Unique("镇库"));
        var notParty = await CreateAsync(api, Demo.Sanxing, Unique("群众"), party: false);

        // 优进 at the latest review puts a candidate first.
        (await api.PostAsJsonAsync($"/api/v1/reserves/{townPool.Reserve.Id}/reviews", new { date = Today, reviewer = "三兴镇党委", outcome = "Promote" })).EnsureSuccessStatusCode();
        var before = await Read<VacancyReport>(await api.GetAsync($"/api/v1/regions/{village}/vacancies"));
        before.Villages.ShouldHaveSingleItem().Posts.ShouldBe(new[] { VacantPost.Secretary, VacantPost.Director });
        before.Candidates[0].Id.ShouldBe(townPool.Reserve.Id);
        before.Candidates.Select(c => c.Id).ShouldContain(own.Reserve.Id);
        before.Candidates.ShouldAllBe(c => c.RegionCode == village || c.RegionCode == Demo.Sanxing);
        (await Read<VacancyReport>(await api.GetAsync($"/api/v1/regions/{Demo.Sanxing}/vacancies"))).Villages.Select(v => v.VillageCode).ShouldContain(village);

        var refused = await api.PostAsJsonAsync($"/api/v1/reserves/{notParty.Reserve.Id}/appoint", new { villageCode = village, postCode = "secretary-director", date = Today });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("须为中共党员");

        var sequenceBefore = await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var appointed = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{townPool.Reserve.Id}/appoint", new { villageCode = village, postCode = "secretary-director", date = Today, term = 12 }));
        appointed.Reserve.Status.ShouldBe(ReserveStatus.Promoted);
        var cadreView = appointed.Cadre.ShouldNotBeNull();
        (cadreView.RegionCode, cadreView.PostCode, cadreView.Rank, cadreView.Term).ShouldBe((village, "secretary-director", 13, (int?)12));

        var (cadre, posts, reserve) = await f.WithSystemDb(async db => (
            await db.Cadres.SingleAsync(c => c.RegionCode == village),
            await db.CadrePosts.Where(p => p.RegionCode == village).ToListAsync(),
            await db.Set<ReserveCadre>().SingleAsync(r => r.Id == townPool.Reserve.Id)));
        (cadre.Id, cadre.Name, cadre.Rank, cadre.Origin, cadre.Status, cadre.PostCode, cadre.StartDate)
            .ShouldBe((cadreView.Id, townPool.Reserve.Name, Cadre.EntryRank, CadreOrigin.Elected, CadreStatus.InOffice, "secretary-director", DateOnly.Parse(Today)));
        var post = posts.ShouldHaveSingleItem();
        (post.CadreId, post.EndDate, post.Term).ShouldBe((cadre.Id, (DateOnly?)null, (int?)12));
        (reserve.Status, reserve.PromotedCadreId, reserve.ClosedDate).ShouldBe((ReserveStatus.Promoted, (long?)cadre.Id, (DateOnly?)DateOnly.Parse(Today)));

        // One save: the three rows are consecutive links of the chain, written at one instant, and the chain verifies.
        var run = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Sequence > sequenceBefore).OrderBy(a => a.Sequence).ToListAsync());
        run.Select(a => (a.Entity, a.Action)).OrderBy(x => x.Entity)
            .ShouldBe(new[] { (nameof(Cadre), AuditActions.Insert), (nameof(CadrePost), AuditActions.Insert), (nameof(ReserveCadre), AuditActions.Update) });
        run.Select(a => a.AtUtc).Distinct().ShouldHaveSingleItem();
        var townPrefix = Demo.Sanxing[..9];
        run.ShouldAllBe(a => a.UserName == "town.sanxing" && a.RegionCode.StartsWith(townPrefix));
        run.Single(a => a.Entity == nameof(Cadre)).EntityKey.ShouldBe(cadre.Id.ToString());
        run.Single(a => a.Entity == nameof(ReserveCadre)).After!.ShouldContain($"\"PromotedCadreId\":{cadre.Id}");
        (await f.WithSystemDb(db => AuditVerifier.VerifyAsync(db))).FirstBreak.ShouldBeNull();

        // The vacancy is gone, for the village and for the town.
        (await Read<VacancyReport>(await api.GetAsync($"/api/v1/regions/{village}/vacancies"))).Villages.ShouldBeEmpty();
        (await Read<VacancyReport>(await api.GetAsync($"/api/v1/regions/{Demo.Sanxing}/vacancies"))).Villages.Select(v => v.VillageCode).ShouldNotContain(village);

        // Refusals change nothing: the post is no longer vacant, and a promoted reserve is not appointed twice.
        var filled = await api.PostAsJsonAsync($"/api/v1/reserves/{own.Reserve.Id}/appoint", new { postCode = "secretary", date = Today });
        filled.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await filled.Content.ReadAsStringAsync()).ShouldContain("党组织书记职务不空缺");
        var twice = await api.PostAsJsonAsync($"/api/v1/reserves/{townPool.Reserve.Id}/appoint", new { villageCode = village, postCode = "committee-member", date = Today });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("不能重复任用");
        (await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == village))).ShouldBe(1);
        (await f.WithSystemDb(db => db.Set<ReserveCadre>().Where(r => r.Id == own.Reserve.Id).Select(r => r.Status).SingleAsync())).ShouldBe(ReserveStatus.Active);
    }

    [Fact]
    public async Task A_failed_appointment_leaves_nothing_behind()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();

        // Refused before any write: a removed reserve.
        var removed = await CreateAsync(api, village);
        (await api.PostAsJsonAsync($"/api/v1/reserves/{removed.Reserve.Id}/reviews", new { date = Today, reviewer = "镇党委", outcome = "Remove", note = "本人申请退出" })).EnsureSuccessStatusCode();
        var headBefore = await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var refused = await api.PostAsJsonAsync($"/api/v1/reserves/{removed.Reserve.Id}/appoint", new { postCode = "director", date = Today });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("已退出，不能任用");
        (await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence))).ShouldBe(headBefore);
        (await f.WithSystemDb(db => db.Set<ReserveCadre>().Where(r => r.Id == removed.Reserve.Id).Select(r => r.Status).SingleAsync())).ShouldBe(ReserveStatus.Removed);

        // Failing in the middle of the save: the cadre and its post are inserted, then the database refuses the
        // reserve's update. The transaction takes the cadre, the post and the audit entries back with it.
        var victim = await CreateAsync(api, village, Unique("故障"));
        await f.WithSystemDb(async db =>
        {
            string[] sql = db.Database.IsNpgsql()
                ? [$"""CREATE FUNCTION fail_{victim.Reserve.Id}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."Id" = {victim.Reserve.Id} THEN RAISE EXCEPTION '测试故障'; END IF; RETURN NEW; END $$""",
                   $"""CREATE TRIGGER fail_{victim.Reserve.Id} BEFORE UPDATE ON "ReserveCadres" FOR EACH ROW EXECUTE FUNCTION fail_{victim.Reserve.Id}()"""]
                : [$"""CREATE TRIGGER fail_{victim.Reserve.Id} BEFORE UPDATE ON "ReserveCadres" WHEN NEW."Id" = {victim.Reserve.Id} BEGIN SELECT RAISE(ABORT, '测试故障'); END"""];
            foreach (var s in sql) await db.Database.ExecuteSqlRawAsync(s);
            return 0;
        });
        var headBeforeFailure = await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        var failed = await api.PostAsJsonAsync($"/api/v1/reserves/{victim.Reserve.Id}/appoint", new { postCode = "director", date = Today });
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        (await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == village))).ShouldBe(0);
        (await f.WithSystemDb(db => db.CadrePosts.CountAsync(p => p.RegionCode == village))).ShouldBe(0);
        (await f.WithSystemDb(db => db.Set<ReserveCadre>().Where(r => r.Id == victim.Reserve.Id).Select(r => r.Status).SingleAsync())).ShouldBe(ReserveStatus.Active);
        (await f.WithSystemDb(db => db.AuditEntries.MaxAsync(a => a.Sequence))).ShouldBe(headBeforeFailure);
        (await f.WithSystemDb(db => AuditVerifier.VerifyAsync(db))).FirstBreak.ShouldBeNull();
        (await Read<VacancyReport>(await api.GetAsync($"/api/v1/regions/{village}/vacancies"))).Villages.ShouldHaveSingleItem().Posts.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_create_page_names_each_missing_field()
    {
        var client = await f.PagesAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var invalid = await CunzhiFactory.PostFormAsync(client, $"/Reserves/Create?code={village}", new() { ["Form.Name"] = "", ["Form.Gender"] = "Male" });
        var errors = (await CunzhiFactory.Html(invalid)).QuerySelector("[data-testid=errors]")!.TextContent;
        foreach (var message in new[] { "请填写姓名", "出生日期不合理", "请选择学历", "请选择人员类别", "请选择推荐渠道" }) errors.ShouldContain(message);
    }

    [Fact]
    public async Task The_pages_take_a_reserve_from_entry_through_review_to_appointment_on_the_vacancies_page()
    {
        var client = await f.PagesAs("town.sanxing");
        var village = await EmptyVillageAsync();

        var name = Unique("黄");
        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.Gender"] = "Female", ["Form.BirthDate"] = "1996-08-08", ["Form.EducationCode"] = "college", ["Form.IsPartyMember"] = "true",
            ["Form.Source"] = "CollegeGraduate", ["Form.Channel"] = "LeaderSigned", ["Form.Recommender"] = "镇党委书记 刘某", ["Form.RecommendedDate"] = "2025-03-01",
            ["Form.TrainerName"] = "镇组织委员", ["Form.PlacementPostCode"] = "committee-member", ["Form.TrainingNote"] = "跟岗村委会三个月",
            ["Form.NationalId"] = TestIds.Next(new DateOnly(1996, 8, 8), Domain.People.Gender.Female),
        };
        var created = await CunzhiFactory.PostFormAsync(client, $"/Reserves/Create?code={village}", form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailUrl = created.Headers.Location!.ToString();
        detailUrl.ShouldStartWith("/Reserves/Detail?id=");
        var id = long.Parse(detailUrl.Split('=')[1]);

        var list = await CunzhiFactory.Html(await client.GetAsync($"/Reserves?code={Demo.Sanxing}&source=CollegeGraduate&q={name}"));
        list.QuerySelectorAll("[data-testid=reserves] tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("大学生");

        form["Form.TrainingNote"] = "跟岗村委会六个月";
        (await CunzhiFactory.PostFormAsync(client, $"/Reserves/Edit?id={id}", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reviewed = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(client, detailUrl,
            new() { ["Review.Date"] = Today, ["Review.Reviewer"] = "镇党委", ["Review.Outcome"] = "Promote", ["Review.Note"] = "可使用" }, formAction: "Review"));
        reviewed.QuerySelector("[data-testid=errors]").ShouldBeNull();
        reviewed.QuerySelector("[data-testid=reviews]")!.TextContent.ShouldContain("优进");
        reviewed.QuerySelector("[data-testid=reserve]")!.TextContent.ShouldContain("跟岗村委会六个月");

        var vacancies = await CunzhiFactory.Html(await client.GetAsync($"/Reserves/Vacancies?code={village}"));
        vacancies.QuerySelector("[data-testid=vacant-posts]")!.TextContent.ShouldContain("党组织书记");
        vacancies.QuerySelector("[data-testid=candidates]")!.TextContent.ShouldContain(name);
        var appointed = await CunzhiFactory.PostFormAsync(client, $"/Reserves/Vacancies?code={village}",
            new() { ["ReserveId"] = id.ToString(), ["Appoint.PostCode"] = "secretary-director", ["Appoint.Date"] = Today, ["Appoint.Term"] = "12" }, formAction: "Appoint");
        appointed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(appointed)).QuerySelector("[data-testid=errors]")?.TextContent);
        var after = await CunzhiFactory.Html(await client.GetAsync(appointed.Headers.Location!.ToString()));
        after.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain(name);
        after.QuerySelector("[data-testid=no-vacancies]").ShouldNotBeNull();
        var detail = await CunzhiFactory.Html(await client.GetAsync(detailUrl));
        detail.QuerySelector("[data-testid=status]")!.TextContent.ShouldContain("已任用");
        detail.QuerySelector("[data-testid=appointed]")!.TextContent.ShouldContain("13 级");
        (await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == village && c.Name == name && c.Rank == Cadre.EntryRank))).ShouldBe(1);

        // The detail page's own appointment form refuses a closed record with the rule's message.
        var second = await CunzhiFactory.Html(await client.PostAsync($"/Reserves/Detail?id={id}&handler=Appoint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Appoint.PostCode"] = "committee-member", ["Appoint.Date"] = Today,
            ["__RequestVerificationToken"] = vacancies.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        })));
        second.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("不能重复任用");
    }

    [Fact]
    public async Task Village_cadres_read_their_own_villages_reserves_only()
    {
        var town = await f.ApiAs("town.sanxing");
        var ownVillage = await CreateAsync(town, Demo.Naoping);
        var townPool = await CreateAsync(town, Demo.Sanxing);
        var api = await f.ApiAs("village.naoping");
        (await api.GetAsync($"/api/v1/reserves/{ownVillage.Reserve.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/reserves/{townPool.Reserve.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await api.GetFromJsonAsync<Features.Paged<ReserveRow>>("/api/v1/reserves?pageSize=200", CunzhiFactory.Json);
        list!.Items.ShouldAllBe(r => r.RegionCode == Demo.Naoping);
        (await api.GetAsync($"/api/v1/regions/{Demo.Naoping}/vacancies")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Village_cadres_cannot_write_reserves()
    {
        var ownVillage = await CreateAsync(await f.ApiAs("town.sanxing"), Demo.Naoping);
        var api = await f.ApiAs("village.naoping");
        (await api.PostAsJsonAsync("/api/v1/reserves", Fields(Demo.Naoping, "越权新增"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync($"/api/v1/reserves/{ownVillage.Reserve.Id}/reviews", new { date = Today, reviewer = "村", outcome = "Keep" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync($"/api/v1/reserves/{ownVillage.Reserve.Id}/appoint", new { postCode = "committee-member", date = Today })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutAsJsonAsync($"/api/v1/reserves/{ownVillage.Reserve.Id}", Fields(Demo.Naoping, "改名"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var pages = await f.PagesAs("village.naoping");
        var create = await pages.GetAsync($"/Reserves/Create?code={Demo.Naoping}");
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        create.Headers.Location!.ToString().ShouldContain("AccessDenied");
        var detail = await CunzhiFactory.Html(await pages.GetAsync($"/Reserves/Detail?id={ownVillage.Reserve.Id}"));
        detail.QuerySelector("[data-testid=reserve]").ShouldNotBeNull();
        detail.QuerySelectorAll("main form").ShouldBeEmpty();
        var token = detail.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!; // the sign-out form's
        var review = await pages.PostAsync($"/Reserves/Detail?id={ownVillage.Reserve.Id}&handler=Review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Review.Date"] = Today, ["Review.Reviewer"] = "村", ["Review.Outcome"] = "Keep", ["__RequestVerificationToken"] = token,
        }));
        ((int)review.StatusCode).ShouldBeOneOf(302, 403);
        (await f.WithSystemDb(db => db.Set<ReserveReview>().CountAsync(v => v.ReserveCadreId == ownVillage.Reserve.Id))).ShouldBe(0);
    }

    public sealed record Case(string Name, HttpMethod Method, string Url, object? Body = null);

    public static TheoryData<string> ApiCases => new(ApiTable.Select(c => c.Name));

    private static readonly Case[] ApiTable =
    [
        new("list-village", HttpMethod.Get, "/api/v1/reserves?code={village}"),
        new("list-town", HttpMethod.Get, "/api/v1/reserves?code={town}"),
        new("get", HttpMethod.Get, "/api/v1/reserves/{reserve}"),
        new("create", HttpMethod.Post, "/api/v1/reserves", Fields("{village}", "新后备")),
        new("update", HttpMethod.Put, "/api/v1/reserves/{reserve}", Fields("{village}", "改名后备")),
        new("review", HttpMethod.Post, "/api/v1/reserves/{reserve}/reviews", new { date = Today, reviewer = "镇党委", outcome = "Keep" }),
        new("appoint", HttpMethod.Post, "/api/v1/reserves/{reserve}/appoint", new { villageCode = "{village}", postCode = "committee-member", date = Today }),
        new("vacancies-village", HttpMethod.Get, "/api/v1/regions/{village}/vacancies"),
        new("vacancies-town", HttpMethod.Get, "/api/v1/regions/{town}/vacancies"),
    ];

    /// <summary>{village}, {town} and a fresh {reserve} of the own town (三兴镇) or the other (鹅峰乡).</summary>
    private async Task<string> Fill(string text, bool own)
    {
        var village = own ? Demo.Sanxingcun : Demo.Dongxi;
        if (text.Contains("{reserve}"))
        {
            var reserve = await CreateAsync(await f.ApiAs(own ? "town.sanxing" : "town.efeng"), village);
            text = text.Replace("{reserve}", reserve.Reserve.Id.ToString());
        }
        return text.Replace("{village}", village).Replace("{town}", own ? Demo.Sanxing : Demo.Efeng);
    }

    [Theory, MemberData(nameof(ApiCases))]
    public async Task Api_town_admin_is_confined_to_own_towns_reserves(string name)
    {
        var c = ApiTable.Single(x => x.Name == name);
        var api = await f.ApiAs("town.sanxing");
        foreach (var own in new[] { true, false })
        {
            var request = new HttpRequestMessage(c.Method, await Fill(c.Url, own));
            if (c.Body is not null) request.Content = new StringContent(await Fill(System.Text.Json.JsonSerializer.Serialize(c.Body), own), System.Text.Encoding.UTF8, "application/json");
            var response = await api.SendAsync(request);
            if (own) ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{name} 本镇应可访问：{await response.Content.ReadAsStringAsync()}");
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{name} 外镇应为 404：{await response.Content.ReadAsStringAsync()}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }
        }
    }

    public static TheoryData<string> PageCases => new(PageTable.Select(c => c.Name));

    private static readonly (string Name, string Url, Dictionary<string, string>? Form)[] PageTable =
    [
        ("index", "/Reserves?code={village}", null),
        ("index-town", "/Reserves?code={town}", null),
        ("detail", "/Reserves/Detail?id={reserve}", null),
        ("edit", "/Reserves/Edit?id={reserve}", null),
        ("create", "/Reserves/Create?code={village}", null),
        ("vacancies", "/Reserves/Vacancies?code={village}", null),
        ("vacancies-town", "/Reserves/Vacancies?code={town}", null),
        ("create-post", "/Reserves/Create?code={village}", new()
        {
            ["Form.Name"] = "新后备", ["Form.Gender"] = "Male", ["Form.BirthDate"] = "1990-01-01", ["Form.EducationCode"] = "senior",
            ["Form.Source"] = "Veteran", ["Form.Channel"] = "OrganizationDepartment", ["Form.Recommender"] = "县委组织部", ["Form.RecommendedDate"] = "2025-01-01",
        }),
        ("edit-post", "/Reserves/Edit?id={reserve}", new()
        {
            ["Version"] = "1", ["Form.Name"] = "改名后备", ["Form.Gender"] = "Male", ["Form.BirthDate"] = "1990-01-01", ["Form.EducationCode"] = "senior",
            ["Form.Source"] = "Veteran", ["Form.Channel"] = "OrganizationDepartment", ["Form.Recommender"] = "县委组织部", ["Form.RecommendedDate"] = "2025-01-01",
        }),
        ("review-post", "/Reserves/Detail?id={reserve}&handler=Review", new() { ["Review.Date"] = Today, ["Review.Reviewer"] = "镇党委", ["Review.Outcome"] = "Keep" }),
        ("appoint-post", "/Reserves/Detail?id={reserve}&handler=Appoint", new() { ["Appoint.VillageCode"] = "{village}", ["Appoint.PostCode"] = "committee-member", ["Appoint.Date"] = Today }),
        ("vacancies-appoint-post", "/Reserves/Vacancies?code={village}&handler=Appoint", new() { ["ReserveId"] = "{reserve}", ["Appoint.PostCode"] = "committee-member", ["Appoint.Date"] = Today }),
    ];

    [Theory, MemberData(nameof(PageCases))]
    public async Task Page_town_admin_is_confined_to_own_towns_reserves(string name)
    {
        var (_, url, form) = PageTable.Single(x => x.Name == name);
        var client = await f.PagesAs("town.sanxing");
        var token = (await CunzhiFactory.Html(await client.GetAsync("/Reserves/Create"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var own in new[] { true, false })
        {
            // One reserve per run, shared by the address and the form (the Vacancies form names it in a field).
            string? reserveId = null;
            async Task<string> FillPage(string text)
            {
                if (text.Contains("{reserve}")) text = text.Replace("{reserve}", reserveId ??= await Fill("{reserve}", own));
                return await Fill(text, own);
            }
            var target = await FillPage(url);
            HttpResponseMessage response;
            if (form is null) response = await client.GetAsync(target);
            else
            {
                var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
                foreach (var (k, v) in form) fields[k] = await FillPage(v);
                response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
            }
            if (own)
            {
                ((int)response.StatusCode).ShouldBeOneOf([200, 302], $"{name} 本镇应可访问");
                (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=errors]").ShouldBeNull($"{name} 本镇不应出错");
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{name} 外镇应为 404");
                (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=error-page]").ShouldNotBeNull();
            }
        }
    }
}

public sealed class ReserveTests_Sqlite(SqliteFactory f) : ReserveTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ReserveTests_Postgres(PostgresFactory f) : ReserveTests<PostgresFactory>(f);
