using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 走访 for the demo county: the shipped national calendars (2025, 2026) in its working-day calendar (<see cref="SeedCalendarAsync"/>,
/// with the base demo), and, with the activity demo, one round in 三兴镇 under way today — its first three villages
/// (闹坪村 among them), shared among the town's staff accounts by <see cref="VisitRules.Share"/> — with about two households
/// in five visited on days since the round began and a few visited twice. Fixed seed; does nothing when already there.
/// </summary>
public sealed class VisitsDemo(AppDbContext db)
{
    private const int Seed = 19;
    public const string RoundName = "冬季走访（上门问事）";

    /// <summary>Imports the national calendars into the county's calendar (days it already lists are kept).</summary>
    public async Task SeedCalendarAsync(string county, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<CalendarDay>().AnyAsync(d => d.RegionCode == county, ct)) return;
        foreach (var d in NationalCalendar.All())
            db.Add(new CalendarDay { RegionCode = county, Date = d.Date, Kind = d.Kind, Name = d.Name, National = true, UpdatedBy = "system", UpdatedAtUtc = nowUtc, RowVersion = 1 });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The round of 三兴镇 with its assignments and some visits; the number of visits written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<VisitRound>().AnyAsync(r => r.RegionCode == town, ct)) return 0;
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => r.Code).ToListAsync(ct);
        villages = villages.Where(v => v == ActivityDemo.DemoVillage).Concat(villages.Where(v => v != ActivityDemo.DemoVillage)).Take(3).ToList();
        var officials = await db.Users.AsNoTracking()
            .Where(u => u.RegionCode == town && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.TownAdmin)))
            .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);
        if (villages.Count == 0 || officials.Count == 0) return 0;
        var households = await db.Households.AsNoTracking().Where(h => villages.Contains(h.RegionCode))
            .OrderBy(h => h.RegionCode).ThenBy(h => h.GroupCode).ThenBy(h => h.Number).ThenBy(h => h.Id)
            .Select(h => new PlannedHousehold(h.Id, h.RegionCode, h.GroupCode)).ToListAsync(ct);
        if (households.Count == 0) return 0;

        var from = today.AddDays(-14);
        var round = new VisitRound
        {
            RegionCode = town, Name = $"{today.Year}年{RoundName}", FromDate = from, ToDate = today.AddDays(16), CreatedBy = officials[0], CreatedAtUtc = nowUtc.AddDays(-15),
            RowVersion = 1,
            Assignments = VisitRules.Share(households, officials).Select(s => new VisitAssignment
            {
                RegionCode = s.Household.VillageCode, GroupCode = s.Household.GroupCode, HouseholdId = s.Household.HouseholdId, Official = s.Official, RowVersion = 1,
            }).ToList(),
        };
        db.Add(round);
        await db.SaveChangesAsync(ct);

        var rng = new Random(Seed);
        var notes = new[] { "家中老人身体尚好，子女在外务工。", "反映村道路灯不亮。", "询问医保缴费事宜，已当场解答。", "希望增加农技培训。", "家庭和睦，无特别诉求。" };
        var visits = 0;
        foreach (var a in round.Assignments.Where(_ => rng.Next(5) < 2))
        {
            var times = rng.Next(8) == 0 ? 2 : 1;
            for (var i = 0; i < times; i++)
            {
                var note = notes[rng.Next(notes.Length)];
                var matters = note.StartsWith("反映", StringComparison.Ordinal) || note.StartsWith("希望", StringComparison.Ordinal) ? 1 : 0;
                db.Add(new VisitRecord
                {
                    RoundId = round.Id, RegionCode = a.RegionCode, HouseholdId = a.HouseholdId, Date = from.AddDays(rng.Next(15)), VisitedBy = a.Official,
                    Companions = rng.Next(3) == 0 ? "村党支部书记" : null, Notes = note, MattersRaised = matters, MattersText = matters > 0 ? note : null,
                    RecordedBy = a.Official, RecordedAtUtc = nowUtc,
                });
                visits++;
            }
        }
        db.RecordEvent(AuditActions.Seed, "VisitsDemo", town, town,
            JsonSerializer.Serialize(new { Round = round.Name, Villages = villages.Count, Households = households.Count, Officials = officials.Count, Visits = visits }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return visits;
    }
}
