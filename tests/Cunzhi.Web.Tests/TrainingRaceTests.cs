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
/// Training's four unique indexes under parallel requests: one enrolment per cadre and session, one required-hours row
/// per post and year, one active 1+1 pair per cadre, one mentoring note per pair and month. Each test sends
/// <see cref="Racers"/> requests at once that would each write the duplicate: exactly one wins, the others get a
/// Chinese 409 (or, for enrolment, see the row already there), and the database holds one row.
/// </summary>
public abstract class TrainingRaceTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private const int Racers = 6;
    private static int _next = 850;

    private static DateOnly Today => China.Today;

    /// <summary>A village of 三兴镇 with one 书记 whose first post began <paramref name="start"/>; returns the cadre id.</summary>
    private async Task<long> CadreAsync(DateOnly start)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"并发测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        var c = new Cadre { RegionCode = code, Name = "书记" + code[^3..], BirthDate = new DateOnly(1988, 5, 1), EducationCode = "senior", PostCode = "secretary", StartDate = start, Status = CadreStatus.InOffice };
        c.Posts.Add(new CadrePost { RegionCode = code, PostCode = "secretary", StartDate = start });
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var go = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(async _ => { await go.WaitAsync(); return await send(); }).ToList();
        go.Release(Racers);
        return await Task.WhenAll(racers);
    }

    private static async Task LosersHearAsync(IEnumerable<HttpResponseMessage> losers, params string[] messages)
    {
        foreach (var r in losers)
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Conflict, await r.Content.ReadAsStringAsync());
            var body = await r.Content.ReadAsStringAsync();
            messages.ShouldContain(m => body.Contains(m), body);
        }
    }

    private static async Task<PairView> PairAsync(HttpClient api, long cadre)
    {
        var r = await api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = cadre, mentorName = "李明", mentorPost = "党委副书记", startDate = Today.AddMonths(-2) });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PairView>(CunzhiFactory.Json))!;
    }

    [Fact]
    public async Task Parallel_enrolments_of_one_cadre_in_a_session_leave_one_row()
    {
        var cadre = await CadreAsync(new DateOnly(2020, 1, 1));
        var api = await f.ApiAs(Town);
        var created = await api.PostAsJsonAsync("/api/v1/training/sessions", new { kind = "Topical", title = "并发报名", startDate = Today.AddDays(-1), endDate = Today.AddDays(-1), hours = 4 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var session = (await created.Content.ReadFromJsonAsync<SessionView>(CunzhiFactory.Json))!;
        var answers = await RaceAsync(() => api.PostAsJsonAsync($"/api/v1/training/sessions/{session.Id}/enrolments", new { cadreIds = new[] { cadre } }));
        var ok = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        var added = await Task.WhenAll(ok.Select(async a => (await a.Content.ReadFromJsonAsync<EnrolResult>(CunzhiFactory.Json))!.Added));
        added.Count(a => a == 1).ShouldBe(1);
        await LosersHearAsync(answers.Where(a => a.StatusCode != HttpStatusCode.OK), "刚被他人报名");
        (await f.WithSystemDb(db => db.Set<TrainingEnrolment>().CountAsync(e => e.SessionId == session.Id && e.CadreId == cadre))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_settings_of_one_posts_required_hours_for_a_year_leave_one_row()
    {
        var county = await f.ApiAs(County);
        var answers = await RaceAsync(() => county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "committee-member", fromYear = 2004, hours = 20 }));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await LosersHearAsync(answers.Where(a => a.StatusCode != HttpStatusCode.OK), "刚被他人设置", "修改时须带版本号");
        (await f.WithSystemDb(db => db.Set<TrainingRequirement>().CountAsync(r => r.PostCode == "committee-member" && r.FromYear == 2004))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_pairings_of_one_new_cadre_leave_one_pair()
    {
        var cadre = await CadreAsync(Today.AddMonths(-2));
        var api = await f.ApiAs(Town);
        var answers = await RaceAsync(() => api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = cadre, mentorName = "李明", mentorPost = "党委副书记" }));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await LosersHearAsync(answers.Where(a => a.StatusCode != HttpStatusCode.Created), "已有帮带结对", "刚被他人结对");
        (await f.WithSystemDb(db => db.Set<MentorPair>().CountAsync(p => p.CadreId == cadre))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_notes_of_one_pair_for_a_month_leave_one_note()
    {
        var cadre = await CadreAsync(Today.AddMonths(-2));
        var api = await f.ApiAs(Town);
        var pair = await PairAsync(api, cadre);
        var answers = await RaceAsync(() => api.PostAsJsonAsync($"/api/v1/training/mentoring/pairs/{pair.Id}/logs", new { month = Today.AddMonths(-1), note = "带领走访困难户，讲解政策" }));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await LosersHearAsync(answers.Where(a => a.StatusCode != HttpStatusCode.Created), "已有帮带记录");
        (await f.WithSystemDb(db => db.Set<MentorLog>().CountAsync(l => l.PairId == pair.Id))).ShouldBe(1);
    }
}

public sealed class TrainingRaceTests_Sqlite(SqliteFactory f) : TrainingRaceTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TrainingRaceTests_Postgres(PostgresFactory f) : TrainingRaceTests<PostgresFactory>(f);
