using System.Security.Cryptography;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 诉求 at the desk: registering (with the resident's receipt code, shown once), the lists and one matter with its history,
/// and each step of the state machine by the level that holds the matter (<see cref="MatterRules"/>). Region scope and
/// audit are the data context's; every step appends a <see cref="MatterEvent"/> in the same save and checks the version read.
/// </summary>
public sealed class MatterDesk(AppDbContext db, UserContext user, PersonalDataProtector protector, TimeProvider clock, MatterSla sla)
{
    public const string NotFoundMessage = "未找到该诉求（或不在您的管辖范围内）";

    private DateOnly Today => clock.Today();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private MatterLevel? MyLevel => MatterRules.LevelOf(RegionCodes.LevelOf(user.RegionCode));

    internal static IQueryable<MatterView> Views(AppDbContext db, IQueryable<Matter> q, DateOnly today) => q.Select(m => new MatterView(m.Id, m.RegionCode,
        db.Regions.Where(r => r.Code == m.RegionCode).Select(r => r.Name).FirstOrDefault(), m.HouseholdId, m.VisitId, m.PointsEntryId, m.Kind, "", m.Source, "", m.Title, m.Description,
        m.ResidentName, m.State, "", m.Level, "", m.Owner, m.DoneText, m.ReceivedOn, m.DueOn,
        m.State != MatterState.Done && m.State != MatterState.Confirmed && m.DueOn < today, m.DoneOn, m.ConfirmedOn, m.ReceiptUsed, m.CreatedBy, m.RowVersion));

    internal static MatterView Named(MatterView v) => v with
    {
        KindName = MatterRules.KindName(v.Kind), SourceName = MatterRules.SourceName(v.Source), StateName = MatterRules.StateName(v.State),
        LevelName = MatterRules.LevelName(v.Level),
    };

    /// <summary>The matters in scope, filtered; newest first (paged). <see cref="MatterFilter.Mine"/>: open ones at the account's level.</summary>
    public async Task<Paged<MatterView>> ListAsync(MatterFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = Waiting(db.Set<Matter>().AsNoTracking(), f.Mine);
        if (f.State is { } s) q = q.Where(m => m.State == s);
        if (f.Kind is { } k) q = q.Where(m => m.Kind == k);
        if (f.Level is { } l) q = q.Where(m => m.Level == l);
        if (!string.IsNullOrWhiteSpace(f.Village))
        {
            var prefix = RegionCodes.LevelOf(f.Village.Trim()) is { } lv ? RegionCodes.ScopePrefix(f.Village.Trim()) : f.Village.Trim();
            q = q.Where(m => m.RegionCode.StartsWith(prefix));
        }
        var deadlines = await sla.ForRegionAsync(user.RegionCode, Today, ct);
        q = f.Due switch
        {
            MatterDueFlag.Overdue => Overdue(q, Today),
            MatterDueFlag.DueSoon => DueSoon(q, Today, deadlines.DueSoonBefore(Today)),
            _ => q,
        };
        var paged = await Views(db, q.OrderByDescending(m => m.Id), Today).ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(v => Flagged(Named(v), deadlines)).ToList() };
    }

    /// <summary>逾期: open and past the due date on <paramref name="today"/>.</summary>
    internal static IQueryable<Matter> Overdue(IQueryable<Matter> q, DateOnly today) =>
        q.Where(m => m.State != MatterState.Done && m.State != MatterState.Confirmed && m.DueOn < today);

    /// <summary>临期: open, due today or later but before <paramref name="before"/> (<see cref="MatterDeadlines.DueSoonBefore"/>).</summary>
    internal static IQueryable<Matter> DueSoon(IQueryable<Matter> q, DateOnly today, DateOnly before) =>
        q.Where(m => m.State != MatterState.Done && m.State != MatterState.Confirmed && m.DueOn >= today && m.DueOn < before);

    private MatterView Flagged(MatterView v, MatterDeadlines deadlines) => v with { DueSoon = deadlines.IsDueSoon(v.State, v.DueOn, Today) };

    private IQueryable<Matter> Waiting(IQueryable<Matter> q, bool mine)
    {
        if (!mine) return q;
        var level = MyLevel;
        return q.Where(m => m.Level == level && m.State != MatterState.Done && m.State != MatterState.Confirmed);
    }

    /// <summary>The villages in scope (code, name) a matter may be registered in or filtered by.</summary>
    public Task<List<VillageOption>> VillagesAsync(CancellationToken ct = default) => db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village)
        .OrderBy(r => r.Code).Select(r => new VillageOption(r.Code, r.Name)).Take(500).ToListAsync(ct);

    /// <summary>How many matters wait for the account's level in its region (the home to-do).</summary>
    public Task<int> WaitingCountAsync(CancellationToken ct = default) => Waiting(db.Set<Matter>(), true).CountAsync(ct);

    /// <summary>
    /// 逾期诉求 for the home to-do: overdue matters in the account's region held at its level or the level below (the level
    /// above watches what its villages or towns let slip).
    /// </summary>
    public Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        if (MyLevel is not { } level) return Task.FromResult(0);
        MatterLevel? below = level == MatterLevel.Village ? null : level - 1;
        return Overdue(db.Set<Matter>(), Today).CountAsync(m => m.Level == level || m.Level == below, ct);
    }

    /// <summary>临期诉求 for the home to-do: matters due soon at the account's level in its region.</summary>
    public async Task<int> DueSoonCountAsync(CancellationToken ct = default)
    {
        if (MyLevel is not { } level) return 0;
        var deadlines = await sla.ForRegionAsync(user.RegionCode, Today, ct);
        return await DueSoon(db.Set<Matter>(), Today, deadlines.DueSoonBefore(Today)).CountAsync(m => m.Level == level, ct);
    }

    /// <summary>One matter with its history; null when not found in scope.</summary>
    public async Task<MatterDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var v = await Views(db, db.Set<Matter>().AsNoTracking().Where(m => m.Id == id), Today).FirstOrDefaultAsync(ct);
        if (v is null) return null;
        var deadlines = await sla.ForRegionAsync(v.VillageCode, Today, ct);
        var events = await db.Set<MatterEvent>().AsNoTracking().Where(e => e.MatterId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return new(Flagged(Named(v), deadlines), events.Select(e => new MatterEventView(e.Id, e.Kind, MatterRules.EventName(e.Kind), e.Level,
            MatterRules.LevelName(e.Level), e.State, MatterRules.StateName(e.State), e.Text, e.Actor, e.MeetingId, e.On, clock.ToChina(e.AtUtc))
            { DueOn = e.DueOn }).ToList());
    }

    public const string HouseholdOutsideVillage = "所选农户不是该村的农户，诉求未登记；请从该村的农户中选择";

    /// <summary>
    /// Registers a matter and returns its receipt code (once); null when the village (or the points entry) is not found
    /// in scope. A household that is not the village's is bad input (400), nothing written.
    /// </summary>
    public async Task<MatterRegistered?> RegisterAsync(RegisterMatter c, CancellationToken ct = default)
    {
        var village = string.IsNullOrWhiteSpace(c.Village) ? user.RegionCode : c.Village.Trim();
        if (RegionCodes.LevelOf(village) != RegionLevel.Village)
            throw new RuleException("matter.village", "village", "请选择诉求所在的村");
        if (!await db.Regions.AnyAsync(r => r.Code == village, ct)) return null;
        if (c.HouseholdId is { } hid && !await db.Households.AnyAsync(h => h.Id == hid && h.RegionCode == village, ct))
            throw new BadInputException("householdId", HouseholdOutsideVillage);
        if (c.PointsEntryId is { } pid && !await db.Set<Domain.Points.PointsEntry>().AnyAsync(e => e.Id == pid && e.RegionCode == village, ct)) return null;
        var m = New(village, c.HouseholdId, c.Kind, c.Source, c.Title!, c.Description, c.ResidentName);
        m.PointsEntryId = c.PointsEntryId;
        var code = Stage(m, await DeadlinesAsync(village, ct));
        await db.SaveCreatedAsync(ct);
        return new((await GetAsync(m.Id, ct))!.Matter, code);
    }

    /// <summary>The county's SLA policy and working-day calendar in force today for a matter of <paramref name="village"/>.</summary>
    internal Task<MatterDeadlines> DeadlinesAsync(string village, CancellationToken ct) => sla.ForRegionAsync(village, Today, ct);

    /// <summary>A new matter of <paramref name="village"/> registered by the account (not yet staged or saved).</summary>
    internal Matter New(string village, long? household, MatterKind kind, MatterSource source, string title, string? description, string? residentName) => new()
    {
        RegionCode = village, HouseholdId = household, Kind = kind, Source = source, Title = title.Trim(), Description = description?.Trim() ?? "",
        ResidentName = string.IsNullOrWhiteSpace(residentName) ? null : residentName.Trim(), ReceiptHash = "", CreatedBy = user.UserName, CreatedAtUtc = Now,
    };

    /// <summary>
    /// Adds a new matter and its registration event to the context with a fresh receipt code (keyed hash only) and returns
    /// the code for display, once. Not saved: the caller saves it with what it belongs to (a visit and its matters in one save).
    /// </summary>
    internal string Stage(Matter m, MatterDeadlines deadlines)
    {
        var code = BallotCodeFormat.Generate(RandomNumberGenerator.GetInt32);
        m.ReceiptHash = protector.ReceiptCodeHash(code);
        var e = MatterRules.Register(m, user.UserName, Today, Now, deadlines);
        e.Matter = m;
        db.Add(m);
        db.Add(e);
        return BallotCodeFormat.Display(code);
    }

    private async Task<MatterDetail?> StepAsync(long id, int? version, Func<Matter, Task<MatterEvent>> step, CancellationToken ct)
    {
        if (await db.Set<Matter>().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return null;
        db.ExpectVersion(m, version);
        db.Add(await step(m));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>受理 with an owner at the matter's level and the due date (the SLA's when left out); null when not found in scope.</summary>
    public Task<MatterDetail?> AcceptAsync(long id, AcceptMatter c, CancellationToken ct = default) => StepAsync(id, c.Version, async m =>
    {
        var owner = string.IsNullOrWhiteSpace(c.Owner) ? user.UserName : c.Owner.Trim();
        if (owner != user.UserName)
        {
            var holder = m.Level switch
            {
                MatterLevel.Village => m.RegionCode,
                MatterLevel.Town => RegionCodes.TownOf(m.RegionCode),
                _ => RegionCodes.CountyOf(m.RegionCode),
            };
            if (!await db.Users.AnyAsync(u => u.UserName == owner && u.RegionCode == holder, ct))
                throw new RuleException("matter.owner", "owner", $"承办人须是{MatterRules.LevelName(m.Level)}的账号");
        }
        var deadlines = c.DueOn is { } due && due != m.DueOn ? await sla.ForRegionAsync(m.RegionCode, Today, ct) : null;
        return MatterRules.Accept(m, MyLevel, owner, user.UserName, Today, Now, c.DueOn, deadlines);
    }, ct);

    /// <summary>开始办理; null when not found in scope.</summary>
    public Task<MatterDetail?> StartAsync(long id, StartMatter c, CancellationToken ct = default) =>
        StepAsync(id, c.Version, m => Task.FromResult(MatterRules.Start(m, MyLevel, user.UserName, Today, Now)), ct);

    /// <summary>办结; null when not found in scope.</summary>
    public Task<MatterDetail?> FinishAsync(long id, FinishMatter c, CancellationToken ct = default) =>
        StepAsync(id, c.Version, m => Task.FromResult(MatterRules.Finish(m, MyLevel, c.DoneText, user.UserName, Today, Now)), ct);

    /// <summary>提级; null when not found in scope.</summary>
    public Task<MatterDetail?> EscalateAsync(long id, EscalateMatter c, CancellationToken ct = default) => StepAsync(id, c.Version, async m =>
        MatterRules.Escalate(m, MyLevel, c.Reason, user.UserName, Today, Now, await sla.ForRegionAsync(m.RegionCode, Today, ct)), ct);

    /// <summary>退回下级; null when not found in scope.</summary>
    public Task<MatterDetail?> SendDownAsync(long id, SendDownMatter c, CancellationToken ct = default) => StepAsync(id, c.Version, async m =>
        MatterRules.SendDown(m, MyLevel, c.Decision, user.UserName, Today, Now, await sla.ForRegionAsync(m.RegionCode, Today, ct)), ct);

    /// <summary>调整期限 by the matter's level, with a reason: a working day on the county's calendar, not in the past; null when not found in scope.</summary>
    public Task<MatterDetail?> SetDueAsync(long id, SetMatterDue c, CancellationToken ct = default) => StepAsync(id, c.Version, async m =>
        MatterRules.SetDue(m, MyLevel, c.DueOn ?? throw new RuleException("matter.due", "dueOn", "请选择新的办理期限"), c.Reason, await sla.ForRegionAsync(m.RegionCode, Today, ct), user.UserName, Today, Now), ct);

    /// <summary>重新办理 by the village or the town; null when not found in scope.</summary>
    public Task<MatterDetail?> ReopenAsync(long id, ReopenMatter c, CancellationToken ct = default) => StepAsync(id, c.Version, async m =>
    {
        var by = MatterRules.StaffReopener(MyLevel);
        return MatterRules.Reopen(m, by, c.Reason, await ReopenDaysAsync(m.RegionCode, db, ct), user.UserName, Today, Now,
            await sla.ForRegionAsync(m.RegionCode, Today, ct));
    }, ct);

    /// <summary>The county's reopen window for a village's matter (the default while the county has not set one).</summary>
    internal static async Task<int> ReopenDaysAsync(string village, AppDbContext db, CancellationToken ct)
    {
        var county = RegionCodes.CountyOf(village);
        return await db.Set<MatterSettings>().Where(s => s.CountyCode == county).Select(s => (int?)s.ReopenDays).FirstOrDefaultAsync(ct)
            ?? MatterSettings.DefaultReopenDays;
    }
}
