using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Domain.Assessment;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 双述双评: the county opens windows, the town issues codes, anonymous voters cast one ballot per code, results after close —
/// and no stored row or audit entry pairs a code with its choices. Each test uses its own year (one window per village and year).
/// </summary>
public abstract class PublicEvaluationTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static string Local(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss");

    /// <summary>Opens a window (not yet open), enters a report, issues codes, and (optionally) starts it now.</summary>
    private async Task<(long Id, List<string> Codes, WindowView View)> Arrange(int year, int codes, bool start = true, string village = Demo.Naoping)
    {
        var county = await f.ApiAs("county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new
        {
            regions = new[] { village }, year, opensAt = Local(China.Now.AddHours(2)), closesAt = Local(China.Now.AddDays(2)),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var id = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.ShouldHaveSingleItem();
        var town = await f.ApiAs(village.StartsWith("360922106") ? "town.sanxing" : "town.efeng");
        var issued = codes == 0 ? [] : (await (await town.PostAsJsonAsync($"/api/v1/evaluations/windows/{id}/codes", new { count = codes }))
            .Content.ReadFromJsonAsync<IssuedCodes>(CunzhiFactory.Json))!.Codes.Select(c => c.Code).ToList();
        issued.Count.ShouldBe(codes);
        if (start) (await county.PostAsync($"/api/v1/evaluations/windows/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await county.GetFromJsonAsync<WindowView>($"/api/v1/evaluations/windows/{id}", CunzhiFactory.Json))!;
        return (id, issued, view);
    }

    private static object Ballot(string code, WindowView w, Func<int, BallotChoice> choice) =>
        new { code, answers = w.Reports.Select((r, i) => new { cadreId = r.CadreId, choice = choice(i).ToString() }) };

    private static async Task<(HttpStatusCode Status, string Body)> Cast(HttpClient anon, object ballot)
    {
        var r = await anon.PostAsJsonAsync("/api/v1/evaluations/ballot", ballot);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Codes_cast_one_ballot_each_through_to_the_results_after_close()
    {
        var (id, codes, w) = await Arrange(2031, 4, start: false);
        w.Reports.Count.ShouldBeGreaterThan(1);
        w.Reports.ShouldAllBe(r => r.Text == "");
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        var anon = f.Anonymous();
        (await town.PutAsJsonAsync($"/api/v1/evaluations/windows/{id}/reports/{w.Reports[0].CadreId}", new { text = "一年来，带领村两委完成了道路硬化。" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await f.ApiAs("village.naoping")).PutAsJsonAsync($"/api/v1/evaluations/windows/{id}/reports/{w.Reports[1].CadreId}", new { text = "分管妇女和计生工作。" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var early = await Cast(anon, Ballot(codes[0], w, _ => BallotChoice.Satisfied));
        (early.Status, early.Body.Contains("评议尚未开始")).ShouldBe((HttpStatusCode.Conflict, true), early.Body);
        (await county.GetAsync($"/api/v1/evaluations/windows/{id}/results")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await county.PostAsync($"/api/v1/evaluations/windows/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var sheet = await anon.PostAsJsonAsync("/api/v1/evaluations/ballot/open", new { code = codes[0].ToLowerInvariant().Replace("-", " ") });
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK, await sheet.Content.ReadAsStringAsync());
        var s = (await sheet.Content.ReadFromJsonAsync<BallotSheet>(CunzhiFactory.Json))!;
        (s.VillageName, s.TownName, s.Year).ShouldBe(("闹坪村", "三兴镇", 2031));
        s.Cadres.Select(c => c.CadreId).ShouldBe(w.Reports.Select(r => r.CadreId));
        s.Cadres[0].Report.ShouldBe("一年来，带领村两委完成了道路硬化。");

        var incomplete = await Cast(anon, new { code = codes[0], answers = new[] { new { cadreId = w.Reports[0].CadreId, choice = "Satisfied" } } });
        (incomplete.Status, incomplete.Body.Contains($"请对{w.Reports[1].CadreName}作出评价")).ShouldBe((HttpStatusCode.BadRequest, true), incomplete.Body);
        (await Cast(anon, Ballot(codes[0], w, i => i == 0 ? BallotChoice.Satisfied : BallotChoice.Dissatisfied))).Status.ShouldBe(HttpStatusCode.OK);
        (await Cast(anon, Ballot(codes[1], w, i => i == 0 ? BallotChoice.BasicallySatisfied : BallotChoice.Dissatisfied))).Status.ShouldBe(HttpStatusCode.OK);
        (await Cast(anon, Ballot(codes[2], w, _ => BallotChoice.Dissatisfied))).Status.ShouldBe(HttpStatusCode.OK);

        var reused = await Cast(anon, Ballot(codes[0], w, _ => BallotChoice.Satisfied));
        (reused.Status, reused.Body.Contains("该票码已经投过票")).ShouldBe((HttpStatusCode.Conflict, true), reused.Body);
        var wrong = await Cast(anon, Ballot("2345-6789-ABCD", w, _ => BallotChoice.Satisfied));
        (wrong.Status, wrong.Body.Contains("票码无效")).ShouldBe((HttpStatusCode.NotFound, true), wrong.Body);
        var typo = await Cast(anon, Ballot("K7M2-PQ9X-4HT0", w, _ => BallotChoice.Satisfied));
        (typo.Status, typo.Body.Contains("票码中没有数字 0")).ShouldBe((HttpStatusCode.BadRequest, true), typo.Body);

        // Frozen once voting opened.
        (await town.PutAsJsonAsync($"/api/v1/evaluations/windows/{id}/reports/{w.Reports[0].CadreId}", new { text = "改写" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await town.PostAsJsonAsync($"/api/v1/evaluations/windows/{id}/codes", new { count = 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await town.DeleteAsync($"/api/v1/evaluations/windows/{id}/codes")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await county.GetAsync($"/api/v1/evaluations/windows/{id}/results")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await county.PostAsync($"/api/v1/evaluations/windows/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await Cast(anon, Ballot(codes[3], w, _ => BallotChoice.Satisfied));
        (late.Status, late.Body.Contains("评议已经结束")).ShouldBe((HttpStatusCode.Conflict, true), late.Body);

        var results = (await town.GetFromJsonAsync<WindowResults>($"/api/v1/evaluations/windows/{id}/results", CunzhiFactory.Json))!;
        results.Window.State.ShouldBe(WindowState.Closed);
        var first = results.Rows.Single(r => r.CadreId == w.Reports[0].CadreId);
        (first.Satisfied, first.BasicallySatisfied, first.Dissatisfied, first.ValidBallots, first.CodesIssued, first.CodesUsed).ShouldBe((1, 1, 1, 3, 4, 3));
        first.SatisfactionRate!.Value.ShouldBe(2m / 3m, 0.0001m);
        first.Turnout.ShouldBe(0.75m);
        var second = results.Rows.Single(r => r.CadreId == w.Reports[1].CadreId);
        (second.Satisfied, second.BasicallySatisfied, second.Dissatisfied, second.SatisfactionRate).ShouldBe((0, 0, 3, 0m));

        // The contract the annual review reads.
        var stored = await f.WithSystemDb(db => db.Set<PublicEvaluationResult>().Where(r => r.WindowId == id).ToListAsync());
        stored.Count.ShouldBe(w.Reports.Count);
        stored.ShouldAllBe(r => r.Year == 2031 && r.RegionCode == Demo.Naoping && r.CodesIssued == 4 && r.CodesUsed == 3 && r.ValidBallots == 3);
        (await county.PostAsync($"/api/v1/evaluations/windows/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Set<PublicEvaluationResult>().CountAsync(r => r.WindowId == id))).ShouldBe(w.Reports.Count); // closing twice writes once
    }

    [Fact]
    public async Task Nothing_stored_or_audited_pairs_a_code_with_the_choices_it_cast()
    {
        // Schema: the ballot side has no column naming a code, no timestamp, no generated key; the code side no timestamp.
        await using (var scope = f.SystemScope(out var db))
        {
            var tally = db.Model.FindEntityType(typeof(BallotTally))!;
            var code = db.Model.FindEntityType(typeof(BallotCode))!;
            tally.GetProperties().Select(p => p.Name).Order().ShouldBe(["CadreId", "Choice", "Count", "RegionCode", "WindowId"]);
            tally.GetForeignKeys().ShouldNotContain(k => k.PrincipalEntityType == code);
            tally.FindPrimaryKey()!.Properties.Select(p => p.Name).ShouldBe(["WindowId", "CadreId", "Choice"]);
            tally.GetProperties().ShouldAllBe(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
            code.GetProperties().Select(p => p.Name).Order().ShouldBe(["Hash", "Id", "RegionCode", "Used", "Voided", "WindowId"]);
            foreach (var t in new[] { tally, code })
                t.GetProperties().ShouldNotContain(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset) || p.IsConcurrencyToken);
            db.Model.GetEntityTypes().Where(e => e != code).SelectMany(e => e.GetForeignKeys()).ShouldNotContain(k => k.PrincipalEntityType == code);
        }

        var (id, codes, w) = await Arrange(2032, 5);
        var anon = f.Anonymous();
        var choices = new[] { BallotChoice.Satisfied, BallotChoice.Dissatisfied, BallotChoice.BasicallySatisfied, BallotChoice.Satisfied };
        for (var i = 0; i < choices.Length; i++)
            (await Cast(anon, Ballot(codes[i], w, _ => choices[i]))).Status.ShouldBe(HttpStatusCode.OK);

        await using (var scope = f.SystemScope(out var db))
        {
            var key = id.ToString();
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == key || a.Entity == nameof(BallotCode) || a.Entity == nameof(BallotTally)).ToListAsync();
            entries.ShouldNotContain(a => a.Entity == nameof(BallotCode) || a.Entity == nameof(BallotTally));
            var cast = entries.Where(a => a.Action == "BallotCast").ToList();
            cast.Count.ShouldBe(4);
            cast.ShouldAllBe(a => a.Entity == nameof(EvaluationWindow) && a.Before == null && a.After == null && a.UserName == "anonymous");
            // No entry anywhere in the log carries a code, its hash, or a choice name.
            var hashes = await db.Set<BallotCode>().Where(c => c.WindowId == id).Select(c => c.Hash).ToListAsync();
            var log = string.Join("\n", await db.AuditEntries.AsNoTracking().Select(a => a.EntityKey + a.Before + a.After).ToListAsync());
            foreach (var secret in hashes.Concat(codes).Concat(codes.Select(c => c.Replace("-", ""))))
                log.ShouldNotContain(secret);
            // Choices appear only in the closing totals (PublicEvaluationResult rows of closed windows), never beside a ballot;
            // the rank policy names 满意度 in its thresholds and veto reasons, which is no ballot.
            var rest = string.Join("\n", await db.AuditEntries.AsNoTracking().Where(a => a.Entity != nameof(PublicEvaluationResult) && a.Entity != "RankPolicy").Select(a => a.Before + a.After).ToListAsync());
            rest.ShouldNotContain("Satisfied");
            rest.ShouldNotContain("满意");

            // The code side says only used or not; the tally only totals.
            (await db.Set<BallotCode>().CountAsync(c => c.WindowId == id && c.Used)).ShouldBe(4);
            var totals = await db.Set<BallotTally>().Where(t => t.WindowId == id).ToListAsync();
            totals.Count.ShouldBe(3 * w.Reports.Count);
            totals.Where(t => t.Choice == BallotChoice.Satisfied).ShouldAllBe(t => t.Count == 2);
            totals.Where(t => t.Choice == BallotChoice.Dissatisfied).ShouldAllBe(t => t.Count == 1);
            // The codes themselves are not in the database: only keyed hashes that do not equal a plain hash of the code.
            hashes.ShouldNotContain(h => codes.Any(c => h.Contains(c.Replace("-", ""))));
            var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(codes[0].Replace("-", ""))));
            hashes.ShouldNotContain(plain);

            if (db.Database.ProviderName!.Contains("Npgsql"))
            {
                // Every vote rewrites every counter of the window: the row versions (xmin) cannot tell which counter a ballot raised.
                var versions = await db.Database.SqlQuery<string>($"""SELECT DISTINCT xmin::text AS "Value" FROM "BallotTally" WHERE "WindowId" = {id}""").ToListAsync();
                versions.Count.ShouldBe(1);
                // Nor do the code rows' versions tell when each code voted.
                var codeVersions = await db.Database.SqlQuery<string>($"""SELECT DISTINCT xmin::text AS "Value" FROM "BallotCode" WHERE "WindowId" = {id}""").ToListAsync();
                codeVersions.ShouldBe(versions);
            }
        }
    }

    [Fact]
    public async Task The_same_code_sent_at_the_same_moment_counts_once()
    {
        var (id, codes, w) = await Arrange(2033, 4);
        var attempts = codes.SelectMany(c => Enumerable.Range(0, 3).Select(i => (Code: c, Choice: (BallotChoice)(i + 1)))).ToList();
        var results = await Task.WhenAll(attempts.Select(async a =>
        {
            var r = await f.Anonymous().PostAsJsonAsync("/api/v1/evaluations/ballot", Ballot(a.Code, w, _ => a.Choice));
            return (a.Code, r.StatusCode, Body: await r.Content.ReadAsStringAsync());
        }));
        foreach (var g in results.GroupBy(r => r.Code))
        {
            g.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(" | ", g.Select(r => $"{r.StatusCode} {r.Body}")));
            g.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict && r.Body.Contains("该票码已经投过票"));
        }
        await using var scope = f.SystemScope(out var db);
        (await db.Set<EvaluationWindow>().Where(x => x.Id == id).Select(x => x.BallotsCast).SingleAsync()).ShouldBe(4);
        (await db.Set<BallotCode>().CountAsync(c => c.WindowId == id && c.Used)).ShouldBe(4);
        foreach (var r in w.Reports)
            (await db.Set<BallotTally>().Where(t => t.WindowId == id && t.CadreId == r.CadreId).SumAsync(t => t.Count)).ShouldBe(4);
    }

    [Fact]
    public async Task Code_rows_are_stored_in_an_order_unrelated_to_the_printed_sheet()
    {
        // Rows in print order would give ids in print order, and a Used flag would then say which slip voted.
        var (id, printed, _) = await Arrange(2041, 50, start: false);
        await using var scope = f.SystemScope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var printPosition = printed.Select((code, i) => (Hash: protector.BallotCodeHash(BallotCodeFormat.Normalize(code).Code!), i))
            .ToDictionary(x => x.Hash, x => x.i);
        var stored = await db.Set<BallotCode>().AsNoTracking().Where(c => c.WindowId == id).OrderBy(c => c.Id).Select(c => c.Hash).ToListAsync();
        stored.Count.ShouldBe(50);
        var positions = stored.Select(h => printPosition[h]).ToList();
        // A uniform shuffle of 50 is in print order (or reverse) with probability 2/50!; also ask for real disorder:
        // at least 10 of the 49 neighbours out of order (a shuffle averages 24.5).
        var descents = positions.Zip(positions.Skip(1)).Count(p => p.Second < p.First);
        descents.ShouldBeGreaterThanOrEqualTo(10, $"存储顺序与打印顺序一致：{string.Join(",", positions)}");
        descents.ShouldBeLessThanOrEqualTo(39, $"存储顺序为打印顺序的倒序：{string.Join(",", positions)}");
    }

    [Fact]
    public async Task Codes_can_be_replaced_only_before_opening_leaving_the_voided_ones_refused()
    {
        var (id, first, w) = await Arrange(2034, 3, start: false);
        var town = await f.ApiAs("town.sanxing");
        var voided = await town.DeleteAsync($"/api/v1/evaluations/windows/{id}/codes");
        (await voided.Content.ReadFromJsonAsync<VoidedCodes>(CunzhiFactory.Json))!.Voided.ShouldBe(3);
        var again = (await (await town.PostAsJsonAsync($"/api/v1/evaluations/windows/{id}/codes", new { count = 2 })).Content.ReadFromJsonAsync<IssuedCodes>(CunzhiFactory.Json))!;
        again.Codes.Count.ShouldBe(2);
        again.Codes.ShouldAllBe(c => c.Url.EndsWith("/Vote#" + c.Code) && c.Code.Length == 14);
        (await town.PostAsJsonAsync($"/api/v1/evaluations/windows/{id}/codes", new { count = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var county = await f.ApiAs("county.admin");
        (await county.PostAsync($"/api/v1/evaluations/windows/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await county.GetFromJsonAsync<WindowView>($"/api/v1/evaluations/windows/{id}", CunzhiFactory.Json))!;
        (view.CodesIssued, view.CodesUsed, view.State).ShouldBe((2, 0, WindowState.Open));
        var anon = f.Anonymous();
        var old = await Cast(anon, Ballot(first[0], w, _ => BallotChoice.Satisfied));
        (old.Status, old.Body.Contains("该票码已作废")).ShouldBe((HttpStatusCode.Conflict, true), old.Body);
        (await Cast(anon, Ballot(again.Codes[0].Code, w, _ => BallotChoice.Satisfied))).Status.ShouldBe(HttpStatusCode.OK);
        (await county.PostAsync($"/api/v1/evaluations/windows/{id}/open", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_window_past_its_closing_time_closes_with_its_results_on_the_next_read()
    {
        var (id, codes, w) = await Arrange(2035, 2);
        (await Cast(f.Anonymous(), Ballot(codes[0], w, _ => BallotChoice.Satisfied))).Status.ShouldBe(HttpStatusCode.OK);
        await f.WithSystemDb(db => db.Set<EvaluationWindow>().Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesAtUtc, DateTime.UtcNow.AddSeconds(-1))));
        var late = await Cast(f.Anonymous(), Ballot(codes[1], w, _ => BallotChoice.Satisfied));
        (late.Status, late.Body.Contains("评议已经结束")).ShouldBe((HttpStatusCode.Conflict, true), late.Body);
        var list = (await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<Features.Paged<WindowRow>>("/api/v1/evaluations/windows?year=2035", CunzhiFactory.Json))!;
        list.Items.Single(x => x.Id == id).State.ShouldBe(WindowState.Closed);
        var results = await f.WithSystemDb(db => db.Set<PublicEvaluationResult>().Where(r => r.WindowId == id).ToListAsync());
        results.Count.ShouldBe(w.Reports.Count);
        results.ShouldAllBe(r => r.Satisfied == 1 && r.CodesIssued == 2 && r.CodesUsed == 1 && r.Turnout == 0.5m);
    }

    [Fact]
    public async Task Every_endpoint_answers_only_its_roles()
    {
        const long none = 999_999_999;
        var matrix = new (string Method, string Url, object? Body, string[] Allowed)[]
        {
            ("GET", "/api/v1/evaluations/windows", null, ["county.admin", "town.sanxing", "town.efeng", "village.naoping", "discipline"]),
            ("POST", "/api/v1/evaluations/windows", new { regions = Array.Empty<string>(), year = 2040 }, ["county.admin"]),
            ("GET", $"/api/v1/evaluations/windows/{none}", null, ["county.admin", "town.sanxing", "town.efeng", "village.naoping", "discipline"]),
            ("PUT", $"/api/v1/evaluations/windows/{none}/reports/1", new { text = "x" }, ["town.sanxing", "town.efeng", "village.naoping"]),
            ("POST", $"/api/v1/evaluations/windows/{none}/open", null, ["county.admin"]),
            ("POST", $"/api/v1/evaluations/windows/{none}/close", null, ["county.admin"]),
            ("POST", $"/api/v1/evaluations/windows/{none}/codes", new { count = 1 }, ["town.sanxing", "town.efeng"]),
            ("DELETE", $"/api/v1/evaluations/windows/{none}/codes", null, ["town.sanxing", "town.efeng"]),
            ("GET", $"/api/v1/evaluations/windows/{none}/results", null, ["county.admin", "town.sanxing", "town.efeng", "discipline"]),
        };
        string[] users = ["county.admin", "coord.office", "dept.agri", "discipline", "town.sanxing", "town.efeng", "village.naoping"];
        var clients = new Dictionary<string, HttpClient>();
        foreach (var u in users) clients[u] = await f.ApiAs(u);
        var anon = f.Anonymous();
        foreach (var (method, url, body, allowed) in matrix)
        {
            HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
            (await anon.SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
            // A page cookie is not an API credential.
            foreach (var u in users)
            {
                var status = (await clients[u].SendAsync(Request())).StatusCode;
                if (allowed.Contains(u)) status.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest], $"{u} {method} {url}");
                else status.ShouldBe(HttpStatusCode.Forbidden, $"{u} {method} {url}");
            }
        }
        // The ballot endpoints are public.
        (await anon.PostAsJsonAsync("/api/v1/evaluations/ballot/open", new { code = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Pages: the list for readers, the opening form for the county, codes for towns, the ballot for anyone.
        foreach (var (u, list, open) in new[] { ("county.admin", true, true), ("town.sanxing", true, false), ("village.naoping", true, false), ("discipline", true, false), ("dept.agri", false, false), ("coord.office", false, false) })
        {
            var pages = await f.PagesAs(u);
            (await pages.GetAsync("/Evaluations")).StatusCode.ShouldBe(list ? HttpStatusCode.OK : HttpStatusCode.Redirect, u);
            (await pages.GetAsync("/Evaluations/Open")).StatusCode.ShouldBe(open ? HttpStatusCode.OK : HttpStatusCode.Redirect, u);
        }
        (await anon.GetAsync("/Evaluations")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anon.GetAsync("/Vote")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_town_reaches_only_its_own_villages_windows()
    {
        var (id, _, w) = await Arrange(2036, 1, start: false);
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetAsync($"/api/v1/evaluations/windows/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PostAsJsonAsync($"/api/v1/evaluations/windows/{id}/codes", new { count = 5 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.DeleteAsync($"/api/v1/evaluations/windows/{id}/codes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.PutAsJsonAsync($"/api/v1/evaluations/windows/{id}/reports/{w.Reports[0].CadreId}", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetAsync($"/api/v1/evaluations/windows/{id}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = (await efeng.GetFromJsonAsync<Features.Paged<WindowRow>>("/api/v1/evaluations/windows?pageSize=200", CunzhiFactory.Json))!;
        list.Items.ShouldNotContain(x => x.Id == id);
        list.Items.ShouldAllBe(x => x.RegionCode.StartsWith("360922200"));
        var pages = await f.PagesAs("town.efeng");
        (await pages.GetAsync($"/Evaluations/Codes/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Evaluations/Detail/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await f.WithSystemDb(db => db.Set<BallotCode>().CountAsync(c => c.WindowId == id && !c.Voided))).ShouldBe(1);
        (await (await f.ApiAs("town.sanxing")).GetAsync($"/api/v1/evaluations/windows/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_village_sees_only_its_own_windows()
    {
        await Arrange(2043, 1, start: false);
        await Arrange(2043, 1, start: false, village: Demo.Dongxi);
        var village = (await (await f.ApiAs("village.naoping")).GetFromJsonAsync<Features.Paged<WindowRow>>("/api/v1/evaluations/windows?pageSize=200", CunzhiFactory.Json))!;
        village.Items.ShouldAllBe(x => x.RegionCode == Demo.Naoping);
    }

    [Fact]
    public async Task Opening_a_window_for_a_town_covers_its_villages_with_cadres_in_office()
    {
        var efeng = await f.ApiAs("town.efeng");
        var county = await f.ApiAs("county.admin");
        var town = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new { regions = new[] { Demo.Efeng }, year = 2036, opensAt = Local(China.Now.AddHours(1)), closesAt = Local(China.Now.AddHours(5)) });
        var opened = (await town.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!;
        opened.Opened.Count.ShouldBeGreaterThan(1);
        var efengList = (await efeng.GetFromJsonAsync<Features.Paged<WindowRow>>("/api/v1/evaluations/windows?year=2036&pageSize=200", CunzhiFactory.Json))!;
        efengList.Items.Select(x => x.Id).Order().ShouldBe(opened.Opened.Order());
    }

    [Fact]
    public async Task A_window_closing_before_it_opens_is_refused()
    {
        var county = await f.ApiAs("county.admin");
        var bad = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new { regions = new[] { Demo.Efeng }, year = 2037, opensAt = Local(China.Now.AddHours(3)), closesAt = Local(China.Now.AddHours(1)) });
        (bad.StatusCode, (await bad.Content.ReadAsStringAsync()).Contains("结束时间必须晚于开始时间")).ShouldBe((HttpStatusCode.Conflict, true));
    }

    [Fact]
    public async Task Guessing_codes_locks_the_address_out()
    {
        var (_, codes, w) = await Arrange(2038, 1);
        var anon = f.Anonymous();
        var guard = f.Services.GetRequiredService<BallotGuard>();
        guard.Reset(); // other tests' wrong codes come from the same test address
        try
        {
            for (var i = 0; i < 10; i++)
                (await anon.PostAsJsonAsync("/api/v1/evaluations/ballot/open", new { code = BallotCodeFormat.Generate(System.Security.Cryptography.RandomNumberGenerator.GetInt32) }))
                    .StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var locked = await Cast(anon, Ballot(codes[0], w, _ => BallotChoice.Satisfied));
            (locked.Status, locked.Body.Contains("输错票码的次数过多")).ShouldBe(((HttpStatusCode)429, true), locked.Body);
            (await f.WithSystemDb(db => db.Set<BallotCode>().CountAsync(c => c.Used && c.WindowId == w.Id))).ShouldBe(0);
        }
        finally
        {
            guard.Reset();
        }
        (await Cast(anon, Ballot(codes[0], w, _ => BallotChoice.Satisfied))).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_phone_casts_a_ballot_through_the_form_with_a_code_printed_on_the_page()
    {
        var county = await f.ApiAs("county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new { regions = new[] { Demo.Naoping }, year = 2039, opensAt = Local(China.Now.AddHours(2)), closesAt = Local(China.Now.AddDays(1)) });
        var id = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.Single();
        var town = await f.PagesAs("town.sanxing");
        var sheet = await CunzhiFactory.PostFormAsync(town, $"/Evaluations/Codes/{id}", new() { ["Count"] = "3" });
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        sheet.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var doc = await CunzhiFactory.Html(sheet);
        var codes = doc.QuerySelectorAll("[data-testid=code]").Select(e => e.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(3);
        doc.QuerySelectorAll("[data-testid=codes] img").Count().ShouldBe(3);
        doc.QuerySelectorAll("[data-testid=codes] img").ShouldAllBe(i => i.GetAttribute("src")!.StartsWith("data:image/png;base64,"));
        // Not shown again: the detail page has counts only.
        var detail = await (await town.GetAsync($"/Evaluations/Detail/{id}")).Content.ReadAsStringAsync();
        detail.ShouldNotContain(codes[0]);

        var countyPages = await f.PagesAs("county.admin");
        (await CunzhiFactory.PostFormAsync(countyPages, $"/Evaluations/Detail/{id}", [], "handler=Open")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var phone = f.Anonymous();
        var ballot = await CunzhiFactory.PostFormAsync(phone, "/Vote", new() { ["Code"] = codes[0] });
        var page = await CunzhiFactory.Html(ballot);
        page.QuerySelector("[data-testid=errors]").ShouldBeNull();
        var form = page.QuerySelector("form[data-testid=ballot]").ShouldNotBeNull();
        var cadres = page.QuerySelectorAll("fieldset[data-cadre]").Select(e => e.GetAttribute("data-cadre")!).ToList();
        cadres.Count.ShouldBeGreaterThan(1);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Code"] = form.QuerySelector("input[name=Code]")!.GetAttribute("value")!,
        };
        // Leave the last cadre out: the ballot comes back with a message and the answers kept.
        foreach (var c in cadres.SkipLast(1)) fields[$"Answers[{c}]"] = "Satisfied";
        var partial = await CunzhiFactory.Html(await phone.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        partial.QuerySelectorAll("[data-testid=errors] li").Select(e => e.TextContent).ShouldHaveSingleItem().ShouldContain("作出评价");
        partial.QuerySelector($"input[name='Answers[{cadres[0]}]'][value=Satisfied]")!.HasAttribute("checked").ShouldBeTrue();
        fields[$"Answers[{cadres[^1]}]"] = "Dissatisfied";
        var done = await CunzhiFactory.Html(await phone.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        done.QuerySelector("[data-testid=cast]").ShouldNotBeNull();
        var reused = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(phone, "/Vote", new() { ["Code"] = codes[0] }));
        reused.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("该票码已经投过票");
        // Without the antiforgery token the form is refused.
        (await f.Anonymous().PostAsync("/Vote?handler=Open", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = codes[1] }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class PublicEvaluationTests_Sqlite(SqliteFactory f) : PublicEvaluationTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PublicEvaluationTests_Postgres(PostgresFactory f) : PublicEvaluationTests<PostgresFactory>(f);
