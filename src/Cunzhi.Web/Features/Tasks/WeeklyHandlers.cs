using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

public sealed record WeeklyItem(long VillageTaskId, long TaskRequestId, string RegionCode, string? VillageName, string Title, string Requirement,
    string DepartmentName, DateOnly DueDate, bool EvidenceRequired, WeeklyStatus? Status, string? Note, string? ReportedBy, DateTime? ReportedAtUtc);

/// <summary>周一清单: the admitted tasks of the villages in scope for one week, with this week's answers.</summary>
public sealed record WeeklyList(DateOnly Week, bool Open, Paged<WeeklyItem> Items);

public sealed record WeeklyAnswer(long VillageTaskId, WeeklyStatus Status, string? Note);

/// <summary>周五汇报: answers to several items of the Monday list, saved together.</summary>
public sealed record SaveWeeklyReport(DateOnly? Week, List<WeeklyAnswer> Items);

public sealed record BoardColumn(long TaskRequestId, string Title, string DepartmentName, DateOnly DueDate);

/// <summary>One village's row: task request id → status (null: 未报); a task not put on the village has no entry.</summary>
public sealed record BoardRow(string VillageCode, string VillageName, IReadOnlyDictionary<long, WeeklyStatus?> Cells);

public sealed record WeeklyBoard(DateOnly Week, IReadOnlyList<BoardColumn> Columns, Paged<BoardRow> Rows);

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
public sealed class WeeklyHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string Readers = Roles.VillageCadre + "," + Roles.TownAdmin + "," + Roles.CountyAdmin + "," + Roles.CoordinationOffice;
    public const string Reporters = Roles.VillageCadre;
    public const string BoardReaders = Roles.TownAdmin + "," + Roles.CountyAdmin;
    /// <summary>Tasks due more than this many days before the week no longer appear on its list.</summary>
    public const int OverdueDays = 28;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public DateOnly WeekOf(DateOnly? week) => Week.MondayOf(week ?? Today);

    // Tasks on the list of a week: admitted by its end, and not due long before it.
    private IQueryable<VillageTask> TasksOf(DateOnly monday, string? region)
    {
        var end = monday.AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var from = monday.AddDays(-OverdueDays);
        var q = db.Set<VillageTask>().AsNoTracking().Where(t => t.AdmittedAtUtc < end && t.DueDate >= from);
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
                x.r == null ? null : x.r.Status, x.r == null ? null : x.r.Note, x.r == null ? null : x.r.ReportedBy, x.r == null ? null : x.r.ReportedAtUtc))
            .ToPagedAsync(page, ct);
        return new(monday, Week.IsOpen(monday, Today), items);
    }

    /// <summary>Saves the answers in one transaction; null when an item is not a task of the reporter's village.</summary>
    public async Task<WeeklyList?> ReportAsync(SaveWeeklyReport c, CancellationToken ct = default)
    {
        var monday = WeekOf(c.Week);
        var today = Today;
        if (!Week.IsOpen(monday, today))
            throw new DomainRuleException(today < monday ? $"{monday:yyyy-MM-dd} 这一周尚未开始，不能填报" : $"{monday:yyyy-MM-dd} 这一周已结束，周报不能再修改");
        var ids = c.Items.Select(i => i.VillageTaskId).Distinct().ToList();
        var village = user.RegionCode;
        var tasks = await TasksOf(monday, null).Where(t => ids.Contains(t.Id) && t.RegionCode == village).Select(t => new { t.Id, t.RegionCode }).ToListAsync(ct);
        if (tasks.Count != ids.Count) return null;
        var existing = await db.Set<WeeklyReport>().Where(r => r.WeekStart == monday && ids.Contains(r.VillageTaskId)).ToDictionaryAsync(r => r.VillageTaskId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            foreach (var a in c.Items)
            {
                if (existing.TryGetValue(a.VillageTaskId, out var r)) r.Change(a.Status, a.Note, user.UserName, now, today);
                else db.Add(existing[a.VillageTaskId] = WeeklyReport.File(a.VillageTaskId, village, monday, a.Status, a.Note, user.UserName, now, today));
            }
        }
        catch (TaskRuleException e) { throw new DomainRuleException(e.Message); }
        await db.SaveChangesAsync(ct);
        return await MondayListAsync(village, monday, new PageRequest(1, 200), ct);
    }

    /// <summary>Village-by-task board of one week for the villages in scope (optionally one town), paged over villages.</summary>
    public async Task<WeeklyBoard> BoardAsync(string? town, DateOnly? week, PageRequest page, CancellationToken ct = default)
    {
        var monday = WeekOf(week);
        var villages = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village);
        if (!string.IsNullOrWhiteSpace(town) && RegionCodes.LevelOf(town.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(town.Trim());
            villages = villages.Where(r => r.Code.StartsWith(prefix));
        }
        var rows = await villages.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToPagedAsync(page, ct);
        var codes = rows.Items.Select(r => r.Code).ToList();
        var tasks = await TasksOf(monday, null).Where(t => codes.Contains(t.RegionCode))
            .Select(t => new { t.Id, t.TaskRequestId, t.RegionCode, t.Title, t.DepartmentName, t.DueDate }).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.WeekStart == monday && taskIds.Contains(r.VillageTaskId))
            .ToDictionaryAsync(r => r.VillageTaskId, r => r.Status, ct);
        var columns = tasks.GroupBy(t => t.TaskRequestId).Select(g => g.First()).OrderBy(t => t.DueDate).ThenBy(t => t.TaskRequestId)
            .Select(t => new BoardColumn(t.TaskRequestId, t.Title, t.DepartmentName, t.DueDate)).ToList();
        var boardRows = rows.Items.Select(v => new BoardRow(v.Code, v.Name,
            tasks.Where(t => t.RegionCode == v.Code).ToDictionary(t => t.TaskRequestId, t => reports.TryGetValue(t.Id, out var s) ? s : (WeeklyStatus?)null))).ToList();
        return new(monday, columns, new Paged<BoardRow>(boardRows, rows.Total, rows.Page, rows.PageSize));
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
