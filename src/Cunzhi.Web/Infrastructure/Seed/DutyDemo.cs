using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 坐班值班 for the demo town (with the activity demo; fixed, no randomness): this month's and next month's roster of every
/// village of 三兴镇 with cadres in office, made by the real generator on the county's calendar; one approved leave in 闹坪村
/// next week (its cadre left off those days); one working day of next week in 闹坪村 left with nobody on duty, so the home's
/// 下周值班空缺 shows for the village and its town; 闹坪村's office phone for the public board. Does nothing when the town
/// already has a roster.
/// </summary>
public sealed class DutyDemo(AppDbContext db)
{
    /// <summary>闹坪村's office phone on the public board (a landline, never a cadre's mobile).</summary>
    public const string OfficePhone = "0795-4812208";

    /// <summary>Seeds and returns the number of village months written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var townPrefix = RegionCodes.ScopePrefix(town);
        if (await db.Set<DutyMonth>().AnyAsync(m => m.RegionCode.StartsWith(townPrefix), ct)) return 0;
        var cadres = (await db.Cadres.AsNoTracking().Where(c => c.RegionCode.StartsWith(townPrefix) && c.Status == CadreStatus.InOffice)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.RegionCode }).ToListAsync(ct)).ToLookup(c => c.RegionCode, c => c.Id);
        var villages = cadres.Select(g => g.Key).Where(v => RegionCodes.LevelOf(v) == RegionLevel.Village).Order().ToList();
        if (villages.Count == 0) return 0;
        var calendar = new WorkingCalendar((await ScopeGateway.CountyCalendarDaysAsync(db, county, null, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
        var nextMonday = Week.MondayOf(today).AddDays(7);
        var nextWeek = Enumerable.Range(0, 7).Select(nextMonday.AddDays).Where(calendar.IsWorkingDay).ToList();

        // One approved leave: 闹坪村's second cadre, next Tuesday and Wednesday.
        var leave = new List<LeaveSpan>();
        var naoping = cadres[ActivityDemo.DemoVillage].ToList();
        if (naoping.Count >= 2)
        {
            var span = new LeaveSpan(naoping[1], nextMonday.AddDays(1), nextMonday.AddDays(2));
            db.Add(new DutyLeave
            {
                RegionCode = ActivityDemo.DemoVillage, CadreId = span.CadreId, FromDate = span.From, ToDate = span.To, Kind = LeaveKind.Personal, Reason = "陪同家人就医",
                State = LeaveState.Approved, RequestedBy = "system", DecidedBy = "system", DecidedAtUtc = nowUtc, RowVersion = 1,
            });
            leave.Add(span);
        }

        var months = 0;
        var prior = new Dictionary<long, int>();
        var first = new DateOnly(today.Year, today.Month, 1);
        foreach (var month in new[] { first, first.AddMonths(1) })
        {
            var days = DutyRules.WorkingDays(calendar, month.Year, month.Month);
            var counts = new Dictionary<long, int>();
            foreach (var v in villages)
            {
                var roster = DutyRules.Generate(days, cadres[v].ToList(), prior, v == ActivityDemo.DemoVillage ? leave : [], 1);
                var row = new DutyMonth { RegionCode = v, Year = month.Year, Month = month.Month, UpdatedBy = "system", UpdatedAtUtc = nowUtc, RowVersion = 1 };
                foreach (var (day, ids) in roster)
                {
                    // The gap: 闹坪村's first working day of next week outside the leave stays empty.
                    if (v == ActivityDemo.DemoVillage && day == nextWeek.FirstOrDefault(d => !leave.Any(l => l.Covers(d)))) continue;
                    foreach (var id in ids)
                    {
                        row.Assignments.Add(new DutyAssignment { RegionCode = v, Date = day, CadreId = id });
                        counts[id] = counts.GetValueOrDefault(id) + 1;
                    }
                }
                db.Add(row);
                months++;
            }
            prior = counts;
        }
        if (villages.Contains(ActivityDemo.DemoVillage))
            db.Add(new VillageOffice { RegionCode = ActivityDemo.DemoVillage, Phone = OfficePhone, RowVersion = 1 });
        db.RecordEvent(AuditActions.Seed, "DutyDemo", town, town, JsonSerializer.Serialize(new { Villages = villages.Count, Months = months, Leaves = leave.Count }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return months;
    }
}
