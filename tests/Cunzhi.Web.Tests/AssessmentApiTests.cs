using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Domain.Assessment;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Assessment;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>考核 over the API: templates, the scoring grid, the ledger, the annual batch and the half-year analysis, with roles and scope.</summary>
public abstract class AssessmentApiTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly int Year = China.Now.Year;

    private static async Task<T> Get<T>(HttpClient c, string url)
    {
        var r = await c.GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static async Task<ScoreGrid> Grid(HttpClient c, ReviewKind kind, int year, int period, string region) =>
        await Get<ScoreGrid>(c, $"/api/v1/assessment/reviews/{kind}?year={year}&period={period}&region={region}");

    private static object Row(ScoreGrid g, long cadreId, Func<IndicatorView, decimal> score) =>
        new { cadreId, scores = g.Template!.Indicators.ToDictionary(i => i.Code, i => (decimal?)score(i)) };

    [Theory]
    [InlineData("dept.agri")]
    [InlineData("coord.office")]
    public async Task Departments_and_the_coordination_office_get_403_everywhere(string account)
    {
        var c = await f.ApiAs(account);
        foreach (var url in new[]
                 {
                     "/api/v1/assessment/templates/Monthly", "/api/v1/assessment/settings", "/api/v1/assessment/ledger", "/api/v1/assessment/cadres",
                     $"/api/v1/assessment/reviews/Monthly?year={Year}&period=1", $"/api/v1/assessment/annual?year={Year - 1}&town={Demo.Sanxing}",
                     $"/api/v1/assessment/annual/ratings?year={Year - 1}", $"/api/v1/assessment/halfyear?year={Year}&half=1", $"/api/v1/assessment/annual/batches?year={Year - 1}",
                 })
            (await c.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        (await c.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year = Year - 4, period = 1, rows = new[] { new { cadreId = 1, scores = new { } } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_village_cadre_reads_only_approved_ratings_of_its_own_village()
    {
        var v = await f.ApiAs("village.naoping");
        var ratings = await Get<Paged<ApprovedRating>>(v, $"/api/v1/assessment/annual/ratings?year={Year - 1}&pageSize=200");
        ratings.Total.ShouldBeGreaterThan(0);
        ratings.Items.ShouldAllBe(r => r.VillageCode == Demo.Naoping);
        var other = await Get<Paged<ApprovedRating>>(v, $"/api/v1/assessment/annual/ratings?year={Year - 1}&region={Demo.Dongxi}");
        other.Total.ShouldBe(0);
        foreach (var url in new[] { "/api/v1/assessment/ledger", $"/api/v1/assessment/reviews/Monthly?year={Year}&period=1", $"/api/v1/assessment/annual?year={Year - 1}",
                     $"/api/v1/assessment/halfyear?year={Year}&half=1", "/api/v1/assessment/templates/Monthly" })
            (await v.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);

        // The easy read for later rules: approved ratings of last year exist for every in-office cadre of the county (demo data).
        var county = await Get<Paged<ApprovedRating>>(await f.ApiAs("county.admin"), $"/api/v1/assessment/annual/ratings?year={Year - 1}&region={Demo.Sanxing}&pageSize=200");
        county.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922106"));
        county.Items.Count(r => r.Rating == Rating.Excellent).ShouldBeLessThanOrEqualTo(AnnualRules.ExcellentCap((int)county.Total, 20).Cap);
    }

    [Fact]
    public async Task A_template_draft_whose_weights_do_not_add_up_to_100_is_refused()
    {
        var county = await f.ApiAs("county.admin");
        var bad = await county.PutAsJsonAsync("/api/v1/assessment/templates/draft", new
        {
            kind = "Quarterly", title = "季度实绩考核指标（新）",
            indicators = new[] { new { code = "ZZ", name = "政治表现", weight = 30, minScore = 0, maxScore = 20 }, new { code = "SJ", name = "工作实绩", weight = 60, minScore = 0, maxScore = 80 } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("权重之和须为 100（现为 90）");
    }

    [Fact]
    public async Task Only_the_county_may_edit_or_publish_a_template()
    {
        var town = await f.ApiAs("town.sanxing");
        (await town.PutAsJsonAsync("/api/v1/assessment/templates/draft", new { kind = "Quarterly", title = "x", indicators = Array.Empty<object>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.ApiAs("discipline")).PostAsync("/api/v1/assessment/templates/Quarterly/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Publishing_a_template_draft_keeps_the_old_version_unchanged()
    {
        var county = await f.ApiAs("county.admin");
        var before = await Get<TemplateView>(county, "/api/v1/assessment/templates/Quarterly");
        before.Status.ShouldBe(TemplateStatus.Published);
        var town = await f.ApiAs("town.sanxing");

        // No draft yet (404): the first save says so with version 0.
        (await county.GetAsync("/api/v1/assessment/templates/Quarterly/draft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var saved = await county.PutAsJsonAsync("/api/v1/assessment/templates/draft", new
        {
            kind = "Quarterly", title = "季度实绩考核指标（新）",
            indicators = new[] { new { code = "ZZ", name = "政治表现", weight = 30, minScore = 0, maxScore = 20 }, new { code = "SJ", name = "工作实绩", weight = 70, minScore = 0, maxScore = 80 } },
            rowVersion = 0,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        // the draft is not in force until published
        (await Get<TemplateView>(town, "/api/v1/assessment/templates/Quarterly")).Version.ShouldBe(before.Version);
        var published = await county.PostAsync("/api/v1/assessment/templates/Quarterly/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK);

        var now = await Get<TemplateView>(town, "/api/v1/assessment/templates/Quarterly");
        (now.Version, now.Indicators.Count).ShouldBe((before.Version + 1, 2));
        var old = await Get<TemplateView>(town, $"/api/v1/assessment/templates/version/{before.Id}");
        old.Status.ShouldBe(TemplateStatus.Superseded);
        old.Indicators.ShouldBe(before.Indicators);
        (await Get<List<TemplateView>>(county, "/api/v1/assessment/templates/Quarterly/versions")).Select(v => v.Version).ShouldBe([before.Version + 1, before.Version]);
        (await county.PostAsync("/api/v1/assessment/templates/Quarterly/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_settings_are_refused_in_chinese()
    {
        var county = await f.ApiAs("county.admin");
        var s = await Get<SettingsView>(county, "/api/v1/assessment/settings");
        (s.MonthlyWeight, s.QuarterlyWeight, s.SatisfactionWeight, s.ExcellentCapPercent).ShouldBe((40, 40, 20, 20));
        var bad = await county.PutAsJsonAsync("/api/v1/assessment/settings", s with { MonthlyWeight = 50 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("三项权重之和须为 100（现为 110）");
    }

    [Fact]
    public async Task Settings_are_the_countys_to_change()
    {
        var s = await Get<SettingsView>(await f.ApiAs("county.admin"), "/api/v1/assessment/settings");
        (await (await f.ApiAs("town.sanxing")).PutAsJsonAsync("/api/v1/assessment/settings", s)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get<SettingsView>(await f.ApiAs("discipline"), "/api/v1/assessment/settings")).MonthlyWeight.ShouldBe(40);
    }

    [Fact]
    public async Task A_village_grid_is_scored_all_or_nothing_then_read_back_per_cadre()
    {
        var year = Year - 4;
        var town = await f.ApiAs("town.sanxing");
        var grid = await Grid(town, ReviewKind.Monthly, year, 1, Demo.Naoping);
        grid.Closed.ShouldBeNull();
        grid.Rows.Items.ShouldNotBeEmpty();
        grid.Rows.Items.ShouldAllBe(r => r.VillageCode == Demo.Naoping && r.Total == null);
        var ids = grid.Rows.Items.Select(r => r.CadreId).ToList();

        // One score out of range: nothing is saved, and the message names the cadre and the range.
        var bad = await town.PutAsJsonAsync("/api/v1/assessment/reviews", new
        {
            kind = "Monthly", year, period = 1,
            rows = ids.Select((id, n) => Row(grid, id, i => n == 0 ? i.MaxScore + 1 : i.MaxScore)).ToArray(),
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain($"{grid.Rows.Items[0].Name}：");
        (await Grid(town, ReviewKind.Monthly, year, 1, Demo.Naoping)).Rows.Items.ShouldAllBe(r => r.Total == null);

        var ok = await town.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = ids.Select(id => Row(grid, id, i => i.MaxScore * 0.8m)).ToArray() });
        ok.StatusCode.ShouldBe(HttpStatusCode.NoContent, await ok.Content.ReadAsStringAsync());
        var after = await Grid(await f.ApiAs("county.admin"), ReviewKind.Monthly, year, 1, Demo.Naoping);
        after.Rows.Items.ShouldAllBe(r => r.Total == 80m && r.TemplateVersion == grid.Template!.Version && r.ScoredBy == "town.sanxing");
        var score = await Get<MonthlyScore>(town, $"/api/v1/assessment/reviews/monthly-score?cadreId={ids[0]}&year={year}&month=1");
        score.Total.ShouldBe(80m);
        (await town.GetAsync($"/api/v1/assessment/reviews/monthly-score?cadreId={ids[0]}&year={year}&month=2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Re-scoring changes the same row.
        var again = await town.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = new[] { Row(grid, ids[0], i => i.MaxScore) } });
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Get<MonthlyScore>(town, $"/api/v1/assessment/reviews/monthly-score?cadreId={ids[0]}&year={year}&month=1")).Total.ShouldBe(100m);
    }

    [Fact]
    public async Task Another_town_cannot_score_or_read_a_towns_grid_nor_may_the_county_or_discipline_score_it()
    {
        var year = Year - 4;
        var town = await f.ApiAs("town.sanxing");
        var grid = await Grid(town, ReviewKind.Monthly, year, 1, Demo.Naoping);
        var ids = grid.Rows.Items.Select(r => r.CadreId).ToList();
        // Scope: another town cannot score or read them; the county and discipline cannot score.
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = new[] { Row(grid, ids[0], i => i.MinScore) } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Grid(efeng, ReviewKind.Monthly, year, 1, Demo.Naoping)).Rows.Total.ShouldBe(0);
        (await efeng.GetAsync($"/api/v1/assessment/reviews/monthly-score?cadreId={ids[0]}&year={year}&month=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var account in new[] { "county.admin", "discipline" })
            (await (await f.ApiAs(account)).PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = new[] { Row(grid, ids[0], i => i.MinScore) } }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
    }

    [Fact]
    public async Task A_month_that_has_not_begun_cannot_be_scored()
    {
        var town = await f.ApiAs("town.sanxing");
        var grid = await Grid(town, ReviewKind.Monthly, Year - 4, 1, Demo.Naoping);
        var ids = grid.Rows.Items.Select(r => r.CadreId).ToList();
        // A month that has not begun cannot be scored.
        var future = China.Now.AddMonths(1);
        (await town.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year = future.Year, period = future.Month, rows = new[] { Row(grid, ids[0], i => i.MinScore) } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static MultipartFormDataContent LedgerForm(long cadreId, string kind, string note, byte[]? file = null, string fileName = "photo.png")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(cadreId.ToString()), "cadreId" },
            { new StringContent(China.Now.ToString("yyyy-MM-dd")), "date" },
            { new StringContent(kind), "kind" },
            { new StringContent(note), "note" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "file", fileName);
        }
        return form;
    }

    [Fact]
    public async Task Town_staff_record_a_ledger_event_with_its_attachment()
    {
        var (town, cadre, record, png) = await RecordLedgerEventAsync();
        var file = await town.GetAsync($"/api/v1/assessment/ledger/{record.Id}/attachment");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(png);

        var list = await Get<Paged<LedgerView>>(town, $"/api/v1/assessment/ledger?cadreId={cadre.Id}");
        list.Items.ShouldContain(r => r.Id == record.Id);
        (await Get<Paged<LedgerView>>(await f.ApiAs("discipline"), $"/api/v1/assessment/ledger?cadreId={cadre.Id}")).Items.ShouldContain(r => r.Id == record.Id);

        // The grid shows the ledger count next to the cadre.
        var grid = await Grid(town, ReviewKind.Monthly, China.Now.Year, China.Now.Month, Demo.Naoping);
        grid.Rows.Items.Single(r => r.CadreId == cadre.Id).LedgerRecords.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_ledger_event_with_a_disguised_file_or_without_a_note_is_refused()
    {
        var town = await f.ApiAs("town.sanxing");
        var cadre = (await Get<List<CadreOption>>(town, $"/api/v1/assessment/cadres?region={Demo.Naoping}")).First();
        var exe = await town.PostAsync("/api/v1/assessment/ledger", LedgerForm(cadre.Id, "Other", "伪装的文件", [0x4D, 0x5A, 0x90, 0], "photo.png"));
        exe.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await exe.Content.ReadAsStringAsync()).ShouldContain("只能是 JPG、PNG 图片或 PDF");
        var noNote = await town.PostAsync("/api/v1/assessment/ledger", LedgerForm(cadre.Id, "Absence", ""));
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noNote.Content.ReadAsStringAsync()).ShouldContain("请填写情况说明");
    }

    [Fact]
    public async Task A_towns_ledger_is_out_of_reach_of_other_towns_or_of_roles_that_do_not_record()
    {
        var (_, cadre, record, _) = await RecordLedgerEventAsync();
        var efeng = await f.ApiAs("town.efeng");
        (await Get<Paged<LedgerView>>(efeng, $"/api/v1/assessment/ledger?cadreId={cadre.Id}")).Total.ShouldBe(0);
        (await efeng.GetAsync($"/api/v1/assessment/ledger/{record.Id}/attachment")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PostAsync("/api/v1/assessment/ledger", LedgerForm(cadre.Id, "Criticism", "越界登记"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var account in new[] { "county.admin", "discipline", "village.naoping" })
            (await (await f.ApiAs(account)).PostAsync("/api/v1/assessment/ledger", LedgerForm(cadre.Id, "Criticism", "无权登记"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, account);
    }

    /// <summary>A commendation with a PNG attachment, recorded by the Sanxing town admin for the first of Naoping's cadres.</summary>
    private async Task<(HttpClient Town, CadreOption Cadre, LedgerView Record, byte[] Png)> RecordLedgerEventAsync()
    {
        var town = await f.ApiAs("town.sanxing");
        var cadre = (await Get<List<CadreOption>>(town, $"/api/v1/assessment/cadres?region={Demo.Naoping}")).First();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        var created = await town.PostAsync("/api/v1/assessment/ledger", LedgerForm(cadre.Id, "Commendation", "台风期间连夜转移群众", png));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var record = (await created.Content.ReadFromJsonAsync<LedgerView>(CunzhiFactory.Json))!;
        (record.CadreName, record.Kind, record.AttachmentType, record.AttachmentSize).ShouldBe((cadre.Name, LedgerKind.Commendation, "image/png", (int?)png.Length));
        return (town, cadre, record, png);
    }

    [Fact]
    public async Task The_annual_review_runs_from_preparation_within_the_cap_to_a_locked_approval()
    {
        var year = Year - 3;
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");

        // Every cadre of the town scored 95 in January: all are 优秀 candidates, tied at the cap boundary.
        var grid = await Get<ScoreGrid>(town, $"/api/v1/assessment/reviews/Monthly?year={year}&period=1&region={Demo.Sanxing}&pageSize=200");
        grid.Rows.Total.ShouldBeLessThanOrEqualTo(200);
        var ids = grid.Rows.Items.Select(r => r.CadreId).ToList();
        (await town.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = ids.Select(id => Row(grid, id, i => i.MaxScore * 0.95m)).ToArray() }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var preview = await Get<AnnualView>(county, $"/api/v1/assessment/annual?year={year}&town={Demo.Sanxing}");
        preview.State.ShouldBeNull();
        var prepared = await town.PostAsync($"/api/v1/assessment/annual/{year}/prepare", null);
        prepared.StatusCode.ShouldBe(HttpStatusCode.OK, await prepared.Content.ReadAsStringAsync());
        var view = (await prepared.Content.ReadFromJsonAsync<AnnualView>(CunzhiFactory.Json))!;
        view.State.ShouldBe(AnnualState.Draft);
        view.Rows.Items.ShouldAllBe(r => r.Score == 95m && r.CandidateRating == Rating.Excellent && r.Rating == Rating.Competent);
        view.Rows.Items.ShouldAllBe(r => r.Warnings!.Contains("缺少季度实绩考核、双述双评满意率"));
        view.Notices.ShouldContain(n => n.Contains("并列跨越名额边界") && n.Contains($"至多 {view.Quota.Cap} 人"));
        view.Quota.Cap.ShouldBe(Math.Max(1, ids.Count * 20 / 100));

        // The town picks one more than the cap: refused, with the rule explained.
        var picks = ids.Take(view.Quota.Cap + 1).Select(id => new { cadreId = id, rating = "Excellent", note = (string?)null }).ToArray();
        (await town.PutAsJsonAsync($"/api/v1/assessment/annual/{year}/ratings", new { items = picks })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooMany = await town.PostAsync($"/api/v1/assessment/annual/{year}/propose", null);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var message = await tooMany.Content.ReadAsStringAsync();
        message.ShouldContain($"拟定优秀 {view.Quota.Cap + 1} 人，超过优秀名额 {view.Quota.Cap} 人");
        message.ShouldContain("请将其中 1 人调整为称职");

        (await town.PutAsJsonAsync($"/api/v1/assessment/annual/{year}/ratings", new { items = new[] { new { cadreId = picks[^1].cadreId, rating = "Competent", note = "名额所限" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.PostAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not proposed yet
        (await town.PostAsync($"/api/v1/assessment/annual/{year}/propose", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await town.PutAsJsonAsync($"/api/v1/assessment/annual/{year}/ratings", new { items = new[] { new { cadreId = ids[0], rating = "Competent", note = "" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Return needs a reason; the town may then change and propose again.
        (await county.PostAsJsonAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/return", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await county.PostAsJsonAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/return", new { reason = "请补充说明优秀人选" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = await Get<AnnualView>(town, $"/api/v1/assessment/annual?year={year}");
        (returned.State, returned.ReturnReason).ShouldBe((AnnualState.Returned, "请补充说明优秀人选"));
        (await town.PostAsync($"/api/v1/assessment/annual/{year}/propose", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Only the county approves; another town cannot touch this batch.
        var efeng = await f.ApiAs("town.efeng");
        (await town.PostAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await efeng.PostAsync($"/api/v1/assessment/annual/{year}/propose", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // its own town has no batch
        (await (await f.ApiAs("discipline")).PostAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get<AnnualView>(efeng, $"/api/v1/assessment/annual?year={year}&town={Demo.Sanxing}")).Town.ShouldBe(Demo.Efeng);
        var approved = await county.PostAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        // Locked: no change to ratings, to the batch, or to the year's monthly scores.
        (await town.PutAsJsonAsync($"/api/v1/assessment/annual/{year}/ratings", new { items = new[] { new { cadreId = ids[0], rating = "Competent", note = "" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var prepareAgain = await town.PostAsync($"/api/v1/assessment/annual/{year}/prepare", null);
        prepareAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await prepareAgain.Content.ReadAsStringAsync()).ShouldContain("已锁定");
        (await county.PostAsJsonAsync($"/api/v1/assessment/annual/{Demo.Sanxing}/{year}/return", new { reason = "再议" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await town.PutAsJsonAsync("/api/v1/assessment/reviews", new { kind = "Monthly", year, period = 1, rows = new[] { Row(grid, ids[0], i => i.MinScore) } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var ratings = await Get<Paged<ApprovedRating>>(county, $"/api/v1/assessment/annual/ratings?year={year}&region={Demo.Sanxing}&pageSize=200");
        ratings.Total.ShouldBe(ids.Count);
        ratings.Items.Count(r => r.Rating == Rating.Excellent).ShouldBe(view.Quota.Cap);
        var rows = await f.WithSystemDb(db => db.Set<AnnualReview>().Where(r => r.Year == year && r.RegionCode.StartsWith("360922106")).ToListAsync());
        rows.ShouldAllBe(r => r.State == AnnualState.Approved);
        (await Get<List<BatchSummary>>(county, $"/api/v1/assessment/annual/batches?year={year}")).Single(b => b.Town == Demo.Sanxing).State.ShouldBe(AnnualState.Approved);
    }

    [Fact]
    public async Task The_current_year_cannot_be_reviewed_before_december()
    {
        if (China.Now.Month == 12) return; // the rule allows it then; the domain test covers both sides
        var r = await (await f.ApiAs("town.efeng")).PostAsync($"/api/v1/assessment/annual/{Year}/prepare", null);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("12 月 1 日起");
    }

    [Fact]
    public async Task Half_year_analysis_lists_every_reason_within_scope()
    {
        var county = await f.ApiAs("county.admin");
        var all = await Get<HalfYearReport>(county, $"/api/v1/assessment/halfyear?year={Year}&half=1&pageSize=200");
        all.CadresAnalysed.ShouldBeGreaterThan(1000);
        all.Rows.Items.ShouldAllBe(r => r.Reasons.Count > 0);
        // Demo data: 2 approved years; whoever was 不称职 twice is flagged for removal, first in the list.
        var twice = await f.WithSystemDb(db => db.Set<AnnualReview>()
            .Where(r => r.State == AnnualState.Approved && r.Rating == Rating.Incompetent && (r.Year == Year - 1 || r.Year == Year - 2))
            .GroupBy(r => r.CadreId).Where(g => g.Count() == 2).Select(g => g.Key).ToListAsync());
        all.RemovalSuggested.ShouldBe(twice.Count);
        foreach (var row in all.Rows.Items.Take(twice.Count))
            row.Reasons.ShouldContain(r => r.Kind == AttentionKind.ConsecutiveIncompetent && r.Message.Contains("建议罢免或调整"));

        var town = await Get<HalfYearReport>(await f.ApiAs("town.sanxing"), $"/api/v1/assessment/halfyear?year={Year}&half=1&town={Demo.Efeng}&pageSize=200");
        town.Rows.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922106"));
        var filtered = await Get<HalfYearReport>(county, $"/api/v1/assessment/halfyear?year={Year}&half=1&town={Demo.Efeng}&kind=LastYearIncompetent&pageSize=200");
        filtered.Rows.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922200") && r.Reasons.Any(x => x.Kind == AttentionKind.LastYearIncompetent));
        (await county.GetAsync($"/api/v1/assessment/halfyear?year={Year}&half=3")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteFactory f) : AssessmentApiTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AssessmentApiTests_Postgres(PostgresFactory f) : AssessmentApiTests<PostgresFactory>(f);
