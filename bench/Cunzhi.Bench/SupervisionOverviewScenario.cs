using System.Net;
using Cunzhi.Data;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The year the overview is read for.</summary>
    private const int OverviewYear = 2026;
    private const string OverviewCounty = "360922000000";
    /// <summary>The accounts the page is read as, and the short name of each in the results.</summary>
    private static readonly (string Account, string Key)[] OverviewReaders = [("county.admin", "county"), ("discipline", "discipline"), ("town.sanxing", "town")];
    /// <summary>Server setting that switches the per-village dues cache off (the "before" of issue #21), see DisclosureDuesCache.</summary>
    private const string OverviewCacheSetting = "Disclosure:DuesCache";

    /// <summary>
    /// 监督总览 (issue #21): GET /Supervision/Overview?period=2026 signed in (real cookie) as county.admin (村务公开 and
    /// 发现问题 of 18 towns), discipline (the same and 信访举报) and town.sanxing (its villages), under a light concurrent
    /// load (a quarter of the connections, one thread: a report page, not a list). Before the server starts (untimed)
    /// every village of the county gets a year of 村务公开 postings judged by the published catalogue (most on time, some
    /// late, some never posted, a few 随时 occurrences, a busy-finance spell in every tenth village so its F01 is monthly),
    /// complaints in every state and findings in every state. Each reader is measured first on a server with the dues
    /// cache switched off (<c>-uncached</c>, the computation on every request as before) and then with it on, on the same
    /// data in the same sitting.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> SupervisionOverviewAsync(RunSpec spec)
    {
        var seeded = await SeedOverviewAsync(spec);
        var path = $"/Supervision/Overview?period={OverviewYear}";
        var results = new List<RunResult>();
        foreach (var (suffix, cache) in new[] { ("-uncached", "false"), ("", "true") })
        {
            await using var server = await ServerProcess.StartAsync(spec.Database, new Dictionary<string, string?> { [OverviewCacheSetting] = cache });
            foreach (var (account, key) in OverviewReaders)
            {
                var cookie = "Cookie: " + await SignInCookieAsync(server.BaseUrl, account);
                await CheckOverviewAsync(server.BaseUrl + path, cookie, account);
                var s = spec with { Scenario = $"supervision-overview-{key}{suffix}", HttpConnections = Math.Max(1, spec.HttpConnections / 4), HttpThreads = 1 };
                var wrk = !spec.Smoke && Which("wrk") is not null;
                await LoadAsync(wrk, server.BaseUrl + path, cookie, spec.HttpWarmupSeconds, s);
                for (var run = 1; run <= spec.HttpRuns; run++)
                {
                    var load = Memory.LoadAverage();
                    var m = await LoadAsync(wrk, server.BaseUrl + path, cookie, spec.HttpSeconds, s);
                    foreach (var (k, v) in seeded) m[k] = v;
                    results.Add(Result(s with { Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                        (wrk ? $"wrk -t1 -c{s.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {s.HttpConnections} concurrent, {spec.HttpSeconds}s")
                        + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path} as {account} (cookie), dues cache {(cache == "true" ? "on" : "off")};"
                        + $" {seeded["postings"]} postings, {seeded["complaints"]} complaints, {seeded["findings"]} findings over {seeded["villages"]} villages"));
                    if (m["errors"] > 0) throw new InvalidOperationException($"{path}（{account}）有 {m["errors"]} 个错误响应");
                }
                await CheckOverviewAsync(server.BaseUrl + path, cookie, account);
            }
        }
        return results;
    }

    /// <summary>The page must answer 200 with the overview's table (a redirect to the login page or a 403 would count as a fast answer).</summary>
    private static async Task CheckOverviewAsync(string url, string cookie, string account)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Cookie", cookie["Cookie: ".Length..]);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}（{account}）返回 {response.StatusCode}");
        if (!body.Contains("data-testid=\"period\"")) throw new InvalidOperationException($"{url}（{account}）不像监督总览页");
    }

    /// <summary>
    /// Writes the year's postings, spells, complaints and findings of every village of 万载县 (nothing when already written);
    /// returns what there is.
    /// </summary>
    private static async Task<Dictionary<string, double>> SeedOverviewAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(now, "Asia/Shanghai"));
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("360922")).OrderBy(r => r.Code)
            .Select(r => r.Code).ToListAsync();
        var versions = await db.Set<DisclosurePolicy>().Where(p => p.CountyCode == OverviewCounty).ToListAsync();
        if (versions.Count == 0)
        {
            var policy = DisclosurePolicy.Default(OverviewCounty);
            (policy.Version, policy.EffectiveFrom, policy.IsPublished, policy.PublishedBy, policy.PublishedAtUtc, policy.RowVersion) =
                (1, new DateOnly(OverviewYear - 1, 1, 1), true, "system", now, 1);
            db.Add(policy);
            versions = [policy];
        }
        var from = new DateOnly(OverviewYear, 1, 1);
        var to = new DateOnly(OverviewYear, 12, 31);
        if (!await db.Set<VillageDisclosure>().AnyAsync(d => d.PostedBy == "bench"))
        {
            var calendar = new WorkingCalendar((await db.Set<CalendarDay>().AsNoTracking().Where(d => d.RegionCode == OverviewCounty).ToListAsync())
                .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
            var published = versions.Where(v => v.IsPublished).ToList();
            var immediate = published[^1].Items.Where(i => i.Frequency == DisclosureFrequency.Immediate).ToList();
            var n = 0;
            // Earlier scenarios on the same data (the smoke run: `portal` seeds 闹坪村's demo disclosures) may hold postings and
            // spells already; one posting per village, item, period and occurrence and no overlapping spells are database rules.
            var taken = (await db.Set<VillageDisclosure>().AsNoTracking().Where(d => d.WithdrawnAtUtc == null)
                .Select(d => new { d.RegionCode, d.ItemCode, d.PeriodStart, d.OccurrenceKey }).ToListAsync())
                .Select(d => (d.RegionCode, d.ItemCode, d.PeriodStart, d.OccurrenceKey)).ToHashSet();
            var spelled = (await db.Set<VillageFinanceSpell>().AsNoTracking().Select(s => s.RegionCode).Distinct().ToListAsync()).ToHashSet();
            bool Add(VillageDisclosure posting)
            {
                if (!taken.Add((posting.RegionCode, posting.ItemCode, posting.PeriodStart, posting.OccurrenceKey))) return false;
                db.Add(posting);
                return true;
            }
            foreach (var (village, vi) in villages.Select((v, i) => (v, i)))
            {
                List<FrequentFinanceSpell> spells = [];
                if (vi % 10 == 0 && !spelled.Contains(village))
                {
                    db.Add(new VillageFinanceSpell { RegionCode = village, From = new DateOnly(OverviewYear, 4, 1), Until = new DateOnly(OverviewYear, 9, 30), RowVersion = 1 });
                    spells.Add(new(new DateOnly(OverviewYear, 4, 1), new DateOnly(OverviewYear, 9, 30)));
                }
                // Two 随时 occurrences a village: one posted in time, one recorded and (every other village) never posted.
                var occurrences = new List<DisclosureOccurrence>();
                for (var k = 0; k < 2 && immediate.Count > 0; k++)
                {
                    var item = immediate[(vi + k) % immediate.Count];
                    var on = from.AddDays((vi * 7 + k * 120) % 300);
                    if (on >= today) continue;
                    var title = $"基准事项 {vi}-{k}";
                    if (k == 1)
                        db.Add(new RecordedOccurrence { RegionCode = village, ItemCode = item.Code, On = on, Title = title, RecordedBy = "bench", RecordedAtUtc = now });
                    if (k == 1 && vi % 2 == 1) continue;
                    if (!Add(Posting(village, item, published[^1].Version, DisclosureFrequency.Immediate, on, on, title, calendar.AddWorkingDays(on, 2)))) continue;
                    occurrences.Add(new(title, item.Code, on));
                    n++;
                }
                foreach (var (due, di) in DisclosureRules.Calendar(published, calendar, spells, [], [], from, to, today).Select((d, i) => (d, i)))
                {
                    if (due.Period.End >= today) continue;
                    var roll = (vi * 31 + di * 7) % 20;
                    DateOnly? on = roll < 14 ? Min(due.Period.End.AddDays(3), due.DueOn) : roll < 17 ? due.DueOn.AddDays(6) : null;
                    if (on is not { } day || day > today) continue;
                    if (Add(Posting(village, due.Item, published[^1].Version, due.Period.Frequency, due.Period.Start, due.Period.End, $"{due.Period.Label}{due.Item.Name}", day))) n++;
                }
            }

            // Complaints: four a village, in every state, filed over the year.
            var states = new[] { ComplaintState.Received, ComplaintState.Accepted, ComplaintState.Investigating, ComplaintState.Refused, ComplaintState.Concluded, ComplaintState.Concluded, ComplaintState.Concluded };
            var outcomes = new[] { ComplaintOutcome.Verified, ComplaintOutcome.PartlyVerified, ComplaintOutcome.Unfounded };
            var c = 0;
            foreach (var (village, vi) in villages.Select((v, i) => (v, i)))
                for (var k = 0; k < 4; k++, c++)
                {
                    var state = states[c % states.Length];
                    var filed = Min(from.AddDays((c * 13) % 330), today);
                    var decided = state == ComplaintState.Received ? (DateOnly?)null : Min(filed.AddDays(3), today);
                    db.Add(new Complaint
                    {
                        RegionCode = village, Category = ComplaintCategory.WorkStyle, Subject = "基准测试举报事项", Anonymous = true, ReceiptHash = $"bench-{village}-{k}",
                        State = state, FiledOn = filed, FiledAtUtc = now, DecidedOn = decided, RefusalReason = state == ComplaintState.Refused ? "不属于受理范围" : null,
                        Outcome = state == ComplaintState.Concluded ? outcomes[c % outcomes.Length] : null,
                        ConcludedOn = state == ComplaintState.Concluded ? Min(filed.AddDays(30), today) : null, RowVersion = 1,
                    });
                }

            // Findings: three a village, in every state, deadlines over the year (some past), from one tour a town.
            var tours = villages.GroupBy(v => v[..9] + "000").Select(g => new InspectionTour
            {
                RegionCode = g.Key, Name = "基准测试巡察", Villages = string.Join(',', g.Take(InspectionTour.MaxVillages)), From = from, To = from.AddDays(30),
                Team = "基准测试组", RecordedBy = "bench", RecordedAtUtc = now, RowVersion = 1,
            }).ToList();
            db.AddRange(tours);
            await db.SaveChangesAsync();
            var fstates = new[] { FindingState.Open, FindingState.Rectifying, FindingState.Rectified, FindingState.Closed };
            var f = 0;
            foreach (var village in villages)
                for (var k = 0; k < 3; k++, f++)
                {
                    var state = fstates[f % fstates.Length];
                    db.Add(new SupervisionFinding
                    {
                        RegionCode = village, TourId = tours.First(t => t.Covers(village) || t.RegionCode == village[..9] + "000").Id, Source = "巡察：基准测试", Text = "基准测试发现问题", Category = FindingCategory.Finance, Severity = FindingSeverity.Minor,
                        Remedy = "限期整改", Deadline = from.AddDays((f * 11) % 360), State = state, RecordedBy = "bench", RecordedAtUtc = now, RowVersion = 1,
                        RectifiedOn = state >= FindingState.Rectified ? today : null, RectifiedBy = state >= FindingState.Rectified ? "bench" : null,
                        ClosedOn = state == FindingState.Closed ? today : null, ClosedBy = state == FindingState.Closed ? "bench" : null,
                    });
                }
            db.RecordEvent(Data.Auditing.AuditActions.Seed, "SupervisionOverviewBench", OverviewCounty, OverviewCounty, $"{{\"Postings\":{n},\"Complaints\":{c},\"Findings\":{f}}}");
            await db.SaveChangesAsync();
        }
        return new()
        {
            ["villages"] = villages.Count,
            ["postings"] = await db.Set<VillageDisclosure>().LongCountAsync(),
            ["complaints"] = await db.Set<Complaint>().LongCountAsync(),
            ["findings"] = await db.Set<SupervisionFinding>().LongCountAsync(),
        };

        static VillageDisclosure Posting(string village, DisclosureItem item, int version, DisclosureFrequency frequency, DateOnly start, DateOnly end, string title, DateOnly on) => new()
        {
            RegionCode = village, ItemCode = item.Code, ItemName = item.Name, Category = item.Category, PolicyVersion = version, PeriodStart = start, PeriodEnd = end,
            Frequency = frequency, OccurrenceKey = frequency == DisclosureFrequency.Immediate ? title : "", Title = title, Body = "基准测试公开内容。", PostedOn = on,
            PostedBy = "bench", PostedAtUtc = DateTime.UtcNow, RowVersion = 1,
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
