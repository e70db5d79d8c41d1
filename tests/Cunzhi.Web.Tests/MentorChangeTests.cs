using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Features.Training;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Changing the mentor of a 1+1 pair: the old pair ends with its reason and day, a new pair starts that day, the
/// filtered unique index keeps one active pair per cadre (parallel changes leave one), through the API and the page.
/// </summary>
public abstract class MentorChangeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 900;

    private static DateOnly Today => China.Today;

    /// <summary>A new 书记 (first post three months ago) in a fresh village of 三兴镇, paired with 李明 from then; returns the pair.</summary>
    private async Task<PairView> PairAsync(HttpClient api)
    {
        long cadre;
        await using (var scope = f.SystemScope(out var db))
        {
            string code;
            do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
            while (await db.Regions.AnyAsync(r => r.Code == code));
            db.Add(new Region { Code = code, Name = $"换导测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
            var start = Today.AddMonths(-3);
            var c = new Cadre { RegionCode = code, Name = "书记" + code[^3..], BirthDate = new DateOnly(1990, 2, 1), EducationCode = "senior", PostCode = "secretary", StartDate = start, Status = CadreStatus.InOffice };
            c.Posts.Add(new CadrePost { RegionCode = code, PostCode = "secretary", StartDate = start });
            db.Add(c);
            await db.SaveChangesAsync();
            cadre = c.Id;
        }
        var r = await api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = cadre, mentorName = "李明", mentorPost = "党委副书记", startDate = Today.AddMonths(-3) });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PairView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient api, PairView pair, string mentor = "王芳", string reason = "原帮带领导调任", int? version = null) =>
        api.PostAsJsonAsync($"/api/v1/training/mentoring/pairs/{pair.Id}/change", new { mentorName = mentor, mentorPost = "副镇长", reason, version = version ?? pair.Version });

    private Task<List<MentorPair>> PairsOfAsync(long cadre) => f.WithSystemDb(db => db.Set<MentorPair>().AsNoTracking().Where(p => p.CadreId == cadre).OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task Changing_the_mentor_ends_the_old_pair_with_its_reason()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        (await ChangeAsync(api, pair)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var old = (await PairsOfAsync(pair.CadreId))[0];
        (old.EndedOn, old.EndReason).ShouldBe((Today, "原帮带领导调任"));
    }

    [Fact]
    public async Task Changing_the_mentor_starts_a_new_active_pair_for_the_rest_of_the_period()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        var r = await ChangeAsync(api, pair);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var added = (await r.Content.ReadFromJsonAsync<PairView>(CunzhiFactory.Json))!;
        (added.MentorName, added.State, added.StartDate, added.Months).ShouldBe(("王芳", PairState.Active, Today, MentoringRules.RemainingMonths(pair.StartDate, pair.Months, Today)));
    }

    [Fact]
    public async Task The_new_cadre_list_shows_the_new_mentor_after_a_change()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        (await ChangeAsync(api, pair)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = (await api.GetFromJsonAsync<Features.Paged<NewCadreView>>($"/api/v1/training/mentoring/new-cadres?region={pair.VillageCode}", CunzhiFactory.Json))!;
        list.Items.Single().MentorName.ShouldBe("王芳");
    }

    [Fact]
    public async Task Parallel_changes_of_one_pair_leave_one_active_pair()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        using var go = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 5).Select(async i => { await go.WaitAsync(); return await ChangeAsync(api, pair, mentor: "王芳" + i); }).ToList();
        go.Release(5);
        var answers = await Task.WhenAll(racers);
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            var body = await loser.Content.ReadAsStringAsync();
            loser.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
            new[] { "数据已被他人修改", "刚被他人更换", "已更换过" }.ShouldContain(m => body.Contains(m), body);
        }
        var rows = await PairsOfAsync(pair.CadreId);
        (rows.Count, rows.Count(p => p.EndedOn == null)).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Changing_a_mentor_from_a_stale_version_is_refused()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        (await ChangeAsync(api, pair, version: pair.Version + 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await PairsOfAsync(pair.CadreId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Changing_a_mentor_without_a_reason_is_refused_in_chinese()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        var r = await ChangeAsync(api, pair, reason: " ");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写更换帮带领导的原因");
    }

    [Fact]
    public async Task A_note_for_a_changed_pair_is_refused()
    {
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api);
        (await ChangeAsync(api, pair)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var r = await api.PostAsJsonAsync($"/api/v1/training/mentoring/pairs/{pair.Id}/logs", new { month = Today.AddMonths(-1), note = "谈心谈话一次" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("已更换帮带领导");
    }

    [Fact]
    public async Task The_pair_page_changes_the_mentor()
    {
        var pair = await PairAsync(await f.ApiAs(Town));
        var pages = await f.PagesAs(Town);
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Training/Pair?id={pair.Id}",
            new() { ["MentorName"] = "赵强", ["MentorPost"] = "组织委员", ["Reason"] = "原帮带领导调任", ["ChangeDate"] = Today.ToString("yyyy-MM-dd") }, formAction: "handler=Change");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await PairsOfAsync(pair.CadreId)).Single(p => p.EndedOn == null).MentorName.ShouldBe("赵强");
    }

    [Fact]
    public async Task The_pair_page_answers_a_change_without_a_reason_in_chinese()
    {
        var pair = await PairAsync(await f.ApiAs(Town));
        var pages = await f.PagesAs(Town);
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Training/Pair?id={pair.Id}",
            new() { ["MentorName"] = "赵强", ["MentorPost"] = "组织委员", ["Reason"] = "", ["ChangeDate"] = Today.ToString("yyyy-MM-dd") }, formAction: "handler=Change");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请填写更换帮带领导的原因");
    }
}

public sealed class MentorChangeTests_Sqlite(SqliteFactory f) : MentorChangeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MentorChangeTests_Postgres(PostgresFactory f) : MentorChangeTests<PostgresFactory>(f);
