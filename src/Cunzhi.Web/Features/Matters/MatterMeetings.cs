using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>A 下沉议事 meeting as listed.</summary>
public sealed record MeetingView(long Id, string VillageCode, string? VillageName, DateOnly Date, string Subject, string Attendees, string CreatedBy, int Items, int Decided);

/// <summary>One agenda item: the matter and, once taken, the decision.</summary>
public sealed record MeetingItemView(long Id, long MatterId, string Title, string KindName, string StateName, string LevelName, int MatterVersion, string? Decision);

/// <summary>A meeting with its agenda.</summary>
public sealed record MeetingDetail(MeetingView Meeting, IReadOnlyList<MeetingItemView> Items);

/// <summary>Holds a meeting in a village of the town: date, subject, attendees (names or accounts); matters go on its agenda with <see cref="AddAgendaItem"/>.</summary>
public sealed record HoldMeeting(string? Village, DateOnly? Date, string? Subject, string? Attendees);

/// <summary>Adds an escalated matter of the meeting's village to the agenda.</summary>
public sealed record AddAgendaItem(long MatterId);

/// <summary>Records the meeting's decision on an agenda item (a matter event too); <see cref="Version"/>: the matter's version read.</summary>
public sealed record DecideItem(string? Decision) : Infrastructure.Web.IVersionedCommand
{
    /// <inheritdoc/>
    public int? Version { get; set; }
}

public sealed class HoldMeetingValidator : AbstractValidator<HoldMeeting>
{
    public HoldMeetingValidator()
    {
        RuleFor(c => c.Village).Must(v => RegionCodes.LevelOf(v) == RegionLevel.Village).WithMessage("请选择议事所在的村");
        RuleFor(c => c.Date).NotNull().WithMessage("请填写议事日期").Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("议事日期有误");
        RuleFor(c => c.Subject).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写议题")
            .MaximumLength(Matter.MaxTitle).WithMessage($"议题不能超过 {Matter.MaxTitle} 个字");
        RuleFor(c => c.Attendees).MaximumLength(MatterMeeting.MaxText).WithMessage($"参会人员不能超过 {MatterMeeting.MaxText} 个字");
    }
}

public sealed class DecideItemValidator : AbstractValidator<DecideItem>
{
    public DecideItemValidator() => RuleFor(c => c.Decision).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写议事决定")
        .MaximumLength(Matter.MaxText).WithMessage($"决定不能超过 {Matter.MaxText} 个字");
}

