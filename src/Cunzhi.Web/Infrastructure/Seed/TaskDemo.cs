using Cunzhi.Data;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>What the activity demo made of the burden side's tasks.</summary>
public sealed record TaskDemoCounts(int Requests, int Admitted, int Refused, int Rejected, int Pending, long VillageTasks);

/// <summary>
/// Task requests of the last thirteen weeks from several county departments, each filed on its day through the admission
/// gate (<see cref="TaskGate.Pass"/>, the same gate as the page, the API and the imports): those under a listed item are
/// admitted, those on the negative list refused, the rest decided by the coordination office the next day
/// (<see cref="TaskRequest.Approve"/>/<see cref="TaskRequest.Reject"/>) or, the latest two, still waiting in its queue. Then
/// every village's weekly reports on those tasks (<see cref="WeeklyReport.File"/>, each on the Friday of its week): most done,
/// some in progress, a few blocked with a note; this week only part of the villages have reported yet.
/// </summary>
public sealed class TaskDemo(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// One request of the demo: filed <paramref name="WeeksAgo"/> weeks before this one (on that Tuesday), claiming the list
    /// item of that title (null: none), to the villages of <paramref name="Towns"/> towns (三兴镇 first); <paramref name="Office"/>
    /// is what the coordination office answers when the gate leaves it pending: null approves, a reason rejects, "" leaves it waiting.
    /// </summary>
    private sealed record Plan(int WeeksAgo, string Department, string Title, string Requirement, string? ClaimedItem, int Towns, int DueInDays, string? Office = null);

    public const string Agriculture = "万载县农业农村局";

    private static readonly Plan[] Plans =
    [
        new(12, Agriculture, "秋收后秸秆禁烧巡查", "请各村组织网格员开展秸秆禁烧巡查，发现露天焚烧秸秆及时劝阻并报告乡镇。", "协助开展秸秆禁烧巡查", 8, 28),
        new(11, "万载县应急管理局", "汛后地质灾害隐患点复查", "请各村对辖区地质灾害隐患点开展汛后复查，更新隐患点监测责任人。", "协助开展防汛抗旱和地质灾害隐患巡查", 6, 21),
        new(10, "万载县卫生健康委员会", "秋冬季爱国卫生运动", "请各村组织开展秋冬季爱国卫生运动，清理房前屋后卫生死角。", "协助开展疫苗接种动员和爱国卫生运动", 7, 28),
        new(9, "万载县住房和城乡建设局", "关于请各村代收本村水电费的通知", "请各村代收代缴本村农户水电费，按月汇总后交县供水公司和供电所。", null, 18, 30),
        new(9, "万载县民政局", "困难群众冬季走访慰问摸底", "请各村走访低保、特困和临时困难群众，摸清冬季生活需求，报乡镇民政所汇总。", null, 6, 21),
        new(8, "万载县林业局", "冬季森林防火宣传", "请各村利用村村响广播和网格群开展冬季森林防火宣传，提醒群众野外不用火。", "协助开展森林防火巡查和宣传", 9, 35),
        new(7, "万载县文明办", "文明村镇创建评比", "请各村参加文明村镇创建评比，达标后统一挂牌。", null, 18, 30),
        new(7, "万载县商务局", "组织村干部观看电商直播培训", "请各村安排村干部每周三晚上观看县电商直播培训并在群内接龙报到。", null, 18, 21,
            "该培训与村级组织职责无关，请由乡镇统一组织有意愿的群众参加，不再要求村干部观看和接龙报到"),
        new(6, "万载县医疗保障局", "2027年度城乡居民医保征缴动员", "请各村宣传2027年度城乡居民医保征缴政策，动员群众按时参保缴费。", "协助开展城乡居民医保征缴", 8, 42),
        new(5, "万载县卫生健康委员会", "健康知识答题活动", "请各村组织群众下载APP参加健康知识答题，每村参与不少于100人。", null, 18, 14),
        new(5, Agriculture, "冬春农田水利建设进度统计", "请各村每两周报送一次冬春农田水利建设进度（开工、完工项目数）。", null, 5, 60),
        new(4, Agriculture, "防止返贫动态监测入户排查", "请各村对脱贫户和监测户开展入户排查，发现返贫风险及时报告。", "协助开展防止返贫动态监测", 7, 21),
        new(3, Agriculture, "高标准农田管护工作拍照留痕", "请各村对高标准农田管护情况每周拍照留痕，上传工作群。", null, 18, 14),
        new(3, "万载县文化广电新闻出版旅游局", "乡村旅游资源调查", "请各村调查本村乡村旅游资源，填写景点、民宿、农家乐情况。", null, 18, 21,
            "乡村旅游资源已由县文旅局于今年上半年普查，请使用已有普查数据，不再向村重复收集"),
        new(2, "万载县人民武装部", "冬季征兵宣传", "请各村张贴征兵公告，向适龄青年宣传征兵政策。", "协助开展征兵宣传和兵役登记", 8, 21),
        new(1, "万载县应急管理局", "冬季农村消防安全提醒", "请各村入户提醒群众冬季用火用电安全，重点关注独居老人。", "农村消防安全宣传和隐患提醒", 9, 28),
        new(0, "万载县民政局", "农村养老服务需求调查", "请各村了解本村60岁以上老人的养老服务需求，报乡镇汇总。", null, 6, 21, ""),
        new(0, "万载县交通运输局", "农村公路路长制巡查", "请各村村级路长每月巡查一次农村公路，发现病害及时上报。", null, 7, 30, ""),
    ];

    /// <summary>The department the demo account <c>dept.agri</c> stands for files as itself; the others as the demo generator.</summary>
    internal static async Task<(string UserId, string UserName)> DepartmentAccountAsync(AppDbContext db, string department, CancellationToken ct)
    {
        if (department == Agriculture && await db.Users.Where(u => u.UserName == "dept.agri").Select(u => u.Id).FirstOrDefaultAsync(ct) is { } id)
            return (id, "dept.agri");
        return ("", "demo");
    }

    /// <summary>The coordination office's account name (the demo account, else the demo generator).</summary>
    internal static async Task<string> OfficeAsync(AppDbContext db, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.UserName == "coord.office", ct) ? "coord.office" : "demo";

    /// <summary>Files, decides and stores every planned request; the village tasks of admitted ones are bulk-written.</summary>
    public async Task<TaskDemoCounts> SeedAsync(ActivityCounty area, int seed, CancellationToken ct = default)
    {
        var published = await PublishedListAsync(db, area.County, ct);
        var office = await OfficeAsync(db, ct);
        var random = new Random(seed);
        var requests = new List<TaskRequest>();
        foreach (var p in Plans)
        {
            var filed = FiledAt(area, p.WeeksAgo, random);
            var towns = PickTowns(area, p.Towns, random);
            var code = p.ClaimedItem is null ? null : published?.Items.FirstOrDefault(i => i.Title == p.ClaimedItem)?.Code;
            var (userId, userName) = await DepartmentAccountAsync(db, p.Department, ct);
            var gate = new TaskGate(area.County, userId, userName, p.Department, published, TaskChannel.Page, filed);
            var r = gate.Pass(new FileTaskRequest(p.Title, p.Requirement, area.VillagesOf(towns), null, clock.DateOf(filed).AddDays(p.DueInDays), false, null, code),
                area.VillagesOf(towns));
            if (r.Status == TaskRequestStatus.Pending && p.Office != "")
            {
                var decided = Decided(filed, clock);
                if (p.Office is null) r.Approve(office, null, decided);
                else r.Reject(office, p.Office, decided);
            }
            requests.Add(r);
        }
        return await StoreAsync(db, requests, ct);
    }

    /// <summary>The county's list in force, as the gate reads it.</summary>
    internal static Task<ResponsibilityList?> PublishedListAsync(AppDbContext db, string county, CancellationToken ct) =>
        db.Set<ResponsibilityList>().Include(l => l.Items).FirstOrDefaultAsync(l => l.RegionCode == county && l.Status == ListStatus.Published, ct);

    /// <summary>Tuesday of the week, between 9:00 and 11:59 China time — never later than now (this week's may be today).</summary>
    internal DateTime FiledAt(ActivityCounty area, int weeksAgo, Random random)
    {
        var at = clock.ToUtc(area.Monday(weeksAgo).AddDays(1).ToDateTime(new TimeOnly(9 + random.Next(3), random.Next(60))));
        var now = clock.GetUtcNow().UtcDateTime;
        return at < now ? at : now.AddMinutes(-random.Next(5, 60));
    }

    /// <summary>The coordination office decides the next afternoon (or an hour later when that is still to come).</summary>
    internal static DateTime Decided(DateTime filed, TimeProvider clock)
    {
        var next = clock.ToUtc(clock.DateOf(filed).AddDays(1).ToDateTime(new TimeOnly(15, 30)));
        var now = clock.GetUtcNow().UtcDateTime;
        return next < now ? next : filed.AddMinutes(Math.Max(1, (now - filed).TotalMinutes / 2));
    }

    /// <summary><paramref name="count"/> towns: the demo town (三兴镇) first when present, then others drawn with the seed.</summary>
    internal static List<string> PickTowns(ActivityCounty area, int count, Random random)
    {
        var all = area.Towns.Select(t => t.Town).ToList();
        var picked = all.Contains(PayDemo.DemoTown) ? new List<string> { PayDemo.DemoTown } : [];
        var rest = all.Where(t => t != PayDemo.DemoTown).OrderBy(_ => random.Next()).ToList();
        picked.AddRange(rest.Take(Math.Max(0, count - picked.Count)));
        return picked;
    }

    /// <summary>Saves the requests (one audit entry each) and bulk-writes their village tasks with ids given here.</summary>
    internal static async Task<TaskDemoCounts> StoreAsync(AppDbContext db, IReadOnlyList<TaskRequest> requests, CancellationToken ct)
    {
        // The domain made each admitted request's village tasks; they are taken off the request and bulk-written after it,
        // so the audit chain gets one summary instead of one entry per village.
        var tasks = requests.ToDictionary(r => r, r => r.VillageTasks.ToList());
        foreach (var r in requests) r.VillageTasks.Clear();
        db.AddRange(requests);
        await db.SaveChangesAsync(ct);
        var bulk = new BulkWriter(db);
        var next = await bulk.NextIdAsync<VillageTask>(ct);
        var rows = requests.SelectMany(r => tasks[r].Select(t => (RequestId: r.Id, Task: t))).Select((x, i) => (Id: next + i, x.RequestId, x.Task)).ToList();
        var written = await bulk.WriteAsync(typeof(VillageTask), rows,
            [nameof(VillageTask.Id), nameof(VillageTask.TaskRequestId), nameof(VillageTask.RegionCode), nameof(VillageTask.Title), nameof(VillageTask.Requirement),
             nameof(VillageTask.DepartmentName), nameof(VillageTask.DueDate), nameof(VillageTask.EvidenceRequired), nameof(VillageTask.EvidenceJustification),
             nameof(VillageTask.ItemCode), nameof(VillageTask.ItemTitle), nameof(VillageTask.AdmittedAtUtc)],
            x => [x.Id, x.RequestId, x.Task.RegionCode, x.Task.Title, x.Task.Requirement, x.Task.DepartmentName, x.Task.DueDate, x.Task.EvidenceRequired,
                  x.Task.EvidenceJustification, x.Task.ItemCode, x.Task.ItemTitle, x.Task.AdmittedAtUtc], ct);
        await bulk.ResetIdentityAsync<VillageTask>(ct);
        foreach (var r in requests) db.Entry(r).State = EntityState.Detached;
        return new(requests.Count, requests.Count(r => r.Status == TaskRequestStatus.Admitted), requests.Count(r => r.Status == TaskRequestStatus.Refused),
            requests.Count(r => r.Status == TaskRequestStatus.Rejected), requests.Count(r => r.Status == TaskRequestStatus.Pending), written);
    }

    private static readonly string[] BlockedNotes =
    [
        "部分农户外出务工，需等春节返乡后补办", "连日降雨道路中断，巡查暂缓", "所需资金尚未到位，已向镇里报告", "个别农户不理解，正在做思想工作",
        "系统账号尚未开通，无法录入", "涉及跨村山林边界，需镇里协调",
    ];

    private static readonly string?[] ProgressNotes = ["已完成一半，本周继续推进", "已入户走访 6 个村民小组", "已布置到各网格员", null, null];

    /// <summary>
    /// Each village's Friday report on every item of its Monday list, week by week (the list as <see cref="WeeklyHandlers.OnListOf"/>
    /// has it): an item is 推进中 until the week the village finishes it (a few weeks after admission), 已完成 from then on;
    /// some weeks an unfinished item is 受阻 with a note; a form's item is 已完成 from the week the village submitted the form,
    /// with the note the form's submission writes. A few villages skip a week; this week about half have reported so far
    /// (闹坪村, the demo village account's, not yet). Bulk-written.
    /// </summary>
    public async Task<long> SeedWeeklyAsync(ActivityCounty area, int seed, CancellationToken ct = default)
    {
        var prefix = Domain.Regions.RegionCodes.ScopePrefix(area.County);
        var tasks = await db.Set<VillageTask>().AsNoTracking().Where(t => t.RegionCode.StartsWith(prefix)).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.TaskRequestId, t.RegionCode, t.DueDate, t.AdmittedAtUtc }).ToListAsync(ct);
        var forms = await db.Set<FormSubmission>().AsNoTracking().Where(s => s.RegionCode.StartsWith(prefix) && s.Status == SubmissionStatus.Submitted)
            .Select(s => new { s.VillageTaskId, s.SubmittedAtUtc, s.UpdatedBy }).ToDictionaryAsync(s => s.VillageTaskId, ct);
        var formTitles = await db.Set<FormTemplate>().AsNoTracking().Where(f => f.TaskRequestId != null).Select(f => new { f.TaskRequestId, f.Title })
            .ToDictionaryAsync(f => f.TaskRequestId!.Value, f => f.Title, ct);
        var reporter = await db.Users.Where(u => u.UserName == "village.naoping").Select(u => u.RegionCode).FirstOrDefaultAsync(ct);
        var random = new Random(seed + 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = area.Today;
        var reports = new List<WeeklyReport>();
        var blockedThisWeek = false;
        var demoTownReported = 0;
        for (var w = 12; w >= 0; w--)
        {
            var monday = area.Monday(w);
            var friday = monday.AddDays(4);
            var end = clock.StartUtc(monday.AddDays(7));
            var day = w == 0 ? today : friday; // the day it was reported (this week's: today at the latest)
            var onList = tasks.Where(t => t.AdmittedAtUtc < end && t.DueDate >= monday.AddDays(-WeeklyHandlers.OverdueDays)).GroupBy(t => t.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var village in onList)
            {
                // 闹坪村 reports every past week and leaves this week's to its account; a few others skip a week. This week's share
                // grows with the day (15% by Monday … 75% from Friday); two villages of the demo town have always reported.
                var skips = random.Next(100);
                var demoTown = village.Key.StartsWith(PayDemo.DemoTown[..9], StringComparison.Ordinal) && village.Key != reporter;
                var share = Math.Min(75, 15 + 15 * (today.DayNumber - monday.DayNumber));
                if (w == 0 ? village.Key == reporter || skips >= share && !(demoTown && demoTownReported < 2) : skips < 4 && village.Key != reporter) continue;
                if (w == 0 && demoTown) demoTownReported++;
                var by = village.Key == reporter ? "village.naoping" : "demo";
                var at = ReportedAt(day, random, now, monday);
                foreach (var t in village)
                {
                    var weeksIn = (int)((end - t.AdmittedAtUtc).TotalDays / 7);
                    WeeklyStatus status;
                    string? note = null;
                    if (formTitles.TryGetValue(t.TaskRequestId, out var title))
                    {
                        if (!forms.TryGetValue(t.Id, out var s) || s.SubmittedAtUtc >= end) { status = WeeklyStatus.InProgress; }
                        else { status = WeeklyStatus.Done; note = WeeklyReport.FormSubmittedNote(title); }
                    }
                    else
                    {
                        var finishesIn = (int)((t.Id * 2654435761L + seed) % 4); // weeks after admission the village finishes it: 0–3
                        var roll = random.Next(100);
                        if (weeksIn > finishesIn) status = WeeklyStatus.Done;
                        else if (roll < 10 || w == 0 && !blockedThisWeek && village.Key.StartsWith(PayDemo.DemoTown[..9], StringComparison.Ordinal))
                        {
                            (status, note) = (WeeklyStatus.Blocked, BlockedNotes[random.Next(BlockedNotes.Length)]);
                            if (w == 0 && village.Key.StartsWith(PayDemo.DemoTown[..9], StringComparison.Ordinal)) blockedThisWeek = true;
                        }
                        else (status, note) = (WeeklyStatus.InProgress, ProgressNotes[random.Next(ProgressNotes.Length)]);
                    }
                    reports.Add(WeeklyReport.File(t.Id, t.RegionCode, monday, status, note, by, at, day));
                }
            }
        }
        return await new BulkWriter(db).WriteAsync(reports,
            [nameof(WeeklyReport.VillageTaskId), nameof(WeeklyReport.RegionCode), nameof(WeeklyReport.WeekStart), nameof(WeeklyReport.Status),
             nameof(WeeklyReport.Note), nameof(WeeklyReport.ReportedAtUtc), nameof(WeeklyReport.ReportedBy)],
            r => [r.VillageTaskId, r.RegionCode, r.WeekStart, (int)r.Status, r.Note, r.ReportedAtUtc, r.ReportedBy], ct);
    }

    /// <summary>Friday afternoon of a past week; this week's a little before now (never before its Monday).</summary>
    private DateTime ReportedAt(DateOnly day, Random random, DateTime now, DateOnly monday)
    {
        var at = clock.ToUtc(day.ToDateTime(new TimeOnly(14 + random.Next(4), random.Next(60))));
        if (at < now) return at;
        var earlier = now.AddMinutes(-random.Next(10, 120));
        var start = clock.StartUtc(monday);
        return earlier > start ? earlier : start.AddMinutes(1) < now ? start.AddMinutes(1) : now;
    }
}
