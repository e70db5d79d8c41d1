using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Tasks;

public sealed record WeeklyItem(long VillageTaskId, long TaskRequestId, string RegionCode, string? VillageName, string Title, string Requirement,
    string DepartmentName, DateOnly DueDate, bool EvidenceRequired, WeeklyStatus? Status, string? Note, string? ReportedBy, DateTime? ReportedAtUtc,
    string? EvidenceJustification = null, int Evidence = 0, string? ReportedByName = null)
{
    /// <summary>Who reported, as people know them: the account's display name, else its login name.</summary>
    public string? Reporter => string.IsNullOrWhiteSpace(ReportedByName) ? ReportedBy : ReportedByName;
}

/// <summary>周一清单: the admitted tasks of the villages in scope for one week, with this week's answers.</summary>
public sealed record WeeklyList(DateOnly Week, bool Open, Paged<WeeklyItem> Items);

public sealed record WeeklyAnswer(long VillageTaskId, WeeklyStatus Status, string? Note);

/// <summary>周五汇报: answers to several items of the Monday list, saved together.</summary>
public sealed record SaveWeeklyReport(DateOnly? Week, List<WeeklyAnswer> Items);

public sealed record BoardColumn(long TaskRequestId, string Title, string DepartmentName, DateOnly DueDate);

/// <summary>
/// One village's row: task request id → status (null: 未报); a task not put on the village has no entry. <paramref name="Notes"/>:
/// task request id → why, for items reported 推进中 or 受阻 (the note and who reported it, by display name and post).
/// </summary>
public sealed record BoardRow(string VillageCode, string VillageName, IReadOnlyDictionary<long, WeeklyStatus?> Cells,
    IReadOnlyDictionary<long, BoardNote>? Notes = null);

/// <summary>What the village said about an item in progress or blocked, and who said it (never the login name).</summary>
public sealed record BoardNote(WeeklyStatus Status, string? Note, string ReporterName, string ReporterPost, DateTime ReportedAtUtc);

public sealed record WeeklyBoard(DateOnly Week, IReadOnlyList<BoardColumn> Columns, Paged<BoardRow> Rows);

/// <summary>Which villages the board shows: all, those with any item not yet reported, or those with a blocked item.</summary>
public enum BoardShow
{
    All = 0,
    Unreported = 1,
    Blocked = 2,
}

/// <summary>A file uploaded with the Friday report for one item (the page posts them with the answers).</summary>
public sealed record EvidenceUpload(long VillageTaskId, IFormFile File);

public sealed class SaveWeeklyReportValidator : AbstractValidator<SaveWeeklyReport>
{
    public SaveWeeklyReportValidator()
    {
        RuleFor(c => c.Items).NotEmpty().WithMessage("没有要填报的事项");
        RuleForEach(c => c.Items).ChildRules(i =>
        {
            i.RuleFor(a => a.Status).IsInEnum().WithMessage("请选择完成情况");
            i.RuleFor(a => a.Note).NotEmpty().When(a => a.Status == WeeklyStatus.Blocked).WithMessage("受阻的事项请填写情况说明");
            i.RuleFor(a => a.Note).MaximumLength(WeeklyReport.NoteMaxLength).WithMessage($"情况说明不能超过 {WeeklyReport.NoteMaxLength} 个字");
        });
    }
}

/// <summary>
/// 每周节奏: the Monday list, the Friday report and the town board. Region scope comes from the data
/// context (a village sees and reports only its own tasks); only village cadres report.
/// </summary>
public sealed class WeeklyHandlers(AppDbContext db, UserContext user, TimeProvider clock, EvidenceStore evidence)
{
    /// <summary>Tasks due more than this many days before the week no longer appear on its list.</summary>
    public const int OverdueDays = 28;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public DateOnly WeekOf(DateOnly? week) => Week.MondayOf(week is { } w ? InputRange.Date(w, "week") : Today);

    /// <summary>Tasks on the list of a week: admitted by its end, and not due long before it (also what reminders count).</summary>
    /// The week ends at the next Monday's 00:00 China time (Sunday 16:00 UTC), not at midnight UTC.
    public static IQueryable<VillageTask> OnListOf(IQueryable<VillageTask> tasks, DateOnly monday, TimeProvider clock)
    {
        var end = clock.StartUtc(monday.AddDays(7));
        var from = monday.AddDays(-OverdueDays);
        return tasks.Where(t => t.AdmittedAtUtc < end && t.DueDate >= from);
    }

