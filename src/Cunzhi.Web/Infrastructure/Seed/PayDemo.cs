using Cunzhi.Data;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// Demo pay data: the default pay settings published for the demo county (version 1, in force from 1 January 2020),
/// and last month's payroll of 三兴镇 computed by the real handler, reviewed and approved (left reviewed if some cadre
/// lacks last month's score). Does nothing when the county already has pay settings.
/// </summary>
public sealed class PayDemo(AppDbContext db, TimeProvider clock)
{
    public const string DemoTown = "360922106000";

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
}
