using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Features.Training;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 培训 and 1+1 帮带: sessions and their hours rule, enrolment by post, attendance after the session (all lines or none,
/// hours within the session's), the cadre's year against the county's required hours, the gap list, the 大讲堂 cadence,
/// scope, versions, and mentoring's new cadres, pairs and silent pairs. Each test arranges its own village in 三兴镇.
/// </summary>
public abstract class TrainingTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private static int _next = 700;

    private static DateOnly Today => China.Today;

    /// <summary>A village of 三兴镇 with a 书记 (first post <paramref name="secretaryStart"/>) and a 委员 (in office since 2021); returns the village and the two cadre ids.</summary>
    private async Task<(string Village, long Secretary, long Member)> VillageAsync(DateOnly? secretaryStart = null)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"培训测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        Cadre New(string name, string post, DateOnly start)
        {
            var c = new Cadre { RegionCode = code, Name = name, BirthDate = new DateOnly(1985, 3, 1), EducationCode = "senior", PostCode = post, StartDate = start, Status = CadreStatus.InOffice };
            c.Posts.Add(new CadrePost { RegionCode = code, PostCode = post, StartDate = start });
            return c;
        }
        var s = New("书记" + code[^3..], "secretary", secretaryStart ?? new DateOnly(2020, 1, 1));
        var m = New("委员" + code[^3..], "committee-member", new DateOnly(2021, 1, 1));
        db.AddRange(s, m);
        await db.SaveChangesAsync();
        return (code, s.Id, m.Id);
    }

    private static async Task<SessionView> CreateAsync(HttpClient api, TrainingKind kind = TrainingKind.Topical, DateOnly? start = null, DateOnly? end = null, decimal hours = 8)
    {
        var r = await api.PostAsJsonAsync("/api/v1/training/sessions", new
        {
            kind = kind.ToString(), title = "测试培训", topic = "基层治理", startDate = start ?? Today.AddDays(-2), endDate = end ?? start ?? Today.AddDays(-2), hours, place = "镇党校",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<SessionView>(CunzhiFactory.Json))!;
    }

    private static async Task EnrolAsync(HttpClient api, long session, params long[] cadres)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/training/sessions/{session}/enrolments", new { cadreIds = cadres });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient api, long session, params object[] lines) =>
        api.PostAsJsonAsync($"/api/v1/training/sessions/{session}/attendance", new { lines });

    private Task<int> MarkedCountAsync(long session) => f.WithSystemDb(db => db.Set<TrainingEnrolment>().CountAsync(e => e.SessionId == session && e.Attended != null));

    private static async Task<CadreTrainingRecord> RecordAsync(HttpClient api, long cadre) =>
        (await api.GetFromJsonAsync<CadreTrainingRecord>($"/api/v1/training/cadres/{cadre}", CunzhiFactory.Json))!;

    [Fact]
    public async Task A_session_with_more_than_eight_hours_a_day_is_refused()
    {
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/training/sessions", new { kind = "Topical", title = "超时培训", startDate = Today, endDate = Today.AddDays(1), hours = 17 });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("本次最多 16 学时");
    }

    [Fact]
    public async Task Attendance_for_a_session_not_yet_held_is_refused_and_nothing_is_written()
    {
        var (_, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, start: Today.AddDays(3));
        await EnrolAsync(api, s.Id, secretary);
        var r = await MarkAsync(api, s.Id, new { cadreId = secretary, attended = true });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("培训尚未结束");
        (await MarkedCountAsync(s.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_attendance_sheet_with_hours_beyond_the_sessions_writes_no_line()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 6);
        await EnrolAsync(api, s.Id, secretary, member);
        var r = await MarkAsync(api, s.Id, new { cadreId = secretary, attended = true, hours = 6 }, new { cadreId = member, attended = true, hours = 7 });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("超过本次培训的 6 学时");
        (await MarkedCountAsync(s.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Attendance_of_a_cadre_not_enrolled_is_refused()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api);
        await EnrolAsync(api, s.Id, secretary);
        var r = await MarkAsync(api, s.Id, new { cadreId = member, attended = true });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("未报名本次培训");
    }

    [Fact]
    public async Task Partial_attendance_credits_the_hours_given_to_the_cadres_year()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 8);
        await EnrolAsync(api, s.Id, secretary, member);
        (await MarkAsync(api, s.Id, new { cadreId = secretary, attended = true, hours = 3.5 }, new { cadreId = member, attended = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RecordAsync(api, secretary)).Figures.Credited.ShouldBe(3.5m);
    }

    [Fact]
    public async Task An_absence_credits_no_hours()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 8);
        await EnrolAsync(api, s.Id, secretary, member);
        (await MarkAsync(api, s.Id, new { cadreId = secretary, attended = true }, new { cadreId = member, attended = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RecordAsync(api, member)).Figures.Credited.ShouldBe(0);
    }

    [Fact]
    public async Task Enrolling_by_post_takes_only_the_in_office_cadres_of_that_post_in_the_region()
    {
        var (village, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api);
        var r = await api.PostAsJsonAsync($"/api/v1/training/sessions/{s.Id}/enrolments", new { posts = new[] { "secretary" }, region = village });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var enrolled = (await api.GetFromJsonAsync<Features.Paged<EnrolmentView>>($"/api/v1/training/sessions/{s.Id}/enrolments", CunzhiFactory.Json))!;
        enrolled.Items.Select(e => e.CadreId).ShouldBe([secretary]);
    }

    [Fact]
    public async Task A_secretary_without_a_rotation_class_is_on_the_gap_list()
    {
        var (village, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var gaps = (await api.GetFromJsonAsync<GapList>($"/api/v1/training/gaps?region={village}&only=rotation", CunzhiFactory.Json))!;
        gaps.Rows.Items.Select(g => g.CadreId).ShouldContain(secretary);
    }

    [Fact]
    public async Task Attending_a_rotation_class_takes_the_secretary_off_the_rotation_gap_list()
    {
        var (village, secretary, _) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, TrainingKind.RotationClass);
        await EnrolAsync(api, s.Id, secretary);
        (await MarkAsync(api, s.Id, new { cadreId = secretary, attended = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gaps = (await api.GetFromJsonAsync<GapList>($"/api/v1/training/gaps?region={village}&only=rotation", CunzhiFactory.Json))!;
        gaps.Rows.Items.Select(g => g.CadreId).ShouldNotContain(secretary);
    }

    [Fact]
    public async Task The_required_hours_set_by_the_county_give_the_cadres_shortfall()
    {
        var (_, _, member) = await VillageAsync();
        var county = await f.ApiAs(County);
        var set = await county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "committee-member", fromYear = 2001, hours = 24 });
        if (set.StatusCode == HttpStatusCode.Conflict) set = await county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "committee-member", fromYear = 2001, hours = 24,
            version = (await county.GetFromJsonAsync<List<RequirementView>>("/api/v1/training/requirements", CunzhiFactory.Json))!.Single(r => r.PostCode == "committee-member" && r.FromYear == 2001).Version });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 8);
        await EnrolAsync(api, s.Id, member);
        (await MarkAsync(api, s.Id, new { cadreId = member, attended = true, hours = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var figures = (await RecordAsync(api, member)).Figures;
        (figures.Required, figures.Shortfall).ShouldBe((24m, 19m));
    }

    [Fact]
    public async Task Changing_a_requirement_from_a_stale_version_is_refused()
    {
        var county = await f.ApiAs(County);
        var first = await county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "deputy-director", fromYear = 2002, hours = 30 });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var row = (await first.Content.ReadFromJsonAsync<RequirementView>(CunzhiFactory.Json))!;
        (await county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "deputy-director", fromYear = 2002, hours = 32, version = row.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.PostAsJsonAsync("/api/v1/training/requirements", new { postCode = "deputy-director", fromYear = 2002, hours = 34, version = row.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Editing_a_session_from_a_stale_version_is_refused()
    {
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api);
        object Body(string title) => new { kind = "Topical", title, startDate = s.StartDate, endDate = s.EndDate, hours = 4, version = s.Version };
        (await api.PutAsJsonAsync($"/api/v1/training/sessions/{s.Id}", Body("改名一"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync($"/api/v1/training/sessions/{s.Id}", Body("改名二"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_towns_session_is_not_found()
    {
        var s = await CreateAsync(await f.ApiAs(Town));
        (await (await f.ApiAs("town.efeng")).GetAsync($"/api/v1/training/sessions/{s.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_towns_cadres_read_the_countys_session()
    {
        var s = await CreateAsync(await f.ApiAs(County), TrainingKind.RotationClass);
        (await (await f.ApiAs(Town)).GetAsync($"/api/v1/training/sessions/{s.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_plan_flags_the_two_month_slots_without_a_lecture()
    {
        var api = await f.ApiAs("town.efeng");
        await CreateAsync(api, TrainingKind.Lecture, new DateOnly(2025, 1, 20), hours: 2);
        await CreateAsync(api, TrainingKind.Lecture, new DateOnly(2025, 5, 20), hours: 2);
        var plan = (await api.GetFromJsonAsync<YearPlan>("/api/v1/training/plan?year=2025&organiser=" + Demo.Efeng, CunzhiFactory.Json))!;
        plan.EmptyLectureSlots.ShouldBe([2, 4, 5, 6]);
    }

    [Fact]
    public async Task A_new_cadre_without_a_pair_is_listed_as_unpaired()
    {
        var (village, secretary, _) = await VillageAsync(Today.AddMonths(-2));
        var api = await f.ApiAs(Town);
        var list = (await api.GetFromJsonAsync<Features.Paged<NewCadreView>>($"/api/v1/training/mentoring/new-cadres?region={village}&unpaired=true", CunzhiFactory.Json))!;
        list.Items.Select(c => c.CadreId).ShouldBe([secretary]);
    }

    [Fact]
    public async Task Pairing_a_new_cadre_takes_it_off_the_unpaired_list()
    {
        var (village, secretary, _) = await VillageAsync(Today.AddMonths(-2));
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = secretary, mentorName = "李明", mentorPost = "党委副书记" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var list = (await api.GetFromJsonAsync<Features.Paged<NewCadreView>>($"/api/v1/training/mentoring/new-cadres?region={village}&unpaired=true", CunzhiFactory.Json))!;
        list.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Pairing_a_cadre_who_is_not_new_is_refused()
    {
        var (_, _, member) = await VillageAsync();
        var r = await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = member, mentorName = "李明", mentorPost = "党委副书记" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是近 12 个月内新任的干部");
    }

    [Fact]
    public async Task A_pair_without_a_note_for_last_month_is_silent()
    {
        var (village, secretary, _) = await VillageAsync(Today.AddMonths(-3));
        var api = await f.ApiAs(Town);
        var pair = await api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = secretary, mentorName = "王芳", mentorPost = "副镇长", startDate = Today.AddMonths(-3) });
        pair.StatusCode.ShouldBe(HttpStatusCode.Created, await pair.Content.ReadAsStringAsync());
        var pairs = (await api.GetFromJsonAsync<Features.Paged<PairView>>($"/api/v1/training/mentoring/pairs?region={village}&silent=true", CunzhiFactory.Json))!;
        pairs.Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_note_for_last_month_ends_the_silence()
    {
        var (village, secretary, _) = await VillageAsync(Today.AddMonths(-3));
        var api = await f.ApiAs(Town);
        var pair = (await (await api.PostAsJsonAsync("/api/v1/training/mentoring/pairs", new { cadreId = secretary, mentorName = "王芳", mentorPost = "副镇长", startDate = Today.AddMonths(-3) }))
            .Content.ReadFromJsonAsync<PairView>(CunzhiFactory.Json))!;
        var log = await api.PostAsJsonAsync($"/api/v1/training/mentoring/pairs/{pair.Id}/logs", new { month = Today.AddMonths(-1), note = "带领走访困难户 3 户，讲解低保政策" });
        log.StatusCode.ShouldBe(HttpStatusCode.Created, await log.Content.ReadAsStringAsync());
        var pairs = (await api.GetFromJsonAsync<Features.Paged<PairView>>($"/api/v1/training/mentoring/pairs?region={village}&silent=true", CunzhiFactory.Json))!;
        pairs.Total.ShouldBe(0);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, long session, byte[] workbook)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Features.Imports.XlsxDownload.ContentType);
        form.Add(file, "file", "出勤.xlsx");
        return await api.PostAsync($"/api/v1/training/sessions/{session}/attendance/import", form);
    }

    [Fact]
    public async Task The_downloaded_attendance_sheet_uploaded_back_marks_every_enrolled_cadre()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 4);
        await EnrolAsync(api, s.Id, secretary, member);
        var sheet = await api.GetByteArrayAsync($"/api/v1/training/sessions/{s.Id}/attendance/sheet");
        var r = await UploadAsync(api, s.Id, sheet);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await MarkedCountAsync(s.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task An_attendance_sheet_with_a_bad_row_names_the_row_and_writes_nothing()
    {
        var (_, secretary, member) = await VillageAsync();
        var api = await f.ApiAs(Town);
        var s = await CreateAsync(api, hours: 4);
        await EnrolAsync(api, s.Id, secretary, member);
        using var book = new MemoryStream();
        XlsxColumn[] columns = [new("干部编号", XlsxKind.Integer), new("姓名"), new("村"), new("职务"), new("出勤"), new("学时", XlsxKind.Decimal)];
        var rows = new List<object?[]> { new object?[] { secretary, "甲", "村", "书记", "出勤", 4m }, new object?[] { member, "乙", "村", "委员", "请假", 0m } };
        await XlsxWriter.WriteAsync(book, new XlsxSheet("出勤登记", columns, rows), CancellationToken.None);
        var r = await UploadAsync(api, s.Id, book.ToArray());
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("第 3 行");
        (await MarkedCountAsync(s.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(County, "/Training")]
    [InlineData(County, "/Training/Plan")]
    [InlineData(County, "/Training/Gaps")]
    [InlineData(County, "/Training/Coverage")]
    [InlineData(Town, "/Training/Mentoring")]
    [InlineData("village.naoping", "/Training")]
    public async Task The_training_pages_open(string account, string path) =>
        (await (await f.PagesAs(account)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task The_coverage_export_is_a_workbook()
    {
        var r = await (await f.ApiAs(County)).GetAsync("/api/v1/training/coverage/export");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Features.Imports.XlsxDownload.ContentType);
    }
}

public sealed class TrainingTests_Sqlite(SqliteFactory f) : TrainingTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TrainingTests_Postgres(PostgresFactory f) : TrainingTests<PostgresFactory>(f);
