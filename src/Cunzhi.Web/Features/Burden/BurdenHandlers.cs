using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

/// <summary>The county's burden-reduction settings; <see cref="Version"/> is the data version an edit sends back (0 while the county uses the defaults).</summary>
public sealed record PolicyView(string County, int RankingIntervalMonths, int AssessmentItemCap, DateOnly? BaselineFrom, int BaselineMonths, string? UpdatedBy, DateTime? UpdatedAtUtc,
    int Version) : IVersionedView;

/// <summary>The county's burden-reduction settings (defaults: rankings once a year, 10 town assessment items, a 3-month baseline).</summary>
public sealed record SavePolicy(int RankingIntervalMonths, int AssessmentItemCap, DateOnly? BaselineFrom, int BaselineMonths) : IVersionedCommand
{
    /// <summary>The version the edit was made from (<see cref="PolicyView.Version"/>; 0 when the county had saved none).</summary>
    public int? Version { get; set; }
}

public sealed record BurdenEventView(long Id, string TownCode, string? TownName, BurdenEventKind Kind, DateOnly Date, string Organizer, string Title,
    IReadOnlyList<string> Villages, string CreatedBy, DateTime CreatedAtUtc);

/// <summary>A meeting or inspection the town logs, with the villages whose cadres it took.</summary>
public sealed record LogBurdenEvent(BurdenEventKind Kind, DateOnly Date, string Organizer, string Title, List<string>? Villages);

public sealed record EventFilter(BurdenEventKind? Kind, DateOnly? From, DateOnly? To, string? Q);

public sealed record RankingView(long Id, string RegionCode, string? RegionName, RankingKind Kind, string Title, string Period, string PreparedBy, DateTime PreparedAtUtc,
    DateOnly? PublishedOn, string? PublishedBy);

/// <summary>A ranking the county or a town prepares; publishing it is a separate act the guard may refuse.</summary>
public sealed record PrepareRanking(RankingKind Kind, string Title, string Period);

/// <summary>Whether this account's level may publish a ranking of a kind today, and from when otherwise.</summary>
public sealed record RankingStatus(RankingKind Kind, DateOnly? LastPublished, RankingDecision Decision);

public sealed record TownAssessmentItemView(long Id, string TownCode, string? TownName, int Year, string Title, string? Department, string CreatedBy, DateTime CreatedAtUtc);

public sealed record RegisterTownAssessmentItem(int Year, string Title, string? Department);

/// <summary>Per town and year: how many assessment items, against the cap.</summary>
public sealed record TownAssessmentItems(int Year, int Cap, int Count, Paged<TownAssessmentItemView> Items);

public sealed class SavePolicyValidator : AbstractValidator<SavePolicy>
{
    public SavePolicyValidator()
    {
        RuleFor(c => c.RankingIntervalMonths).InclusiveBetween(1, 60).WithMessage("排名发布间隔须在 1 至 60 个月之间");
        RuleFor(c => c.AssessmentItemCap).InclusiveBetween(1, 50).WithMessage("乡镇考核事项上限须在 1 至 50 项之间");
        RuleFor(c => c.BaselineMonths).InclusiveBetween(1, 24).WithMessage("基线月数须在 1 至 24 之间");
    }
}

public sealed class LogBurdenEventValidator : AbstractValidator<LogBurdenEvent>
{
    public LogBurdenEventValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择会议或检查");
        RuleFor(c => c.Date).Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).WithMessage("日期不能晚于今天（登记已发生的会议、检查）")
            .Must(d => d.Year >= 2000).WithMessage("请填写日期");
        RuleFor(c => c.Organizer).NotEmpty().WithMessage("请填写组织单位").MaximumLength(BurdenEvent.OrganizerMaxLength).WithMessage($"组织单位不能超过 {BurdenEvent.OrganizerMaxLength} 个字");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写名称").MaximumLength(BurdenEvent.TitleMaxLength).WithMessage($"名称不能超过 {BurdenEvent.TitleMaxLength} 个字");
        RuleFor(c => c.Villages).NotEmpty().WithMessage("请选择涉及的村(社区)");
        RuleForEach(c => c.Villages).Must(v => RegionCodes.IsValid(v, RegionLevel.Village)).WithMessage("村(社区)代码无效：{PropertyValue}");
    }
}

