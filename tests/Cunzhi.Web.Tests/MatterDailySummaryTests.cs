using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 诉求统计 reads the per-village daily summary (<see cref="MatterDailySummary"/>), kept in each matter's save: its report
/// must equal a count straight from the matters and visits, after matters are closed on time and late, reopened and
/// closed again, escalated and sent down, for a county, a town and a village; the kept summary must equal one rebuilt
/// from the matters; parallel saves on one village's day must all be counted.
/// </summary>
public abstract class MatterDailySummaryTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "360922980000", A = "360922980201", B = "360922980202", P = "360922980203";
    private const string OtherTown = "360922970000", O = "360922970201";
    private const string Period = "from=2025-01-01&to=2025-06-30";
    private static readonly SemaphoreSlim Lock = new(1, 1);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Matter M(string village, MatterKind kind, MatterState state, string received, string due) => new()
    {
        RegionCode = village, Kind = kind, State = state, Level = MatterLevel.Village, Source = MatterSource.WalkIn, Title = "汇总测试",
        ReceivedOn = D(received), DueOn = D(due), ReceiptHash = Guid.NewGuid().ToString("N"), CreatedBy = "town.test",
    };

    /// <summary>Two towns (once per database); matters taken through their lives in separate saves, as the handlers do.</summary>
    private async Task ArrangeAsync()
    {
        await Lock.WaitAsync();
        try
        {
            await using var scope = f.SystemScope(out var db);
            if (await db.Regions.AnyAsync(r => r.Code == Town)) return;
            db.AddRange(new Region { Code = Town, Name = "汇总测试镇", Level = RegionLevel.Town, ParentCode = Demo.County },
                new Region { Code = A, Name = "汇甲村", Level = RegionLevel.Village, ParentCode = Town },
                new Region { Code = B, Name = "汇乙村", Level = RegionLevel.Village, ParentCode = Town },
                new Region { Code = P, Name = "汇丙村", Level = RegionLevel.Village, ParentCode = Town },
                new Region { Code = OtherTown, Name = "汇总对照镇", Level = RegionLevel.Town, ParentCode = Demo.County },
                new Region { Code = O, Name = "汇丁村", Level = RegionLevel.Village, ParentCode = OtherTown });
            var home = new Household { RegionCode = A, Number = "H1", HeadName = "汇总户" };
            db.Add(home);
            var round = new VisitRound { RegionCode = Town, Name = "汇总测试轮", FromDate = D("2025-01-01"), ToDate = D("2025-12-31"), CreatedBy = "town.test" };
            db.Add(round);
            var onTime = M(A, MatterKind.MicroMatter, MatterState.InProgress, "2025-01-01", "2025-01-10");
            var lateClose = M(A, MatterKind.Problem, MatterState.Received, "2025-02-01", "2025-02-05");
            var escalated = M(B, MatterKind.DevelopmentProject, MatterState.InProgress, "2025-03-01", "2025-03-15");
            var fromLastYear = M(B, MatterKind.VillagePlan, MatterState.Accepted, "2024-12-20", "2025-01-05");
            var other = M(O, MatterKind.MicroMatter, MatterState.InProgress, "2025-04-01", "2025-04-10");
            var quick = M(A, MatterKind.MicroMatter, MatterState.InProgress, "2025-05-01", "2025-06-30");
            var overdue = M(B, MatterKind.Problem, MatterState.InProgress, "2025-05-01", "2025-05-10");
            db.AddRange(onTime, lateClose, escalated, fromLastYear, other, quick, overdue);
            await db.SaveChangesAsync();
            db.Add(new VisitRecord { RoundId = round.Id, RegionCode = A, HouseholdId = home.Id, Date = D("2025-03-03"), VisitedBy = "town.test", RecordedBy = "town.test" });

            // Closed: on time, late; escalated to the town; another town's closed.
            (onTime.State, onTime.DoneOn) = (MatterState.Done, D("2025-01-08"));
            (lateClose.State, lateClose.DoneOn) = (MatterState.Done, D("2025-02-20"));
            escalated.Level = MatterLevel.Town;
            (other.State, other.DoneOn) = (MatterState.Done, D("2025-04-05"));
            (quick.State, quick.DoneOn) = (MatterState.Done, D("2025-05-03"));
            await db.SaveChangesAsync();

            // Reopened (the done date stays, it no longer counts); confirmed; the town closes the escalated one after the period, late.
            onTime.State = MatterState.InProgress;
            lateClose.State = MatterState.Confirmed;
            (escalated.State, escalated.DoneOn) = (MatterState.Done, D("2025-07-02"));
            (fromLastYear.State, fromLastYear.DoneOn) = (MatterState.Done, D("2025-01-20"));
            await db.SaveChangesAsync();

            // Closed again (late now), the escalated one sent down and reopened, its due date moved.
            (onTime.State, onTime.DoneOn) = (MatterState.Done, D("2025-03-01"));
            (escalated.Level, escalated.State, escalated.DueOn) = (MatterLevel.Village, MatterState.InProgress, D("2025-06-01"));
            await db.SaveChangesAsync();
        }
        finally
        {
            Lock.Release();
        }
    }

    private async Task<MatterStatsReport> ReportAsync(string region)
    {
        await ArrangeAsync();
        var r = await (await f.ApiAs("county.admin")).GetAsync($"/api/v1/matters/stats?region={region}&{Period}&pageSize=200");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<MatterStatsReport>(CunzhiFactory.Json))!;
    }

    /// <summary>The report counted straight from every matter and visit (in memory, with the domain's rules), for the same regions, period and day.</summary>
    private async Task<(StatsRow Total, List<StatsRow> Rows, List<CloseTimeView> CloseTimes)> RawAsync(MatterStatsReport r)
    {
        await using var scope = f.SystemScope(out var db);
        var matters = await db.Set<Matter>().AsNoTracking().ToListAsync();
        var visits = await db.Set<VisitRecord>().AsNoTracking().Where(v => v.Date >= r.From && v.Date <= r.To).Select(v => new { v.RegionCode, v.HouseholdId }).ToListAsync();
        bool ClosedIn(Matter m) => MatterOverdue.IsClosed(m.State) && m.DoneOn >= r.From && m.DoneOn <= r.To;
        StatsRow Row(string code, string name)
        {
            var prefix = RegionCodes.ScopePrefix(code);
            var mine = matters.Where(m => m.RegionCode.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var seen = visits.Where(v => v.RegionCode.StartsWith(prefix, StringComparison.Ordinal)).Distinct().ToList();
            int Closed(MatterKind k) => mine.Count(m => m.Kind == k && ClosedIn(m));
            var due = mine.Where(m => m.DueOn >= r.From && m.DueOn <= r.To).ToList();
            var late = due.Count(m => MatterOverdue.IsLate(m.State, m.DueOn, m.DoneOn, r.AsOf));
            return new(code, name, new StatsFigures(seen.Select(v => v.RegionCode).Distinct().Count(), seen.Count, Closed(MatterKind.MicroMatter), Closed(MatterKind.Problem),
                Closed(MatterKind.DevelopmentProject), Closed(MatterKind.VillagePlan)), due.Count, late, MatterStatistics.SharePercent(late, due.Count));
        }
        var rootPrefix = RegionCodes.ScopePrefix(r.RegionCode);
        var closeTimes = Enum.GetValues<MatterKind>().Select(k => MatterStatistics.CloseTimeOf(k, matters
                .Where(m => m.Kind == k && ClosedIn(m) && m.RegionCode.StartsWith(rootPrefix, StringComparison.Ordinal))
                .GroupBy(m => m.DoneOn!.Value.DayNumber - m.ReceivedOn.DayNumber).Select(g => (g.Key, g.Count()))))
            .Select(c => new CloseTimeView(c.Kind, MatterRules.KindName(c.Kind), c.Count, c.MedianDays, c.AverageDays)).ToList();
        return (Row(r.RegionCode, r.RegionName), r.Rows.Items.Select(x => Row(x.Code, x.Name)).ToList(), closeTimes);
    }

    [Theory]
    [InlineData(Demo.County)]
    [InlineData(Town)]
    [InlineData(A)]
    [InlineData(B)]
    public async Task The_report_equals_the_count_from_the_matters(string region)
    {
        var r = await ReportAsync(region);
        var raw = await RawAsync(r);
        new { r.Total, Rows = string.Join("; ", r.Rows.Items), CloseTimes = string.Join("; ", r.CloseTimes) }
            .ShouldBe(new { raw.Total, Rows = string.Join("; ", raw.Rows), CloseTimes = string.Join("; ", raw.CloseTimes) });
    }

    [Fact]
    public async Task The_town_report_counts_each_matter_as_it_is_now()
    {
        var r = await ReportAsync(Town);
        // Done in the period: onTime (closed again 03-01, late), quick, lateClose (confirmed), fromLastYear; escalated is open again.
        (r.Total.Figures.MicroMattersDone, r.Total.Figures.ProblemsSolved, r.Total.Figures.ProjectsGuided, r.Total.Figures.PlansImproved).ShouldBe((2, 1, 0, 1));
        // Due in the period: onTime, lateClose, escalated (moved to 06-01), fromLastYear, quick, overdue; late: all but quick.
        (r.Total.Due, r.Total.Late).ShouldBe((6, 5));
    }

    [Fact]
    public async Task The_kept_summary_equals_one_rebuilt_from_the_matters()
    {
        await ArrangeAsync();
        await using var scope = f.SystemScope(out var db);
        async Task<(List<MatterDailySummary>, List<MatterCloseDays>)> Snapshot() => (
            (await db.Set<MatterDailySummary>().AsNoTracking().ToListAsync()).Where(s => s is not { Received: 0, Closed: 0, CloseDaysSum: 0, Due: 0, DueOpen: 0, DueClosedLate: 0 })
                .OrderBy(s => s.RegionCode, StringComparer.Ordinal).ThenBy(s => s.Day).ThenBy(s => s.Kind).ToList(),
            (await db.Set<MatterCloseDays>().AsNoTracking().ToListAsync()).Where(s => s.Count != 0)
                .OrderBy(s => s.RegionCode, StringComparer.Ordinal).ThenBy(s => s.Day).ThenBy(s => s.Kind).ThenBy(s => s.Days).ToList());
        var (kept, keptDays) = await Snapshot();
        await MatterSummaries.RebuildAsync(db);
        var (rebuilt, rebuiltDays) = await Snapshot();
        kept.Count.ShouldBeGreaterThan(5);
        kept.Select(Text).ShouldBe(rebuilt.Select(Text));
        keptDays.Select(s => $"{s.RegionCode} {s.Day} {s.Kind} {s.Days} {s.Count}").ShouldBe(rebuiltDays.Select(s => $"{s.RegionCode} {s.Day} {s.Kind} {s.Days} {s.Count}"));

        static string Text(MatterDailySummary s) =>
            $"{s.RegionCode} {s.Day} {s.Kind} {s.Received} {s.Closed} {s.CloseDaysSum} {s.Due} {s.DueOpen} {s.DueClosedLate}";
    }

    [Fact]
    public async Task The_rebuild_verb_restores_an_emptied_summary()
    {
        await ArrangeAsync();
        await using (var scope = f.SystemScope(out var db))
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"MatterDailySummaries\"");
        var output = new StringWriter();
        var code = await Cunzhi.Web.Infrastructure.Cli.CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            "rebuild-matter-summary", ["rebuild-matter-summary"], output);
        code.ShouldBe(0, output.ToString());
        var r = await ReportAsync(Town);
        var raw = await RawAsync(r);
        r.Total.ShouldBe(raw.Total);
    }

    [Fact]
    public async Task Parallel_saves_on_one_village_day_are_all_counted()
    {
        await ArrangeAsync();
        const int writers = 6;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            await using var scope = f.SystemScope(out var db);
            db.Add(M(P, MatterKind.Problem, MatterState.Received, "2023-03-03", "2023-03-13"));
            await db.SaveChangesAsync();
        }));
        await using var check = f.SystemScope(out var read);
        var row = await read.Set<MatterDailySummary>().AsNoTracking().SingleAsync(s => s.RegionCode == P && s.Day == D("2023-03-03") && s.Kind == MatterKind.Problem);
        row.Received.ShouldBe(writers);
    }
}

public sealed class MatterDailySummaryTests_Sqlite(SqliteFactory f) : MatterDailySummaryTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterDailySummaryTests_Postgres(PostgresFactory f) : MatterDailySummaryTests<PostgresFactory>(f);
