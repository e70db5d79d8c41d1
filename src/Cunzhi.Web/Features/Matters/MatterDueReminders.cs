using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>A matter reminder as listed.</summary>
public sealed record MatterReminderView(long Id, long MatterId, MatterReminderKind Kind, DateOnly On, DateOnly DueOn, string Title, string Body, DateTime CreatedAtUtc,
    DateTime? ReadAtUtc);

/// <summary>
/// 诉求期限提醒: each day, every open matter due soon (临期, the county's working days) reminds the level holding it, and every
/// overdue one (逾期) that level and the one above (<see cref="MatterReminders.Targets"/>); town and county reminders also go
/// to their group robots (<see cref="IReminderChannel"/>, queued in the same save). At most one per matter, region and day: a unique index, so a
/// second run, or two instances at once, add nothing.
/// </summary>
public sealed class MatterDueReminders(AppDbContext db, UserContext user, MatterSla sla, IEnumerable<IReminderChannel> channels)
{
    /// <summary>Makes today's reminders (acting as the system); returns how many were made.</summary>
    public async Task<int> GenerateAsync(DateTimeOffset localNow, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var open = db.Set<Matter>().AsNoTracking().Where(m => m.State != MatterState.Done && m.State != MatterState.Confirmed);
        var counties = await open.Select(m => m.RegionCode.Substring(0, RegionCodes.CountyDigits)).Distinct().ToListAsync(ct);
        var made = new List<MatterReminder>();
        foreach (var prefix in counties.Order())
        {
            var deadlines = await sla.ForRegionAsync(prefix + "000000", today, ct);
            var before = deadlines.DueSoonBefore(today);
            var due = await open.Where(m => m.RegionCode.StartsWith(prefix) && m.DueOn < before)
                .Select(m => new { m.Id, m.RegionCode, m.Level, m.Title, m.DueOn }).ToListAsync(ct);
            foreach (var m in due)
            {
                var kind = today > m.DueOn ? MatterReminderKind.Overdue : MatterReminderKind.DueSoon;
                var (title, body) = MatterReminders.Text(kind, m.Id, m.Title, m.Level, m.DueOn, today);
                foreach (var region in MatterReminders.Targets(m.RegionCode, m.Level, kind))
                    made.Add(new MatterReminder
                    {
                        MatterId = m.Id, RegionCode = region, Kind = kind, On = today, DueOn = m.DueOn, Title = title, Body = body, CreatedAtUtc = localNow.UtcDateTime,
                    });
            }
        }
        var saved = await SaveNewAsync(made, today, ct);
        return saved.Count;
    }

    /// <summary>Saves the reminders not yet made today; when another run saved some meanwhile (unique index), reads again and saves the rest.</summary>
    private async Task<List<MatterReminder>> SaveNewAsync(List<MatterReminder> made, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var already = (await db.Set<MatterReminder>().AsNoTracking().Where(r => r.On == today).Select(r => new { r.MatterId, r.RegionCode }).ToListAsync(ct))
                .Select(r => (r.MatterId, r.RegionCode)).ToHashSet();
            var fresh = made.Where(r => !already.Contains((r.MatterId, r.RegionCode))).ToList();
            if (fresh.Count == 0) return [];
            db.AddRange(fresh);
            // Town and county reminders go to their group robots too, queued in this same save.
            var pushed = fresh.Where(r => RegionCodes.LevelOf(r.RegionCode) is RegionLevel.Town or RegionLevel.County)
                .Select(r => new OutgoingReminder(r.RegionCode, r.Title, r.Body)).ToList();
            foreach (var channel in channels) await channel.QueueAsync(db, pushed, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return fresh;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                db.ChangeTracker.Clear();
                foreach (var r in fresh) r.Id = 0;
            }
        }
    }

    // A reminder is addressed to one region; a town or county account's scope would otherwise show every village's.
    private IQueryable<MatterReminder> Mine
    {
        get
        {
            var region = user.RegionCode;
            return db.Set<MatterReminder>().Where(r => r.RegionCode == region);
        }
    }

    /// <summary>The account's region's matter reminders, unread first, newest first.</summary>
    public Task<Paged<MatterReminderView>> ListAsync(bool unreadOnly, PageRequest page, CancellationToken ct = default)
    {
        var q = Mine.AsNoTracking();
        if (unreadOnly) q = q.Where(r => r.ReadAtUtc == null);
        return q.OrderBy(r => r.ReadAtUtc == null ? 0 : 1).ThenByDescending(r => r.Id)
            .Select(r => new MatterReminderView(r.Id, r.MatterId, r.Kind, r.On, r.DueOn, r.Title, r.Body, r.CreatedAtUtc, r.ReadAtUtc)).ToPagedAsync(page, ct);
    }

    /// <summary>The account's region's matter reminders for the 到期提醒 page: newest first, optionally only 临期 or only 逾期.</summary>
    public Task<Paged<MatterReminderView>> NewestAsync(MatterReminderKind? kind, PageRequest page, CancellationToken ct = default)
    {
        var q = Mine.AsNoTracking();
        if (kind is { } k) q = q.Where(r => r.Kind == k);
        return q.OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            .Select(r => new MatterReminderView(r.Id, r.MatterId, r.Kind, r.On, r.DueOn, r.Title, r.Body, r.CreatedAtUtc, r.ReadAtUtc)).ToPagedAsync(page, ct);
    }
}

/// <summary>Makes the matters' due-date reminders on the shared reminder timer (<see cref="TimedReminderPass"/>).</summary>
public sealed class MatterReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<MatterReminderService> log)
    : TimedReminderPass(scopes, clock, config, log)
{
    protected override string What => "诉求期限提醒";

    protected override Task<int> MakeAsync(IServiceProvider services, DateTimeOffset localNow, CancellationToken ct) =>
        services.GetRequiredService<MatterDueReminders>().GenerateAsync(localNow, ct);
}
