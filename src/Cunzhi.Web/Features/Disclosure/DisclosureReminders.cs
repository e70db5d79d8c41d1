using Cunzhi.Data;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Burden;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// 村务公开提醒 through the existing in-app reminders (<see cref="Reminder"/>, the village's 消息): before the due date a
/// village with disclosures due soon (临期, the policy's warning in working days) gets 村务公开临期, after it a village with
/// overdue ones gets 村务公开逾期 — each at most once a week (the reminders' unique index per village, kind and week), so a
/// village is reminded every week until it has posted. Runs as the system for every county that has published a catalogue
/// of its own (a county that has not yet adopted 村务公开 here is not flooded with reminders under the defaults), over the
/// calendar's default range (last quarter and this one). A town with late villages gets 村务公开逾期的村 naming them, once a
/// week too. Every reminder made is also queued, in the same save, for the reminder channels (<see cref="IReminderChannel"/>:
/// the county's and town's DingTalk and WeCom group robots, <see cref="RobotReminderChannel"/>) exactly as the weekly-list
/// reminders are (<see cref="ReminderHandlers"/>); a failed push is retried by the sender and never undoes the in-app reminder.
/// </summary>
public sealed class DisclosureReminders(AppDbContext db, DisclosureCalendars calendars, IEnumerable<IReminderChannel> channels)
{
    /// <summary>Makes this week's disclosure reminders due at <paramref name="localNow"/>; returns how many were made.</summary>
    public async Task<int> GenerateAsync(DateTimeOffset localNow, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var monday = Week.MondayOf(today);
        var (from, to) = DisclosureCalendars.DefaultRange(today);
        var already = (await db.Set<Reminder>().AsNoTracking()
                .Where(r => r.WeekStart == monday
                    && (r.Kind == ReminderKind.DisclosureDueSoon || r.Kind == ReminderKind.DisclosureOverdue || r.Kind == ReminderKind.DisclosureTownLate))
                .Select(r => new { r.RegionCode, r.Kind }).ToListAsync(ct))
            .Select(r => (r.RegionCode, r.Kind)).ToHashSet();
        var counties = await db.Set<DisclosurePolicy>().AsNoTracking().Where(p => p.IsPublished).Select(p => p.CountyCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var made = new List<Reminder>();
        var lateByTown = new Dictionary<string, List<(string Name, int Count)>>();
        foreach (var county in counties)
            foreach (var (village, dues) in await calendars.DuesAsync(county, from, to, ct) ?? [])
            {
                var soon = dues.Count(d => d.DueSoon);
                var late = dues.Where(d => d.State == DisclosureState.Overdue).ToList();
                if (soon > 0 && already.Add((village.Code, ReminderKind.DisclosureDueSoon)))
                {
                    var first = dues.Where(d => d.DueSoon).Min(d => d.DueOn);
                    made.Add(new Reminder
                    {
                        RegionCode = village.Code, Kind = ReminderKind.DisclosureDueSoon, WeekStart = monday, Title = "村务公开临期",
                        Body = $"{village.Name}有 {soon} 项村务公开临近期限（最早 {first:yyyy-MM-dd}），请按时公开。", Link = "/Disclosure/Calendar?state=Pending",
                        CreatedAtUtc = localNow.UtcDateTime,
                    });
                }
                if (late.Count > 0 && RegionCodes.TownOf(village.Code) is { } town)
                {
                    if (!lateByTown.TryGetValue(town, out var list)) lateByTown[town] = list = [];
                    list.Add((village.Name, late.Count));
                }
                if (late.Count > 0 && already.Add((village.Code, ReminderKind.DisclosureOverdue)))
                {
                    made.Add(new Reminder
                    {
                        RegionCode = village.Code, Kind = ReminderKind.DisclosureOverdue, WeekStart = monday, Title = "村务公开逾期",
                        Body = $"{village.Name}有 {late.Count} 项村务公开已过期限仍未公开（{string.Join("、", late.Take(3).Select(d => d.Item.Name))}{(late.Count > 3 ? " 等" : "")}），请尽快公开。",
                        Link = "/Disclosure/Calendar?state=Overdue", CreatedAtUtc = localNow.UtcDateTime,
                    });
                }
            }
        foreach (var (town, villages) in lateByTown.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!already.Add((town, ReminderKind.DisclosureTownLate))) continue;
            made.Add(new Reminder
            {
                RegionCode = town, Kind = ReminderKind.DisclosureTownLate, WeekStart = monday, Title = "村务公开逾期的村",
                Body = $"{villages.Count} 个村有村务公开逾期未公开：{string.Join("、", villages.Take(10).Select(v => $"{v.Name}（{v.Count} 项）"))}{(villages.Count > 10 ? " 等" : "")}，请督促公开。",
                Link = $"/Disclosure/Calendar?region={town}&state=Overdue", CreatedAtUtc = localNow.UtcDateTime,
            });
        }
        if (made.Count == 0) return 0;
        db.AddRange(made);
        foreach (var channel in channels)
            await channel.QueueAsync(db, [.. made.Select(r => new OutgoingReminder(r.RegionCode, r.Title, r.Body))], ct);
        await db.SaveChangesAsync(ct);
        return made.Count;
    }
}

/// <summary>The timer that runs <see cref="DisclosureReminders"/> (the shared reminder pass: <c>Reminders:Enabled</c>, <c>Reminders:IntervalMinutes</c>).</summary>
public sealed class DisclosureReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<DisclosureReminderService> log)
    : TimedReminderPass(scopes, clock, config, log)
{
    protected override string What => "村务公开提醒";

    protected override Task<int> MakeAsync(IServiceProvider services, DateTimeOffset localNow, CancellationToken ct) =>
        services.GetRequiredService<DisclosureReminders>().GenerateAsync(localNow, ct);
}