public sealed class PrepareRankingValidator : AbstractValidator<PrepareRanking>
{
    public PrepareRankingValidator()
    {
        RuleFor(c => c.Kind).Must(k => RankingGuard.CountyTownKinds.Contains(k)).WithMessage("请选择排名类别");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写排名名称").MaximumLength(RankingPublication.TitleMaxLength).WithMessage($"排名名称不能超过 {RankingPublication.TitleMaxLength} 个字");
        RuleFor(c => c.Period).NotEmpty().WithMessage("请填写排名所属期间（如 2025年度）").MaximumLength(30).WithMessage("期间不能超过 30 个字");
    }
}

public sealed class RegisterTownAssessmentItemValidator : AbstractValidator<RegisterTownAssessmentItem>
{
    public RegisterTownAssessmentItemValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("请填写年度");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写考核事项名称").MaximumLength(100).WithMessage("考核事项名称不能超过 100 个字");
        RuleFor(c => c.Department).MaximumLength(60).WithMessage("牵头单位不能超过 60 个字");
    }
}

/// <summary>
/// 减负 settings, meetings and inspections, the ranking guard and town assessment items. Region scope comes from the data
/// context; the county's settings are read by its towns too (the one read that looks above the account's own region).
/// </summary>
public sealed class BurdenHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string EventNotFound = "未找到该记录，或其不在您的管辖范围内";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The county of the acting account (its code's first 6 digits).</summary>
    private string County => RegionCodes.CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    private string Town => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : throw new RuleException("只有乡镇账号可以办理此事项");

    /// <summary>The county's settings, or the defaults. A town reads its county's row: the settings bind it, so it must see them.</summary>
    public async Task<BurdenPolicy> PolicyOfAsync(CancellationToken ct = default)
    {
        var county = County;
        return await ScopeGateway.CountyBurdenPolicyAsync(db, county, ct) ?? BurdenPolicy.Default(county);
    }

    private static PolicyView View(BurdenPolicy p) => new(p.RegionCode, p.RankingIntervalMonths, p.AssessmentItemCap, p.BaselineFrom, p.BaselineMonths, p.UpdatedBy, p.UpdatedAtUtc, p.RowVersion);

    public async Task<PolicyView> PolicyAsync(CancellationToken ct = default) => View(await PolicyOfAsync(ct));

    public async Task<PolicyView> SavePolicyAsync(SavePolicy c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.County) throw new RuleException("只有县级账号可以修改减负设置");
        var county = County;
        var p = await db.Set<BurdenPolicy>().FirstOrDefaultAsync(x => x.RegionCode == county, ct);
        var created = p is null;
        if (p is null)
        {
            // The county still uses the defaults (version 0): this save creates its row.
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(p = BurdenPolicy.Default(county));
        }
        else db.ExpectVersion(p, c.Version);
        Apply(() => p.Change(c.RankingIntervalMonths, c.AssessmentItemCap, c.BaselineFrom, c.BaselineMonths, user.UserName, Now));
        if (created) await db.SaveCreatedAsync(ct);
        else await db.SaveChangesAsync(ct);
        return View(p);
    }

    // ---- meetings and inspections ----

    public Task<Paged<BurdenEventView>> EventsAsync(EventFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<BurdenEvent>().AsNoTracking();
        if (f.Kind is { } k) q = q.Where(e => e.Kind == k);
        if (f.From is { } from) q = q.Where(e => e.Date >= from);
        if (f.To is { } to) q = q.Where(e => e.Date <= to);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(e => e.Title.Contains(f.Q.Trim()) || e.Organizer.Contains(f.Q.Trim()));
        return q.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new BurdenEventView(e.Id, e.RegionCode, db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault(), e.Kind, e.Date,
                e.Organizer, e.Title, e.Villages.OrderBy(v => v.RegionCode).Select(v => v.RegionCode).ToList(), e.CreatedBy, e.CreatedAtUtc))
            .ToPagedAsync(page, ct);
    }

    public async Task<BurdenEventView> LogEventAsync(LogBurdenEvent c, CancellationToken ct = default)
    {
        var town = Town;
        var prefix = RegionCodes.ScopePrefix(town);
        var codes = (c.Villages ?? []).Select(v => v.Trim()).Distinct().ToList();
        var found = await db.Regions.Where(r => codes.Contains(r.Code) && r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync(ct);
        var missing = codes.Except(found).ToList();
        if (missing.Count > 0) throw new RuleException($"以下村(社区)不存在或不在本乡镇：{string.Join("、", missing)}");
        var e = new BurdenEvent
        {
            RegionCode = town, Kind = c.Kind, Date = c.Date, Organizer = c.Organizer.Trim(), Title = c.Title.Trim(),
            Villages = found.Order(StringComparer.Ordinal).Select(v => new BurdenEventVillage { RegionCode = v }).ToList(), CreatedBy = user.UserName, CreatedAtUtc = Now,
        };
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return (await EventsAsync(new EventFilter(null, e.Date, e.Date, null), new PageRequest(1, PageRequest.MaxSize), ct)).Items.First(x => x.Id == e.Id);
    }

    /// <summary>Removes a wrongly logged event; false when not found in scope.</summary>
    public async Task<bool> DeleteEventAsync(long id, CancellationToken ct = default)
    {
        var e = await db.Set<BurdenEvent>().Include(x => x.Villages).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.Town) throw new RuleException("只有登记它的乡镇可以删除");
        db.RemoveRange(e.Villages);
        db.Remove(e);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Villages of the acting town (the event form's choices).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> TownVillagesAsync(CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.Town) return [];
        var prefix = RegionCodes.ScopePrefix(user.RegionCode);
        return (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
    }

    // ---- ranking guard ----

    private IQueryable<RankingView> RankingViews(IQueryable<RankingPublication> q) => q.Select(p => new RankingView(p.Id, p.RegionCode,
        db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).FirstOrDefault(), p.Kind, p.Title, p.Period, p.PreparedBy, p.PreparedAtUtc, p.PublishedOn, p.PublishedBy));

    public Task<Paged<RankingView>> RankingsAsync(PageRequest page, CancellationToken ct = default) =>
        RankingViews(db.Set<RankingPublication>().AsNoTracking().OrderByDescending(p => p.PreparedAtUtc).ThenByDescending(p => p.Id)).ToPagedAsync(page, ct);

    private static bool Publishes(string code) => RegionCodes.LevelOf(code) is RegionLevel.County or RegionLevel.Town;

    public async Task<RankingView> PrepareRankingAsync(PrepareRanking c, CancellationToken ct = default)
    {
        if (!Publishes(user.RegionCode)) throw new RuleException("只有县、乡镇账号可以拟定排名");
        var p = new RankingPublication { RegionCode = user.RegionCode, Kind = c.Kind, Title = c.Title.Trim(), Period = c.Period.Trim(), PreparedBy = user.UserName, PreparedAtUtc = Now };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return (await RankingViews(db.Set<RankingPublication>().Where(x => x.Id == p.Id)).FirstAsync(ct));
    }

    private Task<DateOnly?> LastPublishedAsync(string region, RankingKind kind, CancellationToken ct) =>
        db.Set<RankingPublication>().Where(p => p.RegionCode == region && p.Kind == kind && p.PublishedOn != null).MaxAsync(p => p.PublishedOn, ct);

    /// <summary>Whether the account's own level may publish each kind today.</summary>
    public async Task<IReadOnlyList<RankingStatus>> RankingStatusAsync(CancellationToken ct = default)
    {
        var policy = await PolicyOfAsync(ct);
        var result = new List<RankingStatus>();
        foreach (var kind in RankingGuard.CountyTownKinds)
        {
            var last = await LastPublishedAsync(user.RegionCode, kind, ct);
            result.Add(new(kind, last, RankingGuard.CheckPublication(kind, last, policy.RankingIntervalMonths, Today)));
        }
        return result;
    }

    /// <summary>
    /// 发布排名: the explicit act. Only the level that prepared it publishes it; refused (409, with the day it becomes allowed)
    /// when that level published a ranking of the same kind within the county's interval. Null when not found in scope.
    /// </summary>
    public async Task<RankingView?> PublishRankingAsync(long id, CancellationToken ct = default)
    {
        var p = await db.Set<RankingPublication>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        if (p.RegionCode != user.RegionCode) throw new RuleException("只能发布本级拟定的排名");
        var policy = await PolicyOfAsync(ct);
        var last = await LastPublishedAsync(p.RegionCode, p.Kind, ct);
        Apply(() => p.Publish(last, policy.RankingIntervalMonths, user.UserName, Now, Today));
        await db.SaveChangesAsync(ct);
        return await RankingViews(db.Set<RankingPublication>().Where(x => x.Id == id)).FirstAsync(ct);
    }

    // ---- town assessment items ----

    public async Task<TownAssessmentItems> TownAssessmentItemsAsync(int? year, PageRequest page, CancellationToken ct = default)
    {
        var y = year ?? Today.Year;
        var policy = await PolicyOfAsync(ct);
        var q = db.Set<AssessmentItem>().AsNoTracking().Where(i => i.Year == y);
        var items = await q.OrderBy(i => i.RegionCode).ThenBy(i => i.Id)
            .Select(i => new TownAssessmentItemView(i.Id, i.RegionCode, db.Regions.Where(r => r.Code == i.RegionCode).Select(r => r.Name).FirstOrDefault(), i.Year, i.Title, i.Department,
                i.CreatedBy, i.CreatedAtUtc)).ToPagedAsync(page, ct);
        return new(y, policy.AssessmentItemCap, (int)items.Total, items);
    }

    /// <summary>How often a registration that lost a race for a slot reads the slots again before giving up.</summary>
    public const int SlotAttempts = 5;

    /// <summary>
    /// Registers a town's assessment item; the one beyond the county's cap (default the 11th) is refused with the rule.
    /// Counting and inserting are not one atomic step, so the item takes a numbered slot 1..cap that is unique per town and
    /// year: of two registrations racing for the last slot the database lets one in, and the other reads again and is refused.
    /// </summary>
    public async Task<TownAssessmentItemView> RegisterTownAssessmentItemAsync(RegisterTownAssessmentItem c, CancellationToken ct = default)
    {
        var town = Town;
        var policy = await PolicyOfAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var items = db.Set<AssessmentItem>().AsNoTracking().Where(i => i.RegionCode == town && i.Year == c.Year);
            var existing = await items.CountAsync(ct);
            if (RankingGuard.CheckAssessmentItem(existing, policy.AssessmentItemCap, c.Year) is { } refusal) throw new RuleException(refusal);
            var taken = await items.Where(i => i.Slot != null).Select(i => i.Slot!.Value).ToListAsync(ct);
            if (RankingGuard.FreeAssessmentSlot(taken, policy.AssessmentItemCap) is not { } slot)
                throw new RuleException(RankingGuard.CheckAssessmentItem(policy.AssessmentItemCap, policy.AssessmentItemCap, c.Year)!);
            var item = new AssessmentItem
            {
                RegionCode = town, Year = c.Year, Title = c.Title.Trim(), Department = string.IsNullOrWhiteSpace(c.Department) ? null : c.Department.Trim(),
                CreatedBy = user.UserName, CreatedAtUtc = Now, Slot = slot,
            };
            db.Add(item);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(item.Id, town, null, item.Year, item.Title, item.Department, item.CreatedBy, item.CreatedAtUtc);
            }
            catch (DbUpdateException)
            {
                // Another registration took this slot meanwhile (unique index): forget ours and look again.
                db.Entry(item).State = EntityState.Detached;
                if (attempt >= SlotAttempts) throw new RuleException("同时登记考核事项的人较多，未能登记，请稍后重试");
            }
        }
    }

    /// <summary>Withdraws an item (撤销); false when not found in scope.</summary>
    public async Task<bool> WithdrawTownAssessmentItemAsync(long id, CancellationToken ct = default)
    {
        var item = await db.Set<AssessmentItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return false;
        if (item.RegionCode != user.RegionCode) throw new RuleException("只有登记它的乡镇可以撤销");
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Apply(Action rule)
    {
        rule();
    }
}

public static class BurdenNames
{
    public static string Kind(BurdenEventKind k) => BurdenEvent.KindName(k);
    public static string Ranking(RankingKind k) => RankingGuard.KindName(k);
}
