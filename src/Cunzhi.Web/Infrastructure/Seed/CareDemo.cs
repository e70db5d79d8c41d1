using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 关爱 for the demo county (with the activity demo beside <see cref="TrainingDemo"/>; fixed seed, small): two accident
/// insurance policies for 三兴镇's cadres in office — the county's, ending within 30 days (so the home shows 保险 30 天内到期),
/// and the town's for a year — with about one cadre in ten left uncovered; this year's health check for most of them (about
/// five in six); two honours of 闹坪村's secretary, this year's 市级 one counted for promotion points (its commendation record
/// written with it) and a county one from before the current rank, kept but giving no points at this rank; one
/// 两代表一委员 nomination (县级人大代表, 当选); and one career move (a secretary of 三兴镇 made a 专业化管理村党组织书记,
/// staying in office). Does nothing when the county already has insurance policies.
/// </summary>
public sealed class CareDemo(AppDbContext db)
{
    private const int Seed = 21;

    /// <summary>Seeds and returns the number of cadres insured (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var countyPrefix = RegionCodes.ScopePrefix(county);
        if (await db.Set<InsurancePolicy>().AnyAsync(p => p.RegionCode.StartsWith(countyPrefix), ct)) return 0;
        var townPrefix = RegionCodes.ScopePrefix(town);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(townPrefix))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Id).Select(c => new { c.Id, c.RegionCode, c.PostCode, c.StartDate, c.IsProfessionalSecretary }).ToListAsync(ct);
        if (cadres.Count == 0) return 0;
        var rng = new Random(Seed);
        var jan1 = new DateOnly(today.Year, 1, 1);

        // Insurance: the county's policy (ending in 20 days) for half the villages, the town's for the other half.
        var villages = cadres.Select(c => c.RegionCode).Distinct().ToList();
        var insured = cadres.Where(_ => rng.Next(10) != 0).ToList();
        InsurancePolicy Policy(string region, string insurer, string number, DateOnly from, DateOnly to, IEnumerable<long> ids) => new()
        {
            RegionCode = region, Insurer = insurer, PolicyNumber = number, FromDate = from, ToDate = to, CreatedBy = "system", CreatedAtUtc = nowUtc,
            Insured = insured.Where(c => ids.Contains(c.Id)).Select(c => new InsuredCadre { CadreId = c.Id, RegionCode = c.RegionCode, FromDate = from, ToDate = to }).ToList(),
        };
        var half = villages.Where((_, i) => i % 2 == 0).ToHashSet();
        db.Add(Policy(county, "中国人寿保险股份有限公司", $"YW{today.Year}-{county[..6]}-001", today.AddDays(-345), today.AddDays(20),
            insured.Where(c => half.Contains(c.RegionCode)).Select(c => c.Id).ToList()));
        db.Add(Policy(town, "中国人民财产保险股份有限公司", $"PA{today.Year}-{town[..9]}-01", today.AddDays(-100), today.AddDays(265),
            insured.Where(c => !half.Contains(c.RegionCode)).Select(c => c.Id).ToList()));

        // Health checks: about five in six had this year's.
        var checkedCount = 0;
        foreach (var c in cadres.Where(_ => rng.Next(6) != 0))
        {
            var day = jan1.AddDays(rng.Next(Math.Max(1, today.DayNumber - jan1.DayNumber + 1)));
            db.Add(new HealthCheck { RegionCode = c.RegionCode, CadreId = c.Id, Year = day.Year, Date = day, Organiser = "三兴镇卫生院", RecordedBy = "system", RecordedAtUtc = nowUtc });
            checkedCount++;
        }

        // Honours of 闹坪村's secretary: this year's 市级 one counts; the county one predates the current rank.
        var honours = 0;
        var secretary = cadres.FirstOrDefault(c => c.RegionCode == ActivityDemo.DemoVillage && CareerRules.SecretaryPosts.Contains(c.PostCode));
        if (secretary is not null)
        {
            // The same checks and commendation rule as recording an honour (Honours.RecordAsync): the entry's problems, and a
            // commendation record only for a level the county's promotion policy in force gives points.
            var policies = await db.Set<RankPolicy>().AsNoTracking().Where(p => p.CountyCode == county).OrderByDescending(p => p.Version).ToListAsync(ct);
            var inForce = VersionedPolicy<RankPolicy>.InForce(policies, today);
            Honour New(CommendationLevel level, string title, string by, DateOnly date, long? fen)
            {
                RuleException.ThrowIfAny(HonourRules.Problems(level, title, by, date, fen, today));
                var honour = new Honour
                {
                    RegionCode = secretary.RegionCode, CadreId = secretary.Id, Level = level, Title = title, AwardedBy = by, Date = date, AmountFen = fen,
                    RecordedBy = "system", RecordedAtUtc = nowUtc,
                };
                honour.CommendUnder(inForce, today);
                return honour;
            }
            var recent = today.AddDays(-40) < jan1 ? jan1 : today.AddDays(-40);
            db.Add(New(CommendationLevel.City, "全市优秀村党组织书记", "中共宜春市委组织部", recent, 500_000));
            db.Add(New(CommendationLevel.County, "乡村振兴先进个人", "中共万载县委、万载县人民政府", new DateOnly(2022, 6, 30), null));
            db.Add(new Nomination
            {
                RegionCode = secretary.RegionCode, CadreId = secretary.Id, Kind = NominationKind.PeoplesCongress, Level = NominationLevel.County, TermFrom = 2021, TermTo = 2025,
                Status = NominationStatus.Elected, RecordedBy = "system", RecordedAtUtc = nowUtc, DecidedBy = "system", DecidedAtUtc = nowUtc,
            });
            honours = 2;
        }

        // A career move: another village's secretary made a professional secretary (stays in office).
        var moves = 0;
        var mover = cadres.FirstOrDefault(c => c.RegionCode != ActivityDemo.DemoVillage && CareerRules.SecretaryPosts.Contains(c.PostCode) && !c.IsProfessionalSecretary);
        if (mover is not null)
        {
            var date = today.AddDays(-30) < mover.StartDate ? today : today.AddDays(-30);
            var cadre = await db.Cadres.FirstAsync(c => c.Id == mover.Id, ct);
            cadre.IsProfessionalSecretary = true;
            db.Add(new CareerMove
            {
                RegionCode = mover.RegionCode, CadreId = mover.Id, Kind = CareerMoveKind.ProfessionalSecretary, Date = date, Destination = "本村（县委组织部专业化管理）",
                LeftOffice = false, RecordedBy = "system", RecordedAtUtc = nowUtc,
            });
            moves = 1;
        }
        db.RecordEvent(AuditActions.Seed, "CareDemo", county, county, JsonSerializer.Serialize(new
        {
            Policies = 2, Insured = insured.Count, HealthChecks = checkedCount, Honours = honours, Nominations = honours > 0 ? 1 : 0, CareerMoves = moves,
        }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return insured.Count;
    }
}
