using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>The demo county as the activity demo sees it: its towns with their villages (codes in order) and the demo day.</summary>
public sealed record ActivityCounty(string County, DateOnly Today, IReadOnlyList<(string Town, IReadOnlyList<string> Villages)> Towns)
{
    /// <summary>Every village, town by town.</summary>
    public IEnumerable<string> Villages => Towns.SelectMany(t => t.Villages);

    /// <summary>The villages of the given towns.</summary>
    public List<string> VillagesOf(IEnumerable<string> towns) => Towns.Where(t => towns.Contains(t.Town)).SelectMany(t => t.Villages).ToList();

    /// <summary>Monday of the week <paramref name="weeksAgo"/> weeks before this one.</summary>
    public DateOnly Monday(int weeksAgo) => Week.MondayOf(Today).AddDays(-7 * weeksAgo);
}

/// <summary>
/// A living demo county (<see cref="DemoOptions.Activity"/>): three months of the burden side, relative to the clock's
/// today, so the first screen shows the product working — task requests from several departments admitted, refused
/// and decided by the coordination office (<see cref="TaskDemo"/>), the villages' weekly reports, two 一表通 forms with
/// submissions (<see cref="FormDemo"/>), the towns' meetings and inspections (<see cref="MeterDemo"/>), one 双述双评
/// window closed with results and one open (<see cref="EvaluationDemo"/>), and the pay runs (<see cref="PayDemo.SeedActivityAsync"/>):
/// last month's locked, this month's in draft, and a town's demotion proposal for a cadre rated 不称职 last year
/// (<see cref="RankDemo.SeedProposalAsync"/>). Every row is made by the domain rules the handlers use, at the time it
/// would have been made; many rows are bulk-written, with one summary audit entry. Fixed seed: the same options and
/// the same day give the same county. Does nothing when the county is absent (a slice of the country) or already has
/// task requests (idempotent).
/// </summary>
public sealed class ActivityDemo(AppDbContext db, TimeProvider clock, PersonalDataProtector protector)
{
    /// <summary>闹坪村 in 三兴镇, the village of the demo account <c>village.naoping</c>.</summary>
    public const string DemoVillage = "360922106208";

    /// <summary>Seeds the activity of <paramref name="county"/>; null when skipped (no such county, or it has task requests already).</summary>
    public async Task<ActivitySummary?> SeedAsync(string county, int seed, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (!await db.Regions.AnyAsync(r => r.Code == county && r.Level == RegionLevel.County, ct)) return null;
        if (await db.Set<TaskRequest>().AnyAsync(r => r.RegionCode == county, ct)) return null;
        var prefix = RegionCodes.ScopePrefix(county);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.ParentCode }).ToListAsync(ct);
        var towns = villages.GroupBy(v => v.ParentCode!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(v => v.Code).ToList())).ToList();
        if (towns.Count == 0) return null;
        var area = new ActivityCounty(county, clock.Today(), towns);

        var tasks = await new TaskDemo(db, clock).SeedAsync(area, seed, ct);
        var forms = await new FormDemo(db, clock).SeedAsync(area, seed, ct);
        var reports = await new TaskDemo(db, clock).SeedWeeklyAsync(area, seed, ct);
        var events = await new MeterDemo(db, clock).SeedAsync(area, seed, ct);
        var evaluations = await new EvaluationDemo(db, clock, protector).SeedAsync(area, seed, ct);
        var pay = await new PayDemo(db, clock).SeedActivityAsync(county, area.Today, ct);
        var proposals = await new RankDemo(db).SeedProposalAsync(county, area.Today, clock, ct);
        await new VisitsDemo(db).SeedAsync(PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new TrainingDemo(db).SeedAsync(county, PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new DutyDemo(db).SeedAsync(county, PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new DisclosureDemo(db).SeedAsync(county, ActivityDemo.DemoVillage, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new CareDemo(db).SeedAsync(county, PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new MattersDemo(db, protector).SeedAsync(PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new ComplaintsDemo(db, protector).SeedAsync(PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new StudyDemo(db).SeedAsync(PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new PowersDemo(db).SeedAsync(county, area.Today, clock.GetUtcNow().UtcDateTime, ct);
        await new SupervisionDemo(db).SeedAsync(county, PayDemo.DemoTown, area.Today, clock.GetUtcNow().UtcDateTime, ct);

        var summary = new ActivitySummary(seed, area.Today, tasks, forms, reports, events, evaluations, pay, proposals);
        db.RecordEvent(AuditActions.Seed, "ActivityDemo", county, county, JsonSerializer.Serialize(summary, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return summary;
    }
}

/// <summary>What the activity demo made (also its summary audit entry).</summary>
public sealed record ActivitySummary(int Seed, DateOnly Today, TaskDemoCounts Tasks, FormDemoCounts Forms, long WeeklyReports, MeterDemoCounts Events,
    EvaluationDemoCounts Evaluations, PayDemo.ActivityCounts Pay, int RankProposals)
{
    /// <summary>One line for the start's log, in Chinese.</summary>
    public string Describe() =>
        $"准入申请 {Tasks.Requests} 件（准入 {Tasks.Admitted}、负面清单拦截 {Tasks.Refused}、协调办退回 {Tasks.Rejected}、待审批 {Tasks.Pending}），" +
        $"村级任务 {Tasks.VillageTasks:N0}，周报条目 {WeeklyReports:N0}，一表通 {Forms.Forms} 张（已提交 {Forms.Submitted}、草稿 {Forms.Drafts}），" +
        $"会议 {Events.Meetings}、检查 {Events.Inspections}，双述双评 {Evaluations.Windows} 个村（{Evaluations.Ballots} 张选票），" +
        $"工资批次锁定 {Pay.Locked}、待审批 {Pay.Reviewed}、本月草稿 {Pay.Drafts}，待批复的职级申请 {RankProposals}";
}
