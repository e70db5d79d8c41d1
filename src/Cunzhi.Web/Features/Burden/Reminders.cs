using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

public sealed record ReminderView(long Id, ReminderKind Kind, DateOnly WeekStart, string Title, string Body, string Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc, string? ReadBy);

/// <summary>A reminder as another channel delivers it: to whom (region) and what.</summary>
public sealed record OutgoingReminder(string RegionCode, string Title, string Body);

/// <summary>
/// Another way a reminder leaves the platform besides the in-app list: <see cref="RobotReminderChannel"/> pushes town and
/// county reminders to their DingTalk and WeCom group robots.
/// </summary>
public interface IReminderChannel
{
    /// <summary>
    /// Adds what this channel will deliver for <paramref name="reminders"/> to <paramref name="db"/>'s unsaved changes, before the
    /// caller saves the reminders: both commit in one transaction (a transactional outbox), so a node that dies after the save
    /// loses no message and one whose save fails queues none. Delivery happens later, on any node (<see cref="RobotSender"/>).
    /// </summary>
    Task QueueAsync(AppDbContext db, IReadOnlyList<OutgoingReminder> reminders, CancellationToken ct);
}

/// <summary>
/// The weekly reminders (SPEC §9): 本周清单已下发 to every village with items on its Monday list, and from Friday
/// 请于今日完成周五汇报 to every village with items not yet reported. Made by <see cref="ReminderService"/> on a timer, at most one
/// of each kind per village and week (a unique index makes a second run, or two instances, harmless). A reminder belongs to the
/// village: all its accounts see it, and any of them marks it read.
/// </summary>
public sealed class ReminderHandlers(AppDbContext db, UserContext user, TimeProvider clock, IEnumerable<IReminderChannel> channels)
{

    /// <summary>Makes the reminders due at <paramref name="localNow"/> (acting as the system); returns how many were made.</summary>
    public async Task<int> GenerateAsync(DateTimeOffset localNow, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var monday = Week.MondayOf(today);
        var nowUtc = localNow.UtcDateTime;
        var list = WeeklyHandlers.OnListOf(db.Set<VillageTask>().AsNoTracking(), monday, clock).Where(t => t.AdmittedAtUtc <= nowUtc);
        var reports = db.Set<WeeklyReport>().Where(r => r.WeekStart == monday);
        var made = new List<Reminder>();
        foreach (var kind in ReminderSchedule.Due(today))
        {
            var already = db.Set<Reminder>().Where(r => r.Kind == kind && r.WeekStart == monday).Select(r => r.RegionCode);
            var villages = await list.Where(t => !already.Contains(t.RegionCode))
                .GroupBy(t => t.RegionCode)
                .Select(g => new { Code = g.Key, Items = g.Count(), Unreported = g.Count(t => !reports.Any(r => r.VillageTaskId == t.Id)) })
                .ToListAsync(ct);
            foreach (var v in villages.Where(v => kind == ReminderKind.MondayList || v.Unreported > 0))
            {
                var (title, body) = ReminderSchedule.Text(kind, monday, v.Items, v.Unreported);
                made.Add(new Reminder
                {
                    RegionCode = v.Code, Kind = kind, WeekStart = monday, Title = title, Body = body,
                    Link = $"/Tasks/Weekly?week={monday:yyyy-MM-dd}", CreatedAtUtc = nowUtc,
                });
            }
        }
        made.AddRange(await SummariesAsync(localNow, monday, list, reports, ct));
        if (made.Count == 0) return 0;
        db.AddRange(made);
        foreach (var channel in channels)
            await channel.QueueAsync(db, [.. made.Select(r => new OutgoingReminder(r.RegionCode, r.Title, r.Body))], ct);
        await db.SaveChangesAsync(ct);
        return made.Count;
    }

