using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 小微权力 for the demo (with the activity demo; fixed, no randomness): the default list published as the county's first
/// version (in force from 120 days ago), and in 闹坪村 three exercises recorded through the real rules — a 低保 application
/// finished, a small project under way within its time limits, and a 宅基地 application whose 公示 step is overdue (so the
/// village's and the town's home show 权力运行逾期). One decision carries a mobile number, which the public page masks.
/// Does nothing when the county already has a list or the village has exercises.
/// </summary>
public sealed class PowersDemo(AppDbContext db)
{
    /// <summary>Seeds and returns the number of exercises written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        const string village = ActivityDemo.DemoVillage;
        if (RegionCodes.CountyOf(village) != county) return 0;
        if (await db.Set<PowerListPolicy>().AnyAsync(p => p.CountyCode == county, ct)) return 0;
        if (await db.Set<PowerExercise>().AnyAsync(e => e.RegionCode == village, ct)) return 0;
        var list = PowerListPolicy.Default(county).NewDraft(1, today.AddDays(-120));
        list.RowVersion = 1;
        list.Publish("system", nowUtc);
        db.Add(list);
        var calendar = new WorkingCalendar((await ScopeGateway.CountyCalendarDaysAsync(db, county, null, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));

        var exercises = 0;
        async Task ExerciseAsync(string code, string title, string? subject, int startedDaysAgo, params (int DaysAgo, string Decision)[] steps)
        {
            var item = list.Item(code)!;
            var e = PowerExercises.Start(item, list.Version, village, title, subject, today.AddDays(-startedDaysAgo), today, calendar, "system", nowUtc);
            e.RowVersion = 1;
            db.Add(e);
            await db.SaveChangesAsync(ct);
            var entries = new List<PowerStepEntry>();
            foreach (var (daysAgo, decision) in steps)
            {
                var entry = PowerExercises.Record(e, item, entries, entries.Count + 1, today.AddDays(-daysAgo), null, decision, false, null, false, calendar, today, "system", nowUtc);
                entries.Add(entry);
                db.Add(entry);
            }
            exercises++;
        }

        await ExerciseAsync("MS01", "2026 年低保申请（五组）", "刘桂英", 30,
            (30, "刘桂英提交书面申请和家庭经济状况说明"), (28, "两名村干部入户调查，家庭人均收入低于当地低保标准"),
            (24, "村民代表会议评议：到会 21 人，同意 19 人"), (22, "评议结果在村务公开栏公示 7 天，无异议"), (18, "材料已报乡镇审核，申请人电话13807951234已登记以便回访"));
        await ExerciseAsync("GC02", "三组通组公路硬化（限额以下）", null, 5,
            (5, "村两委提出项目，预算 8.6 万元"), (3, "村民代表会议决议：到会 23 人，同意 22 人"));
        await ExerciseAsync("MS02", "农村宅基地申请（二组）", "王建国", 40,
            (40, "王建国提交宅基地申请，拟建住房 120 平方米"), (35, "二组村民小组会议讨论同意"));

        db.RecordEvent(AuditActions.Seed, "PowersDemo", village, village, JsonSerializer.Serialize(new { ListVersion = list.Version, Items = list.Items.Count, Exercises = exercises }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return exercises;
    }
}
