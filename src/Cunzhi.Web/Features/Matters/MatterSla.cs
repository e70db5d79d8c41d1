using Cunzhi.Data;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// A county's <see cref="MatterDeadlines"/>: its SLA policy in force on a day (<see cref="SlaPolicy"/>, the defaults while it
/// has published none) on its working-day calendar (read through <see cref="ScopeGateway"/>, so a town or village counts on
/// its county's rows). An account above the counties, or without one, gets <see cref="MatterDeadlines.Default"/>.
/// </summary>
public sealed class MatterSla(AppDbContext db)
{
    /// <summary>The deadlines of the county <paramref name="regionCode"/> lies in, under the policy in force on <paramref name="on"/>.</summary>
    public async Task<MatterDeadlines> ForRegionAsync(string? regionCode, DateOnly on, CancellationToken ct = default)
    {
        if (regionCode is null || RegionCodes.CountyOf(regionCode) is not { } county) return MatterDeadlines.Default;
        var versions = await db.Set<SlaPolicy>().AsNoTracking().Where(p => p.CountyCode == county && p.IsPublished).ToListAsync(ct);
        var policy = VersionedPolicy<SlaPolicy>.InForce(versions, on) ?? SlaPolicy.Default(county);
        var days = await ScopeGateway.CountyCalendarDaysAsync(db, county, null, ct);
        return new(policy, new WorkingCalendar(days.Select(d => new CalendarEntry(d.Date, d.Kind, d.Name))));
    }
}
