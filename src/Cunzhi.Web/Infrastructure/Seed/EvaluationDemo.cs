using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>What the activity demo made of 双述双评.</summary>
public sealed record EvaluationDemoCounts(int Windows, int CodesIssued, int Ballots, int Results);

/// <summary>
/// This year's 双述双评 in two villages of the demo town: 闹坪村's window ran two to three weeks ago and is closed with
/// its results (<see cref="PublicEvaluationRules.Tally"/>, as closing writes them); the next village's opened yesterday and
/// is still taking ballots. Each window has its cadres' reports, codes issued (random codes, stored only as their keyed
/// hash like every code, so nobody knows them) and the ballots cast so far as counters, each ballot answering every cadre.
/// </summary>
public sealed class EvaluationDemo(AppDbContext db, TimeProvider clock, PersonalDataProtector protector)
{
    public async Task<EvaluationDemoCounts> SeedAsync(ActivityCounty area, int seed, CancellationToken ct = default)
    {
        var town = area.Towns.FirstOrDefault(t => t.Town == PayDemo.DemoTown).Villages ?? area.Towns[0].Villages;
        var cadres = (await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && town.Contains(c.RegionCode))
            .Select(c => new { c.Id, c.RegionCode, c.Name, c.PostCode }).ToListAsync(ct)).ToLookup(c => c.RegionCode);
        var candidates = town.Where(v => cadres[v].Any()).OrderBy(v => v == ActivityDemo.DemoVillage ? 0 : 1).ThenBy(v => v, StringComparer.Ordinal).Take(2).ToList();
        if (candidates.Count < 2) return new(0, 0, 0, 0);
        var random = new Random(seed + 4);
        var today = area.Today;
        DateTime At(DateOnly d, int hour) => clock.ToUtc(d.ToDateTime(new TimeOnly(hour, 0)));
        var plans = new[]
        {
            (Village: candidates[0], Opens: At(today.AddDays(-20), 9), Closes: At(today.AddDays(-13), 17), Turnout: 85),
            (Village: candidates[1], Opens: At(today.AddDays(-1), 9), Closes: At(today.AddDays(6), 17), Turnout: 35),
        };
        var totals = (Codes: 0, Ballots: 0, Results: 0);
        var bulk = new BulkWriter(db);
        foreach (var p in plans)
        {
            var created = p.Opens.AddDays(-5);
            var w = EvaluationWindow.Create(p.Village, today.Year, p.Opens, p.Closes, "county.admin", created);
            db.Add(w);
            await db.SaveChangesAsync(ct);
            var list = cadres[p.Village].OrderBy(x => EvaluationHandlers.PostOrder(x.PostCode)).ThenBy(x => x.Id).ToList();
            var position = 0;
            foreach (var c in list)
            {
                var report = EvaluationReport.For(w.Id, w.RegionCode, c.Id, c.Name, c.PostCode, position++);
                report.Edit($"{c.Name}{DateOnly.FromDateTime(created).Year}年度述职：围绕村级集体经济、人居环境整治和为民服务，完成了年初确定的主要工作，下一步将继续抓好防返贫监测和冬春农田水利建设。",
                    "town.sanxing", WindowState.NotYetOpen);
                db.Add(report);
            }
            db.RecordEvent("EvaluationOpened", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode,
                System.Text.Json.JsonSerializer.Serialize(new { w.Year, cadres = list.Count }));
            await db.SaveChangesAsync(ct);

            // Codes: random (never known to anyone), stored as their keyed hash in random order, as generation stores them.
            var issued = 30 + random.Next(16);
            var used = issued * p.Turnout / 100;
            var codes = new HashSet<string>();
            while (codes.Count < issued) codes.Add(BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32));
            var rows = codes.Select((code, i) => (Hash: protector.BallotCodeHash(code), Used: i < used)).ToArray();
            RandomNumberGenerator.Shuffle(rows.AsSpan());
            await bulk.WriteAsync(typeof(BallotCode), rows,
                [nameof(BallotCode.WindowId), nameof(BallotCode.RegionCode), nameof(BallotCode.Hash), nameof(BallotCode.Used), nameof(BallotCode.Voided)],
                r => [w.Id, w.RegionCode, r.Hash, r.Used, false], ct);
            db.RecordEvent("BallotCodesIssued", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode, System.Text.Json.JsonSerializer.Serialize(new { count = issued }));

            // Ballots: each answers every cadre; counters per cadre and choice, as voting keeps them.
            var counts = list.ToDictionary(c => c.Id, _ => new int[3]);
            for (var b = 0; b < used; b++)
                foreach (var c in list)
                {
                    var roll = random.Next(100);
                    counts[c.Id][roll < 74 ? 0 : roll < 94 ? 1 : 2]++;
                }
            var choices = new[] { BallotChoice.Satisfied, BallotChoice.BasicallySatisfied, BallotChoice.Dissatisfied };
            await bulk.WriteAsync(typeof(BallotTally), list.SelectMany(c => choices.Select((choice, i) => (c.Id, Choice: choice, Count: counts[c.Id][i]))),
                [nameof(BallotTally.WindowId), nameof(BallotTally.CadreId), nameof(BallotTally.Choice), nameof(BallotTally.RegionCode), nameof(BallotTally.Count)],
                t => [w.Id, t.Id, (int)t.Choice, w.RegionCode, t.Count], ct);
            await db.Set<EvaluationWindow>().Where(x => x.Id == w.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BallotsCast, used), ct);
            totals = (totals.Codes + issued, totals.Ballots + used, totals.Results);

            if (p.Closes <= clock.GetUtcNow().UtcDateTime)
            {
                // Closed at its closing time, as the sweep closes a due window.
                await db.Set<EvaluationWindow>().Where(x => x.Id == w.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAtUtc, p.Closes), ct);
                var results = PublicEvaluationRules.Tally(w.Id, w.RegionCode, w.Year, list.Select(c => c.Id),
                    list.SelectMany(c => choices.Select((choice, i) => (c.Id, choice, counts[c.Id][i]))), issued, used);
                db.AddRange(results);
                db.RecordEvent("EvaluationClosed", nameof(EvaluationWindow), w.Id.ToString(), w.RegionCode,
                    System.Text.Json.JsonSerializer.Serialize(new { codesIssued = issued, codesUsed = used, ballots = used }));
                totals.Results += results.Count;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new(plans.Length, totals.Codes, totals.Ballots, totals.Results);
    }
}