    /// <summary>Friday afternoon: each town with villages not yet fully reported; Friday evening: each county's summary of the week.</summary>
    private async Task<List<Reminder>> SummariesAsync(DateTimeOffset localNow, DateOnly monday, IQueryable<VillageTask> list, IQueryable<WeeklyReport> reports,
        CancellationToken ct)
    {
        var due = ReminderSchedule.SummariesDue(localNow.DateTime);
        if (due.Count == 0) return [];
        var nowUtc = localNow.UtcDateTime;
        var stats = await list.GroupBy(t => t.RegionCode)
            .Select(g => new
            {
                Code = g.Key, Items = g.Count(),
                Unreported = g.Count(t => !reports.Any(r => r.VillageTaskId == t.Id)),
                Blocked = g.Count(t => reports.Any(r => r.VillageTaskId == t.Id && r.Status == WeeklyStatus.Blocked)),
            }).ToListAsync(ct);
        if (stats.Count == 0) return [];
        var codes = stats.Select(s => s.Code).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var made = new List<Reminder>();
        Reminder New(string region, ReminderKind kind, (string Title, string Body) text, string link) => new()
        {
            RegionCode = region, Kind = kind, WeekStart = monday, Title = text.Title, Body = text.Body.Length > 300 ? text.Body[..299] + "…" : text.Body,
            Link = link, CreatedAtUtc = nowUtc,
        };
        foreach (var kind in due)
        {
            var already = await db.Set<Reminder>().Where(r => r.Kind == kind && r.WeekStart == monday).Select(r => r.RegionCode).ToListAsync(ct);
            if (kind == ReminderKind.TownUnreported)
                foreach (var town in stats.Where(s => s.Unreported > 0).GroupBy(s => RegionCodes.TownOf(s.Code)!).Where(g => !already.Contains(g.Key)))
                    made.Add(New(town.Key, kind, ReminderSchedule.TownText([.. town.OrderBy(s => s.Code).Select(s => (names.GetValueOrDefault(s.Code, s.Code), s.Unreported))]),
                        $"/Tasks/Board?week={monday:yyyy-MM-dd}&show=Unreported"));
            else
                foreach (var county in stats.GroupBy(s => RegionCodes.CountyOf(s.Code)!).Where(g => !already.Contains(g.Key)))
                    made.Add(New(county.Key, kind, ReminderSchedule.CountyText(monday, county.Count(), county.Sum(s => s.Items), county.Sum(s => s.Items - s.Unreported),
                        county.Sum(s => s.Blocked), county.Count(s => s.Unreported > 0)), $"/Tasks/Board?week={monday:yyyy-MM-dd}"));
        }
        return made;
    }

    public static ReminderView View(Reminder r) => new(r.Id, r.Kind, r.WeekStart, r.Title, r.Body, r.Link, r.CreatedAtUtc, r.ReadAtUtc, r.ReadBy);

    // Reminders are addressed to one region; a county or town account's scope would otherwise show it every village's.
    private IQueryable<Reminder> Mine
    {
        get
        {
            var village = user.RegionCode;
            return db.Set<Reminder>().Where(r => r.RegionCode == village);
        }
    }

    /// <summary>The account's village's reminders, unread first, newest first.</summary>
    public Task<Paged<ReminderView>> ListAsync(bool unreadOnly, PageRequest page, CancellationToken ct = default)
    {
        var q = Mine.AsNoTracking();
        if (unreadOnly) q = q.Where(r => r.ReadAtUtc == null);
        return q.OrderBy(r => r.ReadAtUtc == null ? 0 : 1).ThenByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new ReminderView(r.Id, r.Kind, r.WeekStart, r.Title, r.Body, r.Link, r.CreatedAtUtc, r.ReadAtUtc, r.ReadBy)).ToPagedAsync(page, ct);
    }

    public Task<int> UnreadAsync(CancellationToken ct = default) => Mine.CountAsync(r => r.ReadAtUtc == null, ct);

    /// <summary>Marks one reminder read; false when it is not the account's village's.</summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken ct = default)
    {
        var r = await Mine.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        if (r.ReadAtUtc is null)
        {
            (r.ReadAtUtc, r.ReadBy) = (clock.GetUtcNow().UtcDateTime, user.UserName);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Marks all the village's unread reminders read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var unread = await Mine.Where(r => r.ReadAtUtc == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in unread) (r.ReadAtUtc, r.ReadBy) = (now, user.UserName);
        if (unread.Count > 0) await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}

/// <summary>
/// Makes the weekly reminders on a timer driven by the registered <see cref="TimeProvider"/> (every
/// <c>Reminders:IntervalMinutes</c>, default 30, and once at start), so a server that was down on Monday or Friday catches
/// up later in the week. <c>Reminders:Enabled=false</c> turns it off. Chosen over making reminders lazily on request:
/// villages that never sign in still get them, which the webhook channels will need.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReminderService> log)
    : TimedReminderPass(scopes, clock, config, log)
{
    protected override string What => "周提醒";

    protected override Task<int> MakeAsync(IServiceProvider services, DateTimeOffset localNow, CancellationToken ct) =>
        services.GetRequiredService<ReminderHandlers>().GenerateAsync(localNow, ct);
}