    private IQueryable<VillageTask> TasksOf(DateOnly monday, string? region)
    {
        var q = OnListOf(db.Set<VillageTask>().AsNoTracking(), monday, clock);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(t => t.RegionCode.StartsWith(prefix));
        }
        return q;
    }

    public async Task<WeeklyList> MondayListAsync(string? village, DateOnly? week, PageRequest page, CancellationToken ct = default)
    {
        var monday = WeekOf(week);
        var reports = db.Set<WeeklyReport>().Where(r => r.WeekStart == monday);
        var items = await TasksOf(monday, village).OrderBy(t => t.RegionCode).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new { t, r = reports.FirstOrDefault(r => r.VillageTaskId == t.Id) })
            .Select(x => new WeeklyItem(x.t.Id, x.t.TaskRequestId, x.t.RegionCode, db.Regions.Where(g => g.Code == x.t.RegionCode).Select(g => g.Name).FirstOrDefault(),
                x.t.Title, x.t.Requirement, x.t.DepartmentName, x.t.DueDate, x.t.EvidenceRequired,
                x.r == null ? null : x.r.Status, x.r == null ? null : x.r.Note, x.r == null ? null : x.r.ReportedBy, x.r == null ? null : x.r.ReportedAtUtc,
                x.t.EvidenceJustification, db.Set<TaskEvidence>().Count(e => e.VillageTaskId == x.t.Id && e.WeekStart == monday),
                x.r == null ? null : db.Users.Where(u => u.UserName == x.r.ReportedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .ToPagedAsync(page, ct);
        return new(monday, Week.IsOpen(monday, Today), items);
    }

    /// <summary>
    /// Saves the answers — and the evidence files uploaded with them — in one transaction; null when an item is not a task
    /// of the reporter's village. 已完成 on a task that requires evidence is refused without a file (this week's or one sent now).
    /// </summary>
    public async Task<WeeklyList?> ReportAsync(SaveWeeklyReport c, IReadOnlyList<EvidenceUpload>? files = null, CancellationToken ct = default)
    {
        var monday = WeekOf(c.Week);
        var today = Today;
        EnsureOpen(monday, today);
        files ??= [];
        var ids = c.Items.Select(i => i.VillageTaskId).Concat(files.Select(f => f.VillageTaskId)).Distinct().ToList();
        var village = user.RegionCode;
        var tasks = await TasksOf(monday, null).Where(t => ids.Contains(t.Id) && t.RegionCode == village)
            .ToDictionaryAsync(t => t.Id, t => new { t.Title, t.EvidenceRequired }, ct);
        if (tasks.Count != ids.Count) return null;
        var errors = new List<string>();
        foreach (var f in files)
        {
            if (!tasks[f.VillageTaskId].EvidenceRequired) errors.Add($"“{tasks[f.VillageTaskId].Title}”不要求佐证材料，无需上传");
            errors.AddRange(await EvidenceStore.CheckAsync(f.File, ct));
        }
        var existingEvidence = await db.Set<TaskEvidence>().Where(e => e.WeekStart == monday && ids.Contains(e.VillageTaskId))
            .GroupBy(e => e.VillageTaskId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var a in c.Items)
        {
            var t = tasks[a.VillageTaskId];
            var count = existingEvidence.GetValueOrDefault(a.VillageTaskId) + files.Count(f => f.VillageTaskId == a.VillageTaskId);
            if (EvidenceRules.CheckReport(t.Title, t.EvidenceRequired, a.Status, count) is { } refusal) errors.Add(refusal);
        }
        RuleException.ThrowIfAny(errors.Distinct());

        var existing = await db.Set<WeeklyReport>().Where(r => r.WeekStart == monday && ids.Contains(r.VillageTaskId)).ToDictionaryAsync(r => r.VillageTaskId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in c.Items)
        {
            if (existing.TryGetValue(a.VillageTaskId, out var r)) r.Change(a.Status, a.Note, user.UserName, now, today);
            else db.Add(existing[a.VillageTaskId] = WeeklyReport.File(a.VillageTaskId, village, monday, a.Status, a.Note, user.UserName, now, today));
        }
        var stored = new List<string>();
        try
        {
            foreach (var f in files)
            {
                var e = await evidence.StoreAsync(f.File, ct);
                stored.Add(e.StoredName);
                e.VillageTaskId = f.VillageTaskId;
                e.RegionCode = village;
                e.WeekStart = monday;
                e.UploadedBy = user.UserName;
                e.UploadedAtUtc = now;
                db.Add(e);
            }
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Nothing saved: no file may stay behind without its row.
            foreach (var name in stored) evidence.Delete(name);
            throw;
        }
        return await MondayListAsync(village, monday, new PageRequest(1, 200), ct);
    }

    private static void EnsureOpen(DateOnly monday, DateOnly today)
    {
        if (!Week.IsOpen(monday, today))
            throw new RuleException(today < monday ? $"{monday:yyyy-MM-dd} 这一周尚未开始，不能填报" : $"{monday:yyyy-MM-dd} 这一周已结束，周报不能再修改");
    }

    /// <summary>Uploads one evidence file for a task of the reporter's village in an open week (API); null when the task is not the village's.</summary>
    public async Task<EvidenceView?> UploadEvidenceAsync(long villageTaskId, DateOnly? week, IFormFile file, CancellationToken ct = default)
    {
        var monday = WeekOf(week);
        EnsureOpen(monday, Today);
        var village = user.RegionCode;
        var task = await TasksOf(monday, null).Where(t => t.Id == villageTaskId && t.RegionCode == village).Select(t => new { t.Title, t.EvidenceRequired }).FirstOrDefaultAsync(ct);
        if (task is null) return null;
        var errors = new List<string>();
        if (!task.EvidenceRequired) errors.Add($"“{task.Title}”不要求佐证材料，无需上传");
        errors.AddRange(await EvidenceStore.CheckAsync(file, ct));
        if (errors.Count > 0) throw RuleException.Of(errors);
        var e = await evidence.StoreAsync(file, ct);
        (e.VillageTaskId, e.RegionCode, e.WeekStart, e.UploadedBy, e.UploadedAtUtc) = (villageTaskId, village, monday, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Add(e);
        try { await db.SaveChangesAsync(ct); }
        catch { evidence.Delete(e.StoredName); throw; }
        return EvidenceStore.View(e);
    }

    /// <summary>
    /// Village-by-task board of one week for the villages in scope (optionally one town), paged over villages; filtered by
    /// village name or code, and to villages with an item not yet reported or blocked.
    /// </summary>
    public async Task<WeeklyBoard> BoardAsync(string? town, DateOnly? week, PageRequest page, CancellationToken ct = default, string? q = null, BoardShow show = BoardShow.All)
    {
        var monday = WeekOf(week);
        var villages = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village);
        if (!string.IsNullOrWhiteSpace(town) && RegionCodes.LevelOf(town.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(town.Trim());
            villages = villages.Where(r => r.Code.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(q)) villages = villages.Where(r => r.Name.Contains(q.Trim()) || r.Code.StartsWith(q.Trim()));
        var reportsOfWeek = db.Set<WeeklyReport>().Where(r => r.WeekStart == monday);
        var weekTasks = TasksOf(monday, null);
        villages = show switch
        {
            BoardShow.Unreported => villages.Where(v => weekTasks.Any(t => t.RegionCode == v.Code && !reportsOfWeek.Any(r => r.VillageTaskId == t.Id))),
            BoardShow.Blocked => villages.Where(v => reportsOfWeek.Any(r => r.RegionCode == v.Code && r.Status == WeeklyStatus.Blocked && weekTasks.Any(t => t.Id == r.VillageTaskId))),
            _ => villages,
        };
        var rows = await villages.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToPagedAsync(page, ct);
        var codes = rows.Items.Select(r => r.Code).ToList();
        var tasks = await weekTasks.Where(t => codes.Contains(t.RegionCode))
            .Select(t => new { t.Id, t.TaskRequestId, t.RegionCode, t.Title, t.DepartmentName, t.DueDate }).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.WeekStart == monday && taskIds.Contains(r.VillageTaskId))
            .Select(r => new { r.VillageTaskId, r.Status, r.Note, r.ReportedBy, r.ReportedAtUtc })
            .ToDictionaryAsync(r => r.VillageTaskId, ct);
        var people = await PersonNames.ByUserNameAsync(db, reports.Values.Where(r => r.Status != WeeklyStatus.Done).Select(r => r.ReportedBy), ct);
        var columns = tasks.GroupBy(t => t.TaskRequestId).Select(g => g.First()).OrderBy(t => t.DueDate).ThenBy(t => t.TaskRequestId)
            .Select(t => new BoardColumn(t.TaskRequestId, t.Title, t.DepartmentName, t.DueDate)).ToList();
        var boardRows = rows.Items.Select(v =>
        {
            var own = tasks.Where(t => t.RegionCode == v.Code).ToList();
            var notes = new Dictionary<long, BoardNote>();
            foreach (var t in own)
                if (reports.TryGetValue(t.Id, out var r) && r.Status != WeeklyStatus.Done)
                {
                    var who = people[r.ReportedBy];
                    notes[t.TaskRequestId] = new(r.Status, r.Note, who.Name, who.Post, DateTime.SpecifyKind(r.ReportedAtUtc, DateTimeKind.Utc));
                }
            return new BoardRow(v.Code, v.Name, own.ToDictionary(t => t.TaskRequestId, t => reports.TryGetValue(t.Id, out var r) ? r.Status : (WeeklyStatus?)null), notes);
        }).ToList();
        return new(monday, columns, new Paged<BoardRow>(boardRows, rows.Total, rows.Page, rows.PageSize));
    }

    /// <summary>
    /// Evidence files of one task request's villages (or one village task), newest first: the village sees its own, the town
    /// its villages' (region scope), the county offices all, a department only those of its own requests.
    /// </summary>
    public async Task<Paged<EvidenceView>> EvidenceAsync(long? taskRequestId, long? villageTaskId, PageRequest page, bool ownRequestsOnly, CancellationToken ct = default)
    {
        var q = db.Set<TaskEvidence>().AsNoTracking();
        var tasks = db.Set<VillageTask>().AsNoTracking();
        if (taskRequestId is { } rid) tasks = tasks.Where(t => t.TaskRequestId == rid);
        if (villageTaskId is { } vid) tasks = tasks.Where(t => t.Id == vid);
        if (ownRequestsOnly)
        {
            var me = user.UserId;
            var mine = db.Set<TaskRequest>().Where(r => r.RequestedByUserId == me).Select(r => r.Id);
            tasks = tasks.Where(t => mine.Contains(t.TaskRequestId));
        }
        q = q.Where(e => tasks.Any(t => t.Id == e.VillageTaskId));
        return await q.OrderByDescending(e => e.UploadedAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new EvidenceView(e.Id, e.VillageTaskId, e.RegionCode, db.Regions.Where(g => g.Code == e.RegionCode).Select(g => g.Name).FirstOrDefault(),
                tasks.Where(t => t.Id == e.VillageTaskId).Select(t => t.Title).FirstOrDefault() ?? "", e.WeekStart, e.FileName, e.ContentType, e.Size, e.UploadedBy, e.UploadedAtUtc))
            .ToPagedAsync(page, ct);
    }

    /// <summary>Towns in scope (the board's town picker).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> TownsAsync(CancellationToken ct = default) =>
        (await db.Regions.AsNoTracking().Towns().Select(r => new { r.Code, r.Name }).ToListAsync(ct))
        .Select(r => (r.Code, r.Name)).ToList();

    /// <summary>One evidence file's row if the account may see it (same rules as <see cref="EvidenceAsync"/>).</summary>
    public Task<TaskEvidence?> EvidenceFileAsync(long id, bool ownRequestsOnly, CancellationToken ct = default)
    {
        var q = db.Set<TaskEvidence>().AsNoTracking().Where(e => e.Id == id);
        if (ownRequestsOnly)
        {
            var me = user.UserId;
            var mine = db.Set<VillageTask>().Where(t => db.Set<TaskRequest>().Any(r => r.Id == t.TaskRequestId && r.RequestedByUserId == me)).Select(t => t.Id);
            q = q.Where(e => mine.Contains(e.VillageTaskId));
        }
        return q.FirstOrDefaultAsync(ct);
    }
}

public static class WeeklyNames
{
    public static string Status(WeeklyStatus? s) => WeeklyReport.StatusName(s);
    public static string Badge(WeeklyStatus? s) => s switch
    {
        WeeklyStatus.Done => "text-bg-success",
        WeeklyStatus.InProgress => "text-bg-primary",
        WeeklyStatus.Blocked => "text-bg-danger",
        _ => "text-bg-light border",
    };
}
