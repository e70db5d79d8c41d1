using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 培训 and 1+1 帮带 for the demo county (with the activity demo; fixed seed, small): the county's 集中轮训 held this year
/// for the secretaries of 三兴镇 (one absent), the town's 大讲堂 held in some two-month slots (so the plan flags the others),
/// an upcoming 专题培训 with its enrolment, the county's required hours per post, and — among 三兴镇's cadres new in the
/// last 12 months — the first paired with a town leader with a note for each full month, the next left unpaired. Does
/// nothing when the county already has sessions.
/// </summary>
public sealed class TrainingDemo(AppDbContext db)
{
    private const int Seed = 20;

    /// <summary>Seeds and returns the number of sessions written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<TrainingSession>().AnyAsync(s => s.RegionCode.StartsWith(RegionCodes.ScopePrefix(county)), ct)) return 0;
        var townPrefix = RegionCodes.ScopePrefix(town);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(townPrefix))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.RegionCode, c.PostCode, c.Name, First = db.CadrePosts.Where(p => p.CadreId == c.Id).Min(p => (DateOnly?)p.StartDate) ?? c.StartDate })
            .ToListAsync(ct);
        if (cadres.Count == 0) return 0;
        var rng = new Random(Seed);
        var jan1 = new DateOnly(today.Year, 1, 1);
        DateOnly Back(int days) => today.AddDays(-days) < jan1 ? jan1 : today.AddDays(-days);

        foreach (var (post, hours) in new[] { ("secretary", 32m), ("secretary-director", 32m), ("director", 32m), ("committee-member", 24m) })
            db.Add(new TrainingRequirement { RegionCode = county, PostCode = post, FromYear = today.Year, Hours = hours, UpdatedBy = "system", UpdatedAtUtc = nowUtc, RowVersion = 1 });

        TrainingSession New(string region, TrainingKind kind, string title, DateOnly start, int days, decimal hours, string place) => new()
        {
            RegionCode = region, Kind = kind, Title = title, Topic = kind == TrainingKind.Lecture ? "乡村治理与为民服务" : "党建引领基层治理", StartDate = start, EndDate = start.AddDays(days - 1),
            Hours = hours, Place = place, CreatedBy = "system", CreatedAtUtc = nowUtc, RowVersion = 1,
        };
        var leaders = cadres.Where(c => StructureAnalysis.SecretaryPosts.Contains(c.PostCode) || StructureAnalysis.DirectorPosts.Contains(c.PostCode)).ToList();
        var rotation = New(county, TrainingKind.RotationClass, $"{today.Year}年村党组织书记、村委会主任集中轮训", Back(60), 2, 16, "县委党校");
        var lectureSlots = new[] { 1, 3 }.Where(s => new DateOnly(today.Year, s * 2 - 1, 10) < today).ToList();
        var lectures = lectureSlots.Select(s => New(town, TrainingKind.Lecture, $"乡村大讲堂（{s * 2 - 1}月）", new DateOnly(today.Year, s * 2 - 1, 10), 1, 3, "镇政府三楼会议室")).ToList();
        var upcoming = New(town, TrainingKind.Topical, "村级财务与“三资”管理专题培训", today.AddDays(12), 1, 6, "镇党校");
        db.Add(rotation);
        db.AddRange(lectures);
        db.Add(upcoming);
        await db.SaveChangesAsync(ct);

        void Enrol(TrainingSession s, IEnumerable<(long Id, string Region, string Post)> who, bool mark)
        {
            foreach (var w in who)
            {
                var absent = mark && rng.Next(8) == 0;
                db.Add(new TrainingEnrolment
                {
                    SessionId = s.Id, CadreId = w.Id, RegionCode = w.Region, PostCode = w.Post, RowVersion = 1,
                    Attended = mark ? !absent : null, CreditedHours = mark && !absent ? s.Hours : 0, MarkedBy = mark ? "system" : null, MarkedAtUtc = mark ? nowUtc : null,
                });
            }
        }
        Enrol(rotation, leaders.Select(c => (c.Id, c.RegionCode, c.PostCode)), true);
        var village = cadres.Where(c => c.RegionCode == ActivityDemo.DemoVillage).Select(c => (c.Id, c.RegionCode, c.PostCode)).ToList();
        foreach (var l in lectures) Enrol(l, village, true);
        Enrol(upcoming, village, false);

        // 1+1 帮带: the first new cadre paired with notes for each full month, the next one left unpaired.
        var fresh = cadres.Where(c => Domain.Training.MentoringRules.IsNew(c.First, today)).ToList();
        var pairs = 0;
        if (fresh.FirstOrDefault() is { } mentee)
        {
            var pair = new MentorPair
            {
                CadreId = mentee.Id, RegionCode = mentee.RegionCode, MentorName = "刘建华", MentorPost = "镇党委副书记", StartDate = mentee.First, Months = MentorPair.DefaultMonths,
                CreatedBy = "system", CreatedAtUtc = nowUtc, RowVersion = 1,
            };
            db.Add(pair);
            await db.SaveChangesAsync(ct);
            var notes = new[] { "一起走访困难户，讲解低保和临时救助政策。", "指导召开村民代表会议，规范“四议两公开”程序。", "谈心谈话一次，梳理本村产业发展思路。", "带领学习村级财务审批流程。" };
            var lastFull = Domain.Training.MentoringRules.LastFullMonth(today);
            for (var m = new DateOnly(mentee.First.Year, mentee.First.Month, 1); m <= lastFull; m = m.AddMonths(1))
                db.Add(new MentorLog { PairId = pair.Id, RegionCode = pair.RegionCode, Month = m, Note = notes[rng.Next(notes.Length)], RecordedBy = "system", RecordedAtUtc = nowUtc });
            pairs = 1;
        }
        db.RecordEvent(AuditActions.Seed, "TrainingDemo", county, county, JsonSerializer.Serialize(new
        {
            Sessions = 2 + lectures.Count, RotationEnrolled = leaders.Count, Pairs = pairs, NewCadres = fresh.Count,
        }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return 2 + lectures.Count;
    }
}
