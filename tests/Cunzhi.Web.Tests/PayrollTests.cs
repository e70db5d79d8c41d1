using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>Payroll runs of a town: compute, recompute, rank history, scores, states, locking, adjustments, rewards, export.</summary>
public abstract class PayrollTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static int _names;

    private Task<long> NewCadre(string post, string start, int rank = 13, string birth = "1975-06-15", CadreStatus status = CadreStatus.InOffice, string? left = null, string village = Demo.Naoping) =>
        f.WithSystemDb(async db =>
        {
            var c = new Cadre
            {
                RegionCode = village, Name = $"薪测{Interlocked.Increment(ref _names)}", BirthDate = DateOnly.Parse(birth), EducationCode = "senior", PostCode = post,
                Rank = rank, StartDate = DateOnly.Parse(start), Status = status, DepartureDate = left is null ? null : DateOnly.Parse(left),
            };
            c.Posts.Add(new CadrePost { RegionCode = village, PostCode = post, StartDate = c.StartDate, EndDate = c.DepartureDate });
            // One secretary and one director in office per village (a unique index): the demo holder of a leading post this
            // test cadre takes is recorded as removed from office the day before, so the village still has one of each.
            string[] leading = ["secretary", "director", "secretary-director"];
            if (c.DepartureDate is null && leading.Contains(post))
            {
                var clashes = post == "secretary-director" ? leading : [post, "secretary-director"];
                foreach (var held in await db.CadrePosts.Where(p => p.RegionCode == village && p.EndDate == null && clashes.Contains(p.PostCode)).ToListAsync())
                {
                    var left = held.StartDate > c.StartDate.AddDays(-1) ? held.StartDate : c.StartDate.AddDays(-1);
                    var holder = await db.Cadres.Include(x => x.Posts).SingleAsync(x => x.Id == held.CadreId);
                    foreach (var open in holder.Posts.Where(p => p.EndDate == null)) open.EndDate = left < open.StartDate ? open.StartDate : left;
                    (holder.Status, holder.DepartureDate) = (CadreStatus.Removed, left); // removed, not retired: no retirement line of its own
                }
            }
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>Scores every listed cadre (or, with none, every cadre of 三兴镇) for the month at <paramref name="fraction"/> of full marks.</summary>
    private Task Score(int year, int month, decimal fraction, params long[] cadres) => f.WithSystemDb(async db =>
    {
        var template = await db.Set<IndicatorTemplate>().Include(t => t.Indicators)
            .FirstAsync(t => t.CountyCode == Demo.County && t.Kind == ReviewKind.Monthly && t.Status == TemplateStatus.Published);
        var scores = template.Specs.ToDictionary(s => s.Code, s => (decimal?)Math.Round(s.MaxScore * fraction, 2));
        var targets = cadres.Length > 0
            ? await db.Cadres.Where(c => cadres.Contains(c.Id)).Select(c => new { c.Id, c.RegionCode }).ToListAsync()
            : await db.Cadres.Where(c => c.RegionCode.StartsWith("360922106")).Select(c => new { c.Id, c.RegionCode }).ToListAsync();
        var existing = await db.Set<PeriodReview>().Where(r => r.Kind == ReviewKind.Monthly && r.Year == year && r.Period == month).Select(r => r.CadreId).ToListAsync();
        foreach (var c in targets.Where(c => !existing.Contains(c.Id)))
            db.Add(PeriodReview.Give(c.Id, c.RegionCode, ReviewKind.Monthly, year, month, template, scores, "test", DateTime.UtcNow, new DateOnly(year, month, 28)));
        await db.SaveChangesAsync();
        return 0;
    });

    private static async Task<RunView> Compute(HttpClient town, int year, int month)
    {
        var response = await town.PostAsJsonAsync("/api/v1/pay/runs", new { year, month });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunView>(CunzhiFactory.Json))!;
    }

    private Task<List<PayLine>> Lines(long runId) => f.WithSystemDb(db => db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.Id).ToListAsync());

    private static async Task<RunView> Post(HttpClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body ?? new { });
        response.StatusCode.ShouldBe(expected, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<RunView>(CunzhiFactory.Json))! : null!;
    }

    /// <summary>A secretary of 闹坪村 at rank 11 today: promoted 13→12 long ago, 12→11 approved in March 2024, in force from 1 April.</summary>
    private async Task<long> SecretaryPromotedInApril2024()
    {
        var secretary = await NewCadre("secretary", "2018-01-01", rank: 11);
        await f.WithSystemDb(async db =>
        {
            db.AddRange(new RankChange { CadreId = secretary, RegionCode = Demo.Naoping, FromRank = 13, ToRank = 12, EffectiveFrom = new(2020, 1, 1), Kind = RankChangeKind.Promotion, Reason = "晋升", DecidedBy = "county.admin" },
                new RankChange { CadreId = secretary, RegionCode = Demo.Naoping, FromRank = 12, ToRank = 11, EffectiveFrom = new(2024, 4, 1), Kind = RankChangeKind.Promotion, Reason = "晋升", DecidedBy = "county.admin" });
            return await db.SaveChangesAsync();
        });
        return secretary;
    }

    [Fact]
    public async Task A_run_computes_a_line_per_cadre_of_the_town()
    {
        var secretary = await SecretaryPromotedInApril2024();
        var deputy = await NewCadre("deputy-director", "2024-03-16");
        await Score(2024, 3, 1m, secretary);
        var town = await f.ApiAs("town.sanxing");

        var march = await Compute(town, 2024, 3);
        march.Town.ShouldBe(Demo.Sanxing);
        march.State.ShouldBe(PayrollState.Draft);
        var lines = await Lines(march.Id);
        lines.ShouldAllBe(l => l.RegionCode.StartsWith("360922106"));
        var s = lines.Single(l => l.CadreId == secretary);
        (s.Rank, s.BaseFen, s.AllowanceFen, s.PerformanceFen, s.CoefficientPermille).ShouldBe(((int?)12, 3_000_00L, 100_00L, 960_00L, (int?)1200));
        s.Explanation.ShouldContain("报酬标准第 1 版");
        s.Warning.ShouldBeNull();
        var d = lines.Single(l => l.CadreId == deputy);
        (d.Days, d.DaysInMonth, d.BaseFen, d.PerformanceFen).ShouldBe((16, 31, PayRules.Prorate(2_550_00, 16, 31), 0L));
        d.Warning!.ShouldContain("缺少 2024 年 3 月月度考评得分");
        march.Warnings.ShouldContain(w => w.Contains("缺少") && w.Contains("不能审批"));
        march.MissingScores.ShouldBeGreaterThan(0);
        march.TotalFen.ShouldBe(lines.Sum(l => l.TotalFen));
    }

    [Fact]
    public async Task Recomputing_a_draft_replaces_its_lines_with_identical_ones()
    {
        var town = await f.ApiAs("town.sanxing");
        var march = await Compute(town, 2024, 3);
        var lines = await Lines(march.Id);

        var again = await Compute(town, 2024, 3);
        again.Id.ShouldBe(march.Id);
        var relines = await Lines(march.Id);
        relines.Select(l => l.Fingerprint()).ShouldBe(lines.Select(l => l.Fingerprint()));
        relines.Select(l => l.Id).Intersect(lines.Select(l => l.Id)).ShouldBeEmpty("recomputing replaces the lines");
    }

    [Fact]
    public async Task The_allowance_follows_rank_history()
    {
        var secretary = await SecretaryPromotedInApril2024();
        var town = await f.ApiAs("town.sanxing");

        var march = await Compute(town, 2024, 3);
        (await Lines(march.Id)).Single(l => l.CadreId == secretary).AllowanceFen.ShouldBe(100_00);
        var april = await Compute(town, 2024, 4);
        (await Lines(april.Id)).Single(l => l.CadreId == secretary).AllowanceFen.ShouldBe(200_00);

        // The run page shows the allowance under a stable test id.
        var page = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Pay/Run/{april.Id}?village={Demo.Naoping}"));
        page.QuerySelector($"[data-testid=allowance-{secretary}]")!.TextContent.Trim().ShouldBe("200.00");
        page.QuerySelector("[data-testid=compute]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Another_town_can_neither_see_nor_act_on_a_run()
    {
        var april = await Compute(await f.ApiAs("town.sanxing"), 2024, 4);

        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetAsync($"/api/v1/pay/runs/{april.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PostAsJsonAsync($"/api/v1/pay/runs/{april.Id}/review", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetFromJsonAsync<Features.Paged<RunSummary>>("/api/v1/pay/runs?pageSize=200", CunzhiFactory.Json))!.Items.ShouldNotContain(r => r.Town == Demo.Sanxing);
        (await (await f.PagesAs("town.efeng")).GetAsync($"/Pay/Run/{april.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_ordinary_line_answers_409_with_the_reason_not_404()
    {
        var town = await f.ApiAs("town.sanxing");
        var run = await Compute(town, 2024, 10);
        var line = (await Lines(run.Id)).First(l => l.Kind == PayLineKind.Regular);

        // A draft run: computed lines change by recomputing, only adjustment lines are deleted.
        var draft = await town.DeleteAsync($"/api/v1/pay/runs/{run.Id}/adjustments/{line.Id}");
        draft.StatusCode.ShouldBe(HttpStatusCode.Conflict, await draft.Content.ReadAsStringAsync());
        (await draft.Content.ReadAsStringAsync()).ShouldContain("只能删除调整项");

        // A locked run (the run exists): the locked reason, not '未找到该工资批次'.
        await f.WithSystemDb(async db =>
        {
            var r = await db.Set<PayrollRun>().SingleAsync(x => x.Id == run.Id);
            r.State = PayrollState.Locked;
            return await db.SaveChangesAsync();
        });
        var locked = await town.DeleteAsync($"/api/v1/pay/runs/{run.Id}/adjustments/{line.Id}");
        var body = await locked.Content.ReadAsStringAsync();
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("已锁定");
        body.ShouldNotContain("未找到");
        (await Lines(run.Id)).Select(l => l.Id).ShouldContain(line.Id);

        // A line that is not in the run is still 404.
        (await town.DeleteAsync($"/api/v1/pay/runs/{run.Id}/adjustments/999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task States_go_town_review_then_county_approval_then_lock()
    {
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        var run = await Compute(town, 2024, 5);
        run.MissingScores.ShouldBeGreaterThan(0);

        (await county.PostAsJsonAsync("/api/v1/pay/runs", new { year = 2024, month = 5 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await town.PostAsJsonAsync($"/api/v1/pay/runs/{run.Id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.ApiAs("discipline")).PostAsJsonAsync($"/api/v1/pay/runs/{run.Id}/review", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Post(county, $"/api/v1/pay/runs/{run.Id}/approve", expected: HttpStatusCode.Conflict); // not reviewed
        await Post(town, $"/api/v1/pay/runs/{run.Id}/review");
        await Post(town, "/api/v1/pay/runs", new { year = 2024, month = 5 }, HttpStatusCode.Conflict); // reviewed: no recompute
        var refused = await county.PostAsJsonAsync($"/api/v1/pay/runs/{run.Id}/approve", new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("缺少");
        (await county.PostAsJsonAsync($"/api/v1/pay/runs/{run.Id}/return", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Post(county, $"/api/v1/pay/runs/{run.Id}/return", new { reason = "请补齐 5 月评分" })).State.ShouldBe(PayrollState.Draft);

        await Score(2024, 5, 0.85m);
        var scored = await Compute(town, 2024, 5);
        scored.MissingScores.ShouldBe(0);
        scored.Warnings.ShouldNotContain(w => w.Contains("缺少"));
        await Post(town, $"/api/v1/pay/runs/{run.Id}/review");
        (await Post(county, $"/api/v1/pay/runs/{run.Id}/approve")).State.ShouldBe(PayrollState.Approved);
        await Post(town, $"/api/v1/pay/runs/{run.Id}/lock", expected: HttpStatusCode.Forbidden);
        var locked = await Post(county, $"/api/v1/pay/runs/{run.Id}/lock");
        (locked.State, locked.LockedBy, locked.ApprovedBy).ShouldBe((PayrollState.Locked, "county.admin", "county.admin"));

        // The audit chain has one summary entry per computation, with the lines' hash.
        var events = await f.WithSystemDb(db => db.AuditEntries.Where(e => e.Action == "PayrollComputed" && e.EntityKey == $"{Demo.Sanxing}/2024-05").CountAsync());
        events.ShouldBe(2);
    }

    /// <summary>三兴镇's run of the month, scored, reviewed, approved and locked the way the town and the county do it.</summary>
    private async Task<RunView> LockedRun(HttpClient town, HttpClient county, int year, int month)
    {
        await Score(year, month, 0.85m);
        var run = await Compute(town, year, month);
        await Post(town, $"/api/v1/pay/runs/{run.Id}/review");
        await Post(county, $"/api/v1/pay/runs/{run.Id}/approve");
        return await Post(county, $"/api/v1/pay/runs/{run.Id}/lock");
    }

    [Fact]
    public async Task A_locked_run_refuses_every_change()
    {
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        var run = await LockedRun(town, county, 2024, 11);
        var before = (await Lines(run.Id)).Select(l => l.Fingerprint()).ToList();

        await Post(town, "/api/v1/pay/runs", new { year = 2024, month = 11 }, HttpStatusCode.Conflict);
        await Post(town, $"/api/v1/pay/runs/{run.Id}/review", expected: HttpStatusCode.Conflict);
        await Post(county, $"/api/v1/pay/runs/{run.Id}/approve", expected: HttpStatusCode.Conflict);
        await Post(county, $"/api/v1/pay/runs/{run.Id}/lock", expected: HttpStatusCode.Conflict);
        await Post(county, $"/api/v1/pay/runs/{run.Id}/return", new { reason = "x" }, HttpStatusCode.Conflict);
        var original = (await Lines(run.Id)).First(l => l.Kind == PayLineKind.Regular);
        await Post(town, $"/api/v1/pay/runs/{run.Id}/adjustments", new { lineId = original.Id, amountFen = 100, reason = "补发" }, HttpStatusCode.Conflict);
        (await Lines(run.Id)).Select(l => l.Fingerprint()).ShouldBe(before);
    }

    [Fact]
    public async Task A_locked_line_is_corrected_by_an_adjustment_in_a_later_draft()
    {
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        var run = await LockedRun(town, county, 2024, 12);
        var original = (await Lines(run.Id)).First(l => l.Kind == PayLineKind.Regular);

        // Corrections go into a later draft run, referencing the locked line, and survive its recompute.
        var january = await Compute(town, 2025, 1);
        await Post(town, $"/api/v1/pay/runs/{january.Id}/adjustments", new { lineId = original.Id, amountFen = 0, reason = "" }, HttpStatusCode.BadRequest);
        var adjusted = await Post(town, $"/api/v1/pay/runs/{january.Id}/adjustments", new { lineId = original.Id, amountFen = -123_45, reason = "12 月多发职级补贴" });
        adjusted.TotalFen.ShouldBe(january.TotalFen - 123_45);
        var recomputed = await Compute(town, 2025, 1);
        recomputed.TotalFen.ShouldBe(adjusted.TotalFen);
        var adj = (await Lines(january.Id)).Single(l => l.Kind == PayLineKind.Adjustment);
        (adj.AdjustsLineId, adj.AdjustsRunId, adj.AdjustmentFen, adj.TotalFen, adj.CadreId, adj.Reason).ShouldBe(((long?)original.Id, (long?)run.Id, -123_45L, -123_45L, original.CadreId, "12 月多发职级补贴"));
        (await town.DeleteAsync($"/api/v1/pay/runs/{january.Id}/adjustments/{adj.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Lines(january.Id)).ShouldNotContain(l => l.Kind == PayLineKind.Adjustment);
    }

    [Fact]
    public async Task A_line_of_an_unlocked_run_is_corrected_by_recomputing_not_by_adjustment()
    {
        var town = await f.ApiAs("town.sanxing");
        var june = await Compute(town, 2024, 6);
        var juneLine = (await Lines(june.Id)).First(l => l.Kind == PayLineKind.Regular);
        var july = await Compute(town, 2024, 7);

        await Post(town, $"/api/v1/pay/runs/{july.Id}/adjustments", new { lineId = juneLine.Id, amountFen = 100, reason = "x" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rewards_are_paid_in_the_chosen_months_run()
    {
        var secretary = await NewCadre("secretary", "2010-01-01", village: Demo.Sanxingcun);
        var retiree = await NewCadre("committee-member", "1995-03-01", birth: "1955-02-01", status: CadreStatus.DepartedNormally, left: "2015-12-31", village: Demo.Sanxingcun);
        var county = await f.ApiAs("county.admin");
        var grant = await county.PostAsJsonAsync("/api/v1/pay/rewards/good-secretary", new { cadreId = secretary, year = 2023, payYear = 2024, payMonth = 8 });
        grant.StatusCode.ShouldBe(HttpStatusCode.Created, await grant.Content.ReadAsStringAsync());
        (await grant.Content.ReadFromJsonAsync<AwardView>(CunzhiFactory.Json))!.AmountFen.ShouldBe(10_000_00);
        (await county.PostAsJsonAsync("/api/v1/pay/rewards/good-secretary", new { cadreId = secretary, year = 2023, payYear = 2024, payMonth = 8 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await county.PostAsJsonAsync("/api/v1/pay/rewards/good-secretary", new { cadreId = retiree, year = 2023, payYear = 2024, payMonth = 8 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // not a secretary

        var village = await f.ApiAs("village.naoping");
        var fell = await village.PutAsJsonAsync("/api/v1/pay/rewards/income", new { year = 2022, thisYearIncomeFen = 800_000_00, lastYearIncomeFen = 1_000_000_00 });
        fell.StatusCode.ShouldBe(HttpStatusCode.OK, await fell.Content.ReadAsStringAsync());
        var fallen = (await fell.Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!;
        (fallen.PoolFen, fallen.IncrementFen).ShouldBe((0L, -200_000_00L));
        fallen.Explanation.ShouldContain("减少");
        var entered = (await (await village.PutAsJsonAsync("/api/v1/pay/rewards/income", new { year = 2023, thisYearIncomeFen = 1_200_000_00, lastYearIncomeFen = 1_000_000_00 }))
            .Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!;
        entered.VillageCode.ShouldBe(Demo.Naoping);
        entered.PoolFen.ShouldBe(40_000_00);
        entered.Shares.Sum(s => s.AmountFen).ShouldBe(40_000_00);
        var town = await f.ApiAs("town.sanxing");
        (await village.PostAsJsonAsync($"/api/v1/pay/rewards/income/{entered.Id}/approve", new { payYear = 2024, payMonth = 8 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.ApiAs("town.efeng")).PostAsJsonAsync($"/api/v1/pay/rewards/income/{entered.Id}/approve", new { payYear = 2024, payMonth = 8 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var approved = await town.PostAsJsonAsync($"/api/v1/pay/rewards/income/{entered.Id}/approve", new { payYear = 2024, payMonth = 8 });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await village.PutAsJsonAsync($"/api/v1/pay/rewards/income/{entered.Id}/shares", new { items = new[] { new { cadreId = secretary, weight = 1 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var july = await Compute(town, 2024, 7);
        (await Lines(july.Id)).Sum(l => l.RewardFen).ShouldBe(0);
        var august = await Compute(town, 2024, 8);
        var lines = await Lines(august.Id);
        lines.Single(l => l.CadreId == secretary).RewardFen.ShouldBe(10_000_00);
        lines.Single(l => l.CadreId == secretary).Explanation.ShouldContain("2023 年度担当作为好支书奖励");
        lines.Where(l => l.RegionCode == Demo.Naoping).Sum(l => l.RewardFen).ShouldBe(40_000_00);

        // Once the month is reviewed, no more rewards can be put into it.
        await Post(town, $"/api/v1/pay/runs/{august.Id}/review");
        var late = await county.PostAsJsonAsync("/api/v1/pay/rewards/good-secretary", new { cadreId = secretary, year = 2024, payYear = 2024, payMonth = 8 });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("复核");
    }

    [Fact]
    public async Task Retirees_get_their_allowance_for_their_full_years()
    {
        var retiree = await NewCadre("committee-member", "1995-03-01", birth: "1955-02-01", status: CadreStatus.DepartedNormally, left: "2015-12-31", village: Demo.Sanxingcun);

        var january = await Compute(await f.ApiAs("town.sanxing"), 2024, 1);

        var r = (await Lines(january.Id)).Single(l => l.CadreId == retiree);
        (r.Kind, r.RetirementFen, r.BaseFen).ShouldBe((PayLineKind.Retirement, 20 * 20_00L, 0L)); // 1995-03-01 … 2015-12-31: 20 full years
    }

    [Fact]
    public async Task The_export_opens_with_one_row_per_payee()
    {
        var town = await f.ApiAs("town.sanxing");
        var run = await Compute(town, 2024, 9);
        var lines = await Lines(run.Id);
        var payees = lines.OrderBy(l => l.RegionCode).ThenBy(l => l.Kind).ThenBy(l => l.CadreId).DistinctBy(l => l.CadreId).Select(l => l.CadreName).ToList();
        var response = await town.GetAsync($"/api/v1/pay/runs/{run.Id}/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        XlsxFiles.ValidationErrors(bytes).ShouldBeEmpty();
        var rows = XlsxFiles.Read(bytes);
        rows[1].GetString(1).ShouldBe("姓名");
        rows.Count.ShouldBe(payees.Count + 3, "title, header, one row per payee, totals");
        rows.Skip(2).Take(payees.Count).Select(r => r.GetString(1)).ShouldBe(payees);
        rows[^1].GetString(1).ShouldBe("合计");

        var pages = await f.PagesAs("town.sanxing");
        var pageExport = await pages.GetAsync($"/Pay/Run/{run.Id}?handler=Export");
        pageExport.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxFiles.Read(await pageExport.Content.ReadAsByteArrayAsync()).Count.ShouldBe(payees.Count + 3);
    }

    [Fact]
    public async Task The_print_sheet_has_the_total_with_signature_lines()
    {
        var run = await Compute(await f.ApiAs("town.sanxing"), 2024, 9);
        var pages = await f.PagesAs("town.sanxing");

        var print = await CunzhiFactory.Html(await pages.GetAsync($"/Pay/Print/{run.Id}"));
        var sheet = print.QuerySelector("[data-testid=sheet]")!.TextContent;
        foreach (var s in new[] { "制表", "审核", "审批" }) sheet.ShouldContain(s);
        print.QuerySelector("[data-testid=print-total]")!.TextContent.ShouldBe(PayRules.Yuan(run.TotalFen));
        (await (await f.PagesAs("town.efeng")).GetAsync($"/Pay/Print/{run.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_settings_draft_is_refused_with_every_reason_in_chinese()
    {
        var county = await f.ApiAs("county.admin");

        var bad = await county.PutAsJsonAsync("/api/v1/pay/settings/draft", new { effectiveFrom = "2030-01-15", chiefBaseFen = 1, performanceBaseFen = 1, coefficients = "90=x", goodSecretaryAwardFen = 1, goodSecretaryPayMonth = 13, retirementFenPerYear = 1, retirementAge = 60, incrementCapPercent = 20 });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "某月 1 日", "绩效系数表格式有误", "发放月份须为 1–12" }) body.ShouldContain(m);
    }

    [Fact]
    public async Task A_town_cannot_publish_pay_settings() =>
        (await (await f.ApiAs("town.sanxing")).PostAsJsonAsync("/api/v1/pay/settings/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Publishing_a_new_settings_version_never_changes_a_published_one()
    {
        var county = await f.ApiAs("county.admin");
        var overview = (await county.GetFromJsonAsync<PaySettingsOverview>("/api/v1/pay/settings", CunzhiFactory.Json))!;
        var v1 = overview.InForce!;
        v1.BaseByPostFen["deputy-secretary"].ShouldBe(2_550_00);
        v1.BaseByPostFen["first-secretary"].ShouldBe(0);
        var saved = await county.PutAsJsonAsync("/api/v1/pay/settings/draft", new
        {
            effectiveFrom = "2030-01-01", chiefBaseFen = 3_500_00, postShares = new Dictionary<string, int> { ["deputy-secretary"] = 80 }, performanceBaseFen = 900_00,
            coefficients = "95=1.3;60=0.5", goodSecretaryAwardFen = 10_000_00, goodSecretaryPayMonth = 1, retirementFenPerYear = 25_00, retirementAge = 60, incrementCapPercent = 20,
            rowVersion = overview.RowVersion,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var draft = (await saved.Content.ReadFromJsonAsync<PaySettingsView>(CunzhiFactory.Json))!;
        (draft.Version, draft.IsPublished, draft.BaseByPostFen["deputy-secretary"], draft.Coefficients).ShouldBe((v1.Version + 1, false, 2_800_00L, "95=1.3;60=0.5"));
        (await county.PostAsJsonAsync("/api/v1/pay/settings/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await county.GetFromJsonAsync<PaySettingsOverview>("/api/v1/pay/settings", CunzhiFactory.Json))!;
        after.Versions.Single(v => v.Version == v1.Version).ShouldBeEquivalentTo(v1);
        after.InForce!.Version.ShouldBe(v1.Version, "the new version applies from 2030");
        after.Draft.ShouldBeNull();
        // Editing again makes a new draft; the published ones stay as they were.
        var next = await county.PutAsJsonAsync("/api/v1/pay/settings/draft", new { effectiveFrom = "2031-01-01", chiefBaseFen = 1, performanceBaseFen = 1, coefficients = "60=1", goodSecretaryAwardFen = 1, goodSecretaryPayMonth = 1, retirementFenPerYear = 1, retirementAge = 60, incrementCapPercent = 20, rowVersion = after.RowVersion });
        (await next.Content.ReadFromJsonAsync<PaySettingsView>(CunzhiFactory.Json))!.Version.ShouldBe(v1.Version + 2);
        (await county.DeleteAsync("/api/v1/pay/settings/draft")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await county.GetFromJsonAsync<PaySettingsOverview>("/api/v1/pay/settings", CunzhiFactory.Json))!.Versions.Single(v => v.Version == v1.Version + 1).ChiefBaseFen.ShouldBe(3_500_00);
    }

    [Fact]
    public async Task The_county_computes_every_towns_draft_at_once_as_the_town_would_leaving_runs_past_draft()
    {
        var town = await f.ApiAs("town.sanxing");
        var efeng = await f.ApiAs("town.efeng");
        var county = await f.ApiAs("county.admin");
        var own = await Compute(town, 2023, 8);
        var ownLines = await Lines(own.Id);
        var reviewed = await Compute(efeng, 2023, 8);
        await Post(efeng, $"/api/v1/pay/runs/{reviewed.Id}/review");
        var efengLines = await Lines(reviewed.Id);

        (await town.PostAsJsonAsync("/api/v1/pay/runs/county", new { year = 2023, month = 8 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/pay/runs/county", new { year = 2023, month = 13 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var response = await county.PostAsJsonAsync("/api/v1/pay/runs/county", new { year = 2023, month = 8 });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ComputeAllResult>(CunzhiFactory.Json))!;

        var towns = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.Level == Domain.Regions.RegionLevel.Town && r.Code.StartsWith("360922")));
        (result.Towns, result.Computed).ShouldBe((towns, towns - 1));
        var skip = result.Skipped.ShouldHaveSingleItem();
        (skip.Town, skip.TownName).ShouldBe((Demo.Efeng, "鹅峰乡"));
        skip.Reason.ShouldContain("复核");

        // 三兴镇's draft was recomputed in place with the same lines; 鹅峰乡's reviewed run was left alone.
        var runs = await f.WithSystemDb(db => db.Set<PayrollRun>().AsNoTracking().Where(r => r.Year == 2023 && r.Month == 8).ToListAsync());
        runs.Count.ShouldBe(towns);
        var sanxing = runs.Single(r => r.RegionCode == Demo.Sanxing);
        sanxing.Id.ShouldBe(own.Id);
        sanxing.ComputedBy.ShouldBe("county.admin");
        (await Lines(own.Id)).Select(l => l.Fingerprint()).ShouldBe(ownLines.Select(l => l.Fingerprint()));
        var efengRun = runs.Single(r => r.RegionCode == Demo.Efeng);
        (efengRun.State, efengRun.ComputedBy).ShouldBe((PayrollState.Reviewed, "town.efeng"));
        (await Lines(reviewed.Id)).Select(l => l.Id).ShouldBe(efengLines.Select(l => l.Id));

        // Every run's count and total match its lines, which stay inside the run's town; the totals add up to the answer.
        var all = await f.WithSystemDb(db => db.Set<PayLine>().AsNoTracking().Where(l => runs.Select(r => r.Id).Contains(l.RunId)).ToListAsync());
        foreach (var r in runs)
        {
            var lines = all.Where(l => l.RunId == r.Id).ToList();
            (r.LineCount, r.TotalFen).ShouldBe((lines.Count, lines.Sum(l => l.TotalFen)), r.RegionCode);
            var townPrefix = r.RegionCode[..9];
            lines.ShouldAllBe(l => l.RegionCode.StartsWith(townPrefix));
        }
        result.Lines.ShouldBe(all.Count(l => l.RunId != reviewed.Id));
        result.TotalFen.ShouldBe(runs.Where(r => r.Id != reviewed.Id).Sum(r => r.TotalFen));
        var cadres = await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode.StartsWith("360922") && !c.RegionCode.StartsWith("360922200") && c.Status == CadreStatus.InOffice && c.StartDate <= new DateOnly(2023, 8, 1)));
        all.Count(l => l.RunId != reviewed.Id && l.Kind == PayLineKind.Regular).ShouldBeGreaterThanOrEqualTo(cadres);

        // One summary audit entry per computed town, naming the count and a hash of the lines; none for the skipped town.
        var events = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "PayrollComputed" && a.EntityKey.EndsWith("/2023-08") && a.UserName == "county.admin").ToListAsync());
        events.Select(e => e.RegionCode).OrderBy(c => c).ShouldBe(runs.Where(r => r.Id != reviewed.Id).Select(r => r.RegionCode).OrderBy(c => c));
        events.ShouldAllBe(e => e.After!.Contains("sha256"));

        // The page: the county's form shows the same summary, the town's page has no county form.
        var pages = await f.PagesAs("county.admin");
        var posted = await CunzhiFactory.PostFormAsync(pages, "/Pay", new() { ["ComputeYear"] = "2023", ["ComputeMonth"] = "8" }, "ComputeCounty");
        var html = await CunzhiFactory.Html(posted);
        var summary = html.QuerySelector("[data-testid=compute-county-result]")!.TextContent;
        summary.ShouldContain($"全县 {towns} 个乡镇，计算 {towns - 1} 个批次");
        summary.ShouldContain("鹅峰乡");
        var bad = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(pages, "/Pay", new() { ["ComputeYear"] = "2023", ["ComputeMonth"] = "13" }, "ComputeCounty"));
        bad.QuerySelector(".validation-summary-errors, [data-testid=errors], .alert-danger")!.TextContent.ShouldContain("月份须为 1–12");
        (await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Pay"))).QuerySelector("[data-testid=compute-county-form]").ShouldBeNull();
    }

    [Fact]
    public async Task Share_weights_are_edited_on_the_rewards_page_before_approval_with_a_chinese_message_for_a_bad_weight()
    {
        var village = await f.ApiAs("village.naoping");
        var entered = (await (await village.PutAsJsonAsync("/api/v1/pay/rewards/income", new { year = 2019, thisYearIncomeFen = 150_000_00, lastYearIncomeFen = 100_000_00 }))
            .Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!;
        entered.PoolFen.ShouldBe(10_000_00);
        entered.Shares.Count.ShouldBeGreaterThan(1);
        var first = entered.Shares[0].CadreId;

        foreach (var who in new[] { "village.naoping", "town.sanxing" })
        {
            var pages = await f.PagesAs(who);
            var html = await CunzhiFactory.Html(await pages.GetAsync("/Pay/Rewards"));
            html.QuerySelector($"[data-testid=shares-form-{entered.Id}]").ShouldNotBeNull(who);
        }
        var town = await f.PagesAs("town.sanxing");
        var fields = new Dictionary<string, string> { ["RewardId"] = entered.Id.ToString() };
        for (var i = 0; i < entered.Shares.Count; i++)
        {
            fields[$"Weights[{i}].CadreId"] = entered.Shares[i].CadreId.ToString();
            fields[$"Weights[{i}].Weight"] = i == 0 ? "1" : "0";
        }
        var saved = await CunzhiFactory.PostFormAsync(town, "/Pay/Rewards", fields, "Shares");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var after = (await village.GetFromJsonAsync<IncomeRewardView>($"/api/v1/pay/rewards/income/{entered.Id}", CunzhiFactory.Json))!;
        after.Shares.Single(x => x.CadreId == first).AmountFen.ShouldBe(10_000_00, "the only weighted cadre gets the whole pool");
        after.Shares.Where(x => x.CadreId != first).ShouldAllBe(x => x.AmountFen == 0);

        fields["Weights[0].Weight"] = "-1";
        var refused = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(town, "/Pay/Rewards", fields, "Shares"));
        refused.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("分配权重须在 0–1000 之间");
        (await village.GetFromJsonAsync<IncomeRewardView>($"/api/v1/pay/rewards/income/{entered.Id}", CunzhiFactory.Json))!
            .Shares.Single(x => x.CadreId == first).Weight.ShouldBe(1, "nothing saved");

        // 鹅峰乡 cannot edit 闹坪村's reward through the page.
        fields["Weights[0].Weight"] = "5";
        var efeng = await f.PagesAs("town.efeng");
        var token = (await CunzhiFactory.Html(await efeng.GetAsync("/Pay/Rewards"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var other = await efeng.PostAsync("/Pay/Rewards?handler=Shares", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound, string.Join(" / ", (await CunzhiFactory.Html(other)).QuerySelectorAll(".alert").Select(a => a.TextContent.Trim())));
        (await village.GetFromJsonAsync<IncomeRewardView>($"/api/v1/pay/rewards/income/{entered.Id}", CunzhiFactory.Json))!
            .Shares.Single(x => x.CadreId == first).Weight.ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> EnterIncome(HttpClient c, int year, string? village) =>
        await c.PutAsJsonAsync("/api/v1/pay/rewards/income", new { year, thisYearIncomeFen = 300_000_00, lastYearIncomeFen = 250_000_00, village });

    [Fact]
    public async Task A_town_entering_income_must_name_a_valid_village()
    {
        var town = await f.ApiAs("town.sanxing");

        var missing = await EnterIncome(town, 2016, null);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("乡镇代村填报须选择村（社区）");
        (await (await EnterIncome(town, 2016, "36092210620")).Content.ReadAsStringAsync()).ShouldContain("代码无效");
        (await f.WithSystemDb(db => db.Set<IncomeReward>().CountAsync(r => r.Year == 2016))).ShouldBe(0, "nothing was written for a refused entry");
    }

    [Fact]
    public async Task Nobody_enters_income_for_a_village_outside_their_scope()
    {
        foreach (var (who, target) in new[] { ("town.sanxing", Demo.Dongxi), ("town.efeng", Demo.Naoping), ("village.naoping", Demo.Sanxingcun) })
        {
            var refused = await EnterIncome(await f.ApiAs(who), 2015, target);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who} → {target}");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
        }
        (await f.WithSystemDb(db => db.Set<IncomeReward>().CountAsync(r => r.Year == 2015))).ShouldBe(0, "nothing was written for a refused entry");
    }

    [Fact]
    public async Task The_town_enters_a_villages_income_on_its_behalf()
    {
        var town = await f.ApiAs("town.sanxing");
        Task<HttpResponseMessage> Enter(HttpClient c, int year, string? village) => EnterIncome(c, year, village);

        var ok = await Enter(town, 2018, Demo.Naoping);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var entered = (await ok.Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!;
        (entered.VillageCode, entered.EnteredBy, entered.State, entered.PoolFen).ShouldBe((Demo.Naoping, "town.sanxing", IncomeRewardState.Entered, 10_000_00L));
        entered.Shares.Sum(x => x.AmountFen).ShouldBe(10_000_00);
        // The village still reads it as its own, and naming its own village is the same as naming none.
        (await (await f.ApiAs("village.naoping")).GetFromJsonAsync<IncomeRewardView>($"/api/v1/pay/rewards/income/{entered.Id}", CunzhiFactory.Json))!.Year.ShouldBe(2018);
        (await Enter(await f.ApiAs("village.naoping"), 2018, Demo.Naoping)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Income_the_town_entered_is_approved_by_the_town_as_usual()
    {
        var town = await f.ApiAs("town.sanxing");
        var ok = await EnterIncome(town, 2014, Demo.Naoping);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var entered = (await ok.Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!;

        var approved = await town.PostAsJsonAsync($"/api/v1/pay/rewards/income/{entered.Id}/approve", new { payYear = 2018, payMonth = 12 });

        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<IncomeRewardView>(CunzhiFactory.Json))!.State.ShouldBe(IncomeRewardState.Approved);
    }

    [Fact]
    public async Task On_the_rewards_page_the_town_enters_income_only_for_one_of_its_own_villages()
    {
        // The town picks one of its own villages; the village cadre's form has no choice.
        var pages = await f.PagesAs("town.sanxing");
        var html = await CunzhiFactory.Html(await pages.GetAsync("/Pay/Rewards"));
        var options = html.QuerySelectorAll("[data-testid=income-form] [data-testid=income-village] option").Select(o => o.GetAttribute("value")).ToList();
        options.ShouldContain(Demo.Sanxingcun);
        options.ShouldNotContain(Demo.Dongxi);
        var none = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(pages, "/Pay/Rewards", new() { ["Village"] = "", ["AwardYear"] = "2017", ["ThisYear"] = "1000", ["LastYear"] = "500" }, "Income"));
        none.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("须选择村（社区）");
        var posted = await CunzhiFactory.PostFormAsync(pages, "/Pay/Rewards", new() { ["Village"] = Demo.Sanxingcun, ["AwardYear"] = "2017", ["ThisYear"] = "1000", ["LastYear"] = "500" }, "Income");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(posted)).QuerySelector("[data-testid=errors]")?.TextContent);
        var row = await f.WithSystemDb(db => db.Set<IncomeReward>().SingleAsync(r => r.RegionCode == Demo.Sanxingcun && r.Year == 2017));
        (row.EnteredBy, row.PoolFen).ShouldBe(("town.sanxing", 100_00L));
        var other = await CunzhiFactory.PostFormAsync(pages, "/Pay/Rewards", new() { ["Village"] = Demo.Dongxi, ["AwardYear"] = "2017", ["ThisYear"] = "1000", ["LastYear"] = "500" }, "Income");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var village = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Pay/Rewards"));
        village.QuerySelector("[data-testid=income-form]").ShouldNotBeNull();
        village.QuerySelector("[data-testid=income-village]").ShouldBeNull();
    }

    [Fact]
    public async Task A_county_without_pay_settings_is_refused_in_chinese_until_it_publishes_the_default_draft()
    {
        var cadre = await f.BareCountyAsync();
        var county = await f.ApiAs(Demo.BareCountyAdmin);
        var town = await f.ApiAs(Demo.BareTownAdmin);
        var today = China.Today;
        (await county.GetFromJsonAsync<PaySettingsOverview>("/api/v1/pay/settings", CunzhiFactory.Json))!.Versions.ShouldBeEmpty();
        var refused = await town.PostAsJsonAsync("/api/v1/pay/runs", new { year = today.Year, month = today.Month });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("尚未发布");
        var all = await county.PostAsJsonAsync("/api/v1/pay/runs/county", new { year = today.Year, month = today.Month });
        all.StatusCode.ShouldBe(HttpStatusCode.OK, await all.Content.ReadAsStringAsync());
        var result = (await all.Content.ReadFromJsonAsync<ComputeAllResult>(CunzhiFactory.Json))!;
        (result.Computed, result.Skipped.ShouldHaveSingleItem().Reason.Contains("尚未发布")).ShouldBe((0, true));

        // Every pay page answers; the town's compute button shows the refusal on the page.
        var countyPages = await f.PagesAs(Demo.BareCountyAdmin);
        var townPages = await f.PagesAs(Demo.BareTownAdmin);
        foreach (var (client, url) in new[] { (countyPages, "/Pay"), (countyPages, "/Pay/Settings"), (countyPages, "/Pay/Rewards"), (townPages, "/Pay"), (townPages, "/Pay/Settings"), (townPages, "/Pay/Rewards") })
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        (await CunzhiFactory.Html(await townPages.GetAsync("/Pay/Settings"))).QuerySelector("[data-testid=settings-form]").ShouldBeNull();
        var computed = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(townPages, "/Pay", new() { ["ComputeYear"] = today.Year.ToString(), ["ComputeMonth"] = today.Month.ToString() }, "Compute"));
        computed.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("尚未发布");
        var income = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(townPages, "/Pay/Rewards", new() { ["Village"] = Demo.BareVillage, ["AwardYear"] = "2025", ["ThisYear"] = "1000", ["LastYear"] = "500" }, "Income"));
        income.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("尚未发布报酬标准");

        // The settings page offers the county admin a draft holding the defaults, effective this month; saved as it is and published, the town computes.
        var page = await CunzhiFactory.Html(await countyPages.GetAsync("/Pay/Settings"));
        page.QuerySelector("[data-testid=no-settings]")!.TextContent.ShouldContain("默认");
        var form = page.QuerySelector("[data-testid=settings-form]").ShouldNotBeNull();
        string Value(string name) => form.QuerySelector($"[name='{name}']")!.GetAttribute("value")!;
        (Value("EffectiveFrom"), Value("ChiefBase"), Value("PerformanceBase"), Value("GoodSecretaryAward"), Value("IncrementCapPercent"), Value("PostShares[deputy-director]"))
            .ShouldBe((new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd"), "3000.00", "800.00", "10000.00", "20", "85"));
        var fields = form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var saved = await CunzhiFactory.PostFormAsync(countyPages, "/Pay/Settings", fields, "Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await CunzhiFactory.Html(saved)).QuerySelector("[data-testid=errors]")?.TextContent);
        (await CunzhiFactory.PostFormAsync(countyPages, "/Pay/Settings", [], "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var settings = await f.WithSystemDb(db => db.Set<PaySettings>().SingleAsync(x => x.CountyCode == Demo.BareCounty));
        (settings.Version, settings.IsPublished, settings.ChiefBaseFen, settings.Coefficients).ShouldBe((1, true, 3_000_00L, PaySettings.DefaultCoefficients));

        var run = await Compute(town, today.Year, today.Month);
        (await Lines(run.Id)).ShouldContain(l => l.CadreId == cadre);
        run.Warnings.ShouldContain(w => w.Contains("晋升办法"), "no rank policy yet: the allowance step is the default, with a warning");
    }

    /// <summary>Runs, lines and the month's summary audit entries of the county, after a computation.</summary>
    private Task<(List<string> Runs, List<string> Lines, List<string> Events)> CountySnapshot(int year, int month, DateTime since) => f.WithSystemDb(async db =>
    {
        var runs = await db.Set<PayrollRun>().AsNoTracking().Where(r => r.Year == year && r.Month == month && r.RegionCode.StartsWith("360922")).OrderBy(r => r.RegionCode).ToListAsync();
        var ids = runs.Select(r => r.Id).ToList();
        var lines = await db.Set<PayLine>().AsNoTracking().Where(l => ids.Contains(l.RunId)).OrderBy(l => l.Id).ToListAsync();
        var key = $"/{year}-{month:00}";
        var events = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "PayrollComputed" && a.EntityKey.EndsWith(key) && a.AtUtc >= since).ToListAsync();
        return (runs.Select(r => $"{r.Id}|{r.RegionCode}|{r.LineCount}|{r.TotalFen}|{r.MissingScores}|{r.SettingsVersion}|{r.RankPolicyVersion}|{r.AllowanceStepFen}|{r.Warnings}").ToList(),
            lines.Select(l => $"{l.RunId}|{l.Fingerprint()}").ToList(),
            events.Select(e => $"{e.EntityKey}|{e.RegionCode}|{e.After}").Order(StringComparer.Ordinal).ToList());
    });

    private async Task<ComputeAllResult> ComputeCounty(int year, int month, int townsPerSlice)
    {
        await using var scope = f.SystemScope(out _);
        return await scope.ServiceProvider.GetRequiredService<PayrollCompute>().ComputeAllAsync(Demo.County, year, month, townsPerSlice: townsPerSlice);
    }

    [Fact]
    public async Task A_county_computed_in_slices_of_towns_equals_the_county_computed_in_one_slice()
    {
        // A cadre who moved in the month from a village of 鹅峰乡 to 闹坪村 (三兴镇): the posts lie in two towns, and so
        // in two slices when a slice holds one town; the cadre is paid for both, as in one slice.
        var (year, month) = (2022, 2);
        var mover = await NewCadre("committee-member", "2018-01-01");
        await f.WithSystemDb(async db =>
        {
            var efengVillage = await db.Regions.Where(r => r.Level == Domain.Regions.RegionLevel.Village && r.Code.StartsWith("360922200")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            var post = await db.CadrePosts.SingleAsync(p => p.CadreId == mover);
            post.StartDate = new DateOnly(year, month, 15);
            db.Add(new CadrePost { CadreId = mover, RegionCode = efengVillage, PostCode = "committee-member", StartDate = new DateOnly(2018, 1, 1), EndDate = new DateOnly(year, month, 14) });
            return await db.SaveChangesAsync();
        });
        await Score(year, month, 0.9m);

        var since = DateTime.UtcNow.AddMinutes(-1);
        var whole = await ComputeCounty(year, month, townsPerSlice: 10_000);
        var one = await CountySnapshot(year, month, since);
        var towns = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.Level == Domain.Regions.RegionLevel.Town && r.Code.StartsWith("360922")));
        (whole.Towns, whole.Computed, whole.Skipped.Count).ShouldBe((towns, towns, 0));
        whole.Lines.ShouldBeGreaterThan(towns);
        var moved = (await f.WithSystemDb(db => db.Set<PayLine>().AsNoTracking().Where(l => l.CadreId == mover && l.Kind == PayLineKind.Regular).ToListAsync())).ShouldHaveSingleItem();
        (moved.Days, moved.DaysInMonth).ShouldBe((28, 28));
        moved.Explanation.ShouldContain("× 14/28 天");

        foreach (var size in new[] { 1, 2, 7 })
        {
            var before = DateTime.UtcNow;
            var sliced = await ComputeCounty(year, month, townsPerSlice: size);
            (sliced.Towns, sliced.Computed, sliced.Lines, sliced.TotalFen, sliced.MissingScores, sliced.Skipped.Count)
                .ShouldBe((whole.Towns, whole.Computed, whole.Lines, whole.TotalFen, whole.MissingScores, 0), $"{size} towns a slice");
            var again = await CountySnapshot(year, month, before);
            again.Runs.ShouldBe(one.Runs, $"{size} towns a slice");
            again.Lines.Select(l => l[(l.IndexOf('|') + 1)..]).ShouldBe(one.Lines.Select(l => l[(l.IndexOf('|') + 1)..]), $"{size} towns a slice");
            again.Events.ShouldBe(one.Events, $"{size} towns a slice");
        }
    }

    [Fact]
    public async Task The_demo_county_has_an_approved_run_for_last_month_in_sanxing()
    {
        var last = China.Today.AddMonths(-1);
        var runs = (await (await f.ApiAs("county.admin")).GetFromJsonAsync<Features.Paged<RunSummary>>($"/api/v1/pay/runs?year={last.Year}&month={last.Month}", CunzhiFactory.Json))!;
        var run = runs.Items.Single(r => r.Town == Demo.Sanxing);
        run.State.ShouldBe(PayrollState.Approved);
        run.LineCount.ShouldBeGreaterThan(0);
    }
}

public sealed class PayrollTests_Sqlite(SqliteFactory f) : PayrollTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PayrollTests_Postgres(PostgresFactory f) : PayrollTests<PostgresFactory>(f);