/// <summary>
/// 下沉议事: a town's meetings in its villages. The agenda holds matters of that village escalated to the town; each
/// decision is stored on its agenda item and appended to the matter's history (a <see cref="MatterEventKind.MeetingDecision"/>
/// event) in the same save.
/// </summary>
public sealed class MatterMeetings(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该议事记录（或不在您的管辖范围内）";

    private static IQueryable<MeetingView> Views(AppDbContext db, IQueryable<MatterMeeting> q) => q.Select(m => new MeetingView(m.Id, m.RegionCode,
        db.Regions.Where(r => r.Code == m.RegionCode).Select(r => r.Name).FirstOrDefault(), m.Date, m.Subject, m.Attendees, m.CreatedBy,
        db.Set<MatterMeetingItem>().Count(i => i.MeetingId == m.Id), db.Set<MatterMeetingItem>().Count(i => i.MeetingId == m.Id && i.Decision != null)));

    /// <summary>Meetings in scope, newest first (paged); <paramref name="village"/> narrows to one village or town.</summary>
    public Task<Paged<MeetingView>> ListAsync(string? village, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<MatterMeeting>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(village) && RegionCodes.LevelOf(village.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(village.Trim());
            q = q.Where(m => m.RegionCode.StartsWith(prefix));
        }
        return Views(db, q.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>One meeting with its agenda; null when not found in scope.</summary>
    public async Task<MeetingDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        if (await Views(db, db.Set<MatterMeeting>().AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct) is not { } v) return null;
        var items = await db.Set<MatterMeetingItem>().AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Id)
            .Join(db.Set<Matter>(), i => i.MatterId, m => m.Id, (i, m) => new { i.Id, i.MatterId, m.Title, m.Kind, m.State, m.Level, m.RowVersion, i.Decision })
            .ToListAsync(ct);
        return new(v, items.Select(i => new MeetingItemView(i.Id, i.MatterId, i.Title, MatterRules.KindName(i.Kind), MatterRules.StateName(i.State),
            MatterRules.LevelName(i.Level), i.RowVersion, i.Decision)).ToList());
    }

    /// <summary>Matters of a village escalated to the town and not yet done: what a meeting there may take up.</summary>
    public Task<List<MatterView>> EscalatedAsync(string village, CancellationToken ct = default) =>
        MatterDesk.Views(db, db.Set<Matter>().AsNoTracking().Where(m => m.RegionCode == village && m.Level == MatterLevel.Town
            && m.State != MatterState.Done && m.State != MatterState.Confirmed).OrderBy(m => m.Id), clock.Today()).Take(100).ToListAsync(ct)
            .ContinueWith(t => t.Result.Select(MatterDesk.Named).ToList(), ct);

    private async Task<Matter> AgendaMatterAsync(string village, long matterId, CancellationToken ct)
    {
        var m = await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == matterId, ct);
        if (m is null || m.RegionCode != village)
            throw new RuleException("meeting.matter", "matterId", $"第 {matterId} 号诉求不是本村的诉求（或不在您的管辖范围内）");
        if (m.Level != MatterLevel.Town)
            throw new RuleException("meeting.matter", "matterId", $"“{m.Title}”当前不在乡镇层级，下沉议事只议提级到乡镇的诉求");
        return m;
    }

    /// <summary>Holds a meeting; null when the village is not found in scope.</summary>
    public async Task<MeetingDetail?> HoldAsync(HoldMeeting c, CancellationToken ct = default)
    {
        var village = c.Village!.Trim();
        if (!await db.Regions.AnyAsync(r => r.Code == village, ct)) return null;
        var meeting = new MatterMeeting
        {
            RegionCode = village, Date = c.Date!.Value, Subject = c.Subject!.Trim(), Attendees = c.Attendees?.Trim() ?? "", CreatedBy = user.UserName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return await GetAsync(meeting.Id, ct);
    }

    /// <summary>Adds a matter to a meeting's agenda; null when the meeting is not found in scope.</summary>
    public async Task<MeetingDetail?> AddItemAsync(long meetingId, AddAgendaItem c, CancellationToken ct = default)
    {
        if (await db.Set<MatterMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting) return null;
        await AgendaMatterAsync(meeting.RegionCode, c.MatterId, ct);
        if (await db.Set<MatterMeetingItem>().AnyAsync(i => i.MeetingId == meetingId && i.MatterId == c.MatterId, ct))
            throw new RuleException("meeting.duplicate", "matterId", "该诉求已在本次议程中");
        db.Add(new MatterMeetingItem { RegionCode = meeting.RegionCode, MatterId = c.MatterId, MeetingId = meetingId });
        await db.SaveCreatedAsync(ct);
        return await GetAsync(meetingId, ct);
    }

    /// <summary>Records the decision on an agenda item and on the matter's history; null when not found in scope.</summary>
    public async Task<MeetingDetail?> DecideAsync(long meetingId, long itemId, DecideItem c, CancellationToken ct = default)
    {
        if (await db.Set<MatterMeetingItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct) is not { } item) return null;
        var m = await db.Set<Matter>().FirstAsync(x => x.Id == item.MatterId, ct);
        db.ExpectVersion(m, c.Version);
        var e = MatterRules.MeetingDecision(m, meetingId, c.Decision, user.UserName, clock.Today(), clock.GetUtcNow().UtcDateTime);
        item.Decision = e.Text;
        db.Add(e);
        // The decision is a change of the matter too: its version moves, so a stale form elsewhere is told.
        db.Entry(m).Property(x => x.RowVersion).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await GetAsync(meetingId, ct);
    }
}
