using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

/// <summary>
/// Computes the bindable sources (<see cref="BindableSources"/>) for one village from the registries, as their
/// definitions say. Reads go through the scoped context: a village computes only its own numbers.
/// Only the groups of sources asked for are queried.
/// </summary>
public sealed class FormSources(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, decimal>> ComputeAsync(string village, IEnumerable<string> keys, DateOnly asOf, CancellationToken ct = default)
    {
        var wanted = keys.Select(k => BindableSources.Find(k)?.Key).OfType<string>().ToHashSet();
        var values = new Dictionary<string, decimal>();
        if (wanted.Any(k => k.StartsWith("cadres.", StringComparison.Ordinal)))
        {
            var cadres = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == village && c.Status == CadreStatus.InOffice)
                .Select(c => new CadreFigureInput(c.BirthDate, c.Gender, c.EducationCode, c.IsPartyMember)).ToListAsync(ct);
            foreach (var (k, v) in CadreFigures.Compute(cadres, asOf)) values[k] = v;
        }
        foreach (var key in wanted.Where(k => !values.ContainsKey(k)))
            values[key] = key switch
            {
                "households.count" => await db.Households.CountAsync(h => h.RegionCode == village, ct),
                "residents.count" => await db.Residents.CountAsync(r => r.RegionCode == village, ct),
                "residents.party" => await db.Residents.CountAsync(r => r.RegionCode == village && r.IsPartyMember, ct),
                "groups.count" => await db.Regions.CountAsync(r => r.ParentCode == village && r.Level == RegionLevel.VillagerGroup, ct),
                "grids.count" => await db.Regions.CountAsync(r => r.ParentCode == village && r.Level == RegionLevel.Grid, ct),
                "reserves.count" => await db.Set<ReserveCadre>().CountAsync(r => r.RegionCode == village && r.Status == ReserveStatus.Active, ct),
                "tasks.openThisWeek" => await OpenThisWeekAsync(village, asOf, ct),
                _ => throw new InvalidOperationException($"Bindable source {key} has no computation."),
            };
        return values;
    }

    // The Monday list's rule (WeeklyHandlers): admitted by the week's end and not due long before it; open unless
    // this week's report says 已完成.
    private Task<int> OpenThisWeekAsync(string village, DateOnly asOf, CancellationToken ct)
    {
        var monday = Week.MondayOf(asOf);
        var end = clock.StartUtc(monday.AddDays(7));
        var from = monday.AddDays(-WeeklyHandlers.OverdueDays);
        var done = db.Set<WeeklyReport>().Where(r => r.WeekStart == monday && r.Status == WeeklyStatus.Done).Select(r => r.VillageTaskId);
        return db.Set<VillageTask>().CountAsync(t => t.RegionCode == village && t.AdmittedAtUtc < end && t.DueDate >= from && !done.Contains(t.Id), ct);
    }
}
