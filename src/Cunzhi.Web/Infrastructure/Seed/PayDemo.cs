using Cunzhi.Data;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// Demo pay data: the default pay settings published for the demo county (version 1, in force from 1 January 2020),
/// and last month's payroll of 三兴镇 computed by the real handler, reviewed and approved (left reviewed if some cadre
/// lacks last month's score). Does nothing when the county already has pay settings. With the activity demo
/// (<see cref="SeedActivityAsync"/>) the month moves on: that run is locked, 鹅峰乡's run of last month waits for the
/// county's approval, and 三兴镇's run of this month is computed as a draft.
/// </summary>
public sealed class PayDemo(AppDbContext db, TimeProvider clock)
{
    public const string DemoTown = "360922106000";

    /// <summary>The second town whose run of last month waits for the county (鹅峰乡).</summary>
    public const string SecondTown = "360922200000";

    /// <summary>What the activity demo did to the payroll: runs locked, reviewed (waiting for the county) and left in draft.</summary>
    public sealed record ActivityCounts(int Locked, int Reviewed, int Drafts);

    public async Task SeedAsync(string county, DateOnly today, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<PaySettings>().AnyAsync(s => s.CountyCode == county, ct) || !await db.Regions.AnyAsync(r => r.Code == county, ct)) return;
        var at = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var settings = PaySettings.DraftFrom(null, county, 1, new DateOnly(2020, 1, 1));
        settings.Publish("system", at);
        db.Add(settings);
        await db.SaveChangesAsync(ct);

        if (!await db.Regions.AnyAsync(r => r.Code == DemoTown, ct)) return;
        var views = new PayRunViews(db);
        var approval = new PayrollApproval(db, db.User, clock, views);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var run = await new PayrollCompute(db, db.User, clock, views).ComputeForTownAsync(DemoTown, last.Year, last.Month, ct);
        await approval.MarkReviewedAsync(run.Id, ct);
        if (run.MissingScores == 0) await approval.ApproveAsync(run.Id, ct);
    }

    /// <summary>
    /// The payroll a month later, by the same handlers: last month's approved run of 三兴镇 locked by the county, last
    /// month's run of 鹅峰乡 computed and reviewed by its town (待审批 for the county) and this month's run of 三兴镇 computed
    /// as a draft. Runs that are already there are left as they are.
    /// </summary>
    public async Task<ActivityCounts> SeedActivityAsync(string county, DateOnly today, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (!await db.Regions.AnyAsync(r => r.Code == DemoTown, ct) || !await db.Set<PaySettings>().AnyAsync(s => s.CountyCode == county, ct)) return new(0, 0, 0);
        var views = new PayRunViews(db);
        var approval = new PayrollApproval(db, db.User, clock, views);
        var compute = new PayrollCompute(db, db.User, clock, views);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var (locked, reviewed, drafts) = (0, 0, 0);
        var approved = await db.Set<PayrollRun>().Where(r => r.RegionCode == DemoTown && r.Year == last.Year && r.Month == last.Month && r.State == PayrollState.Approved)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (approved is { } id)
        {
            await approval.LockAsync(id, ct);
            locked++;
        }
        if (await db.Regions.AnyAsync(r => r.Code == SecondTown, ct)
            && !await db.Set<PayrollRun>().AnyAsync(r => r.RegionCode == SecondTown && r.Year == last.Year && r.Month == last.Month, ct))
        {
            var run = await compute.ComputeForTownAsync(SecondTown, last.Year, last.Month, ct);
            await approval.MarkReviewedAsync(run.Id, ct);
            reviewed++;
        }
        if (!await db.Set<PayrollRun>().AnyAsync(r => r.RegionCode == DemoTown && r.Year == today.Year && r.Month == today.Month, ct))
        {
            await compute.ComputeForTownAsync(DemoTown, today.Year, today.Month, ct);
            drafts++;
        }
        return new(locked, reviewed, drafts);
    }
}
