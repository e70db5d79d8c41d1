using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Powers;

/// <summary>One exercise as listed: village, item, title, applicant, state, the next step (name, due date) and whether it is overdue.</summary>
public sealed record PowerExerciseRow(long Id, string VillageCode, string VillageName, string ItemCode, string ItemName, string Title, string? Subject,
    DateOnly StartedOn, PowerExerciseState State, int? NextStep, string? NextStepName, DateOnly? NextDueOn, bool Overdue)
{
    /// <summary>状态 (shown).</summary>
    public string StateName => PowerExercises.StateName(State);
}

/// <summary>One step of an exercise as shown: the list's step, where it stands, its due date, who may record it, and its record once done.</summary>
public sealed record PowerStepView(int Number, string Name, string PerformedBy, int? TimeLimitWorkingDays, bool TownStep, PowerStepState State, DateOnly? DueOn, bool Late,
    DateOnly? On, string? By, string? Decision, bool Rejected, string? Attachment, string? RecordedBy, DateTime? RecordedAtUtc, IReadOnlyList<PowerStepFileView> Files)
{
    /// <summary>状态 (shown).</summary>
    public string StateName => PowerProcedure.StateName(State);
}

/// <summary>One exercise with its steps; <see cref="Version"/> is what recording a step sends back.</summary>
public sealed record PowerExerciseView(long Id, string VillageCode, string VillageName, string ItemCode, string ItemName, PowerCategory Category, int PolicyVersion,
    string Title, string? Subject, DateOnly StartedOn, PowerExerciseState State, bool Overdue, int? NextStep, string CreatedBy, DateTime CreatedAtUtc,
    IReadOnlyList<PowerStepView> Steps, int Version) : IVersionedView
{
    /// <summary>状态 (shown).</summary>
    public string StateName => PowerExercises.StateName(State);
    /// <summary>类别 (shown).</summary>
    public string CategoryName => PowerItem.CategoryName(Category);
}

/// <summary>A village registers an exercise of an item of the list in force: title, applicant or subject (optional), the day it began.</summary>
public sealed record StartPowerExercise(string? ItemCode, string? Title, string? Subject, DateOnly StartedOn);

/// <summary>Records the next step: its number, the day, who did it (defaults to the list's performer), the decision, whether it turned the matter down, an attachment note; made from <see cref="Version"/>.</summary>
public sealed record RecordPowerStep(int Step, DateOnly On, string? By, string? Decision, bool Rejected, string? Attachment) : IVersionedCommand
{
    /// <summary>The exercise's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class StartPowerExerciseValidator : AbstractValidator<StartPowerExercise>
{
    public StartPowerExerciseValidator()
    {
        RuleFor(c => c.ItemCode).NotEmpty().WithMessage("请选择权力事项").MaximumLength(10).WithMessage("权力事项编号不能超过 10 个字符");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写事项标题").MaximumLength(PowerExercise.MaxTitle).WithMessage($"事项标题不能超过 {PowerExercise.MaxTitle} 个字");
        RuleFor(c => c.Subject).MaximumLength(PowerExercise.MaxSubject).WithMessage($"申请人或对象不能超过 {PowerExercise.MaxSubject} 个字");
        RuleFor(c => c.StartedOn).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"开始日期须在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
    }
}

public sealed class RecordPowerStepValidator : AbstractValidator<RecordPowerStep>
{
    public RecordPowerStepValidator()
    {
        RuleFor(c => c.Step).InclusiveBetween(1, PowerItem.MaxSteps).WithMessage($"步骤须为 1 至 {PowerItem.MaxSteps}");
        RuleFor(c => c.On).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"办理日期须在 {InputRange.MinYear}–{InputRange.MaxYear} 年之间");
        RuleFor(c => c.Decision).NotEmpty().WithMessage("请填写办理结果或决定").MaximumLength(PowerStepRecord.MaxDecision).WithMessage($"办理结果不能超过 {PowerStepRecord.MaxDecision} 个字");
        RuleFor(c => c.By).MaximumLength(PowerStepEntry.MaxBy).WithMessage($"办理人不能超过 {PowerStepEntry.MaxBy} 个字");
        RuleFor(c => c.Attachment).MaximumLength(PowerStepEntry.MaxAttachment).WithMessage($"附件说明不能超过 {PowerStepEntry.MaxAttachment} 个字");
    }
}

/// <summary>
/// The items of a county's lists by version: 0 is the default catalogue, others the county's published or draft rows
/// (read once per request; a county has a handful).
/// </summary>
public sealed class PowerItemLookup(IReadOnlyList<PowerListPolicy> versions, string county)
{
    private readonly PowerListPolicy defaults = PowerListPolicy.Default(county);

    /// <summary>The item <paramref name="code"/> of version <paramref name="version"/>, or null.</summary>
    public PowerItem? Item(int version, string code) =>
        (version == 0 ? defaults : versions.FirstOrDefault(v => v.Version == version))?.Item(code);

    /// <summary>The versions of <paramref name="county"/> (not tracked).</summary>
    public static async Task<PowerItemLookup> ForCountyAsync(AppDbContext db, string county, CancellationToken ct) =>
        new(await db.Set<PowerListPolicy>().AsNoTracking().Where(p => p.CountyCode == county).ToListAsync(ct), county);
}

/// <summary>
/// 小微权力运行: a village registers an exercise of an item of the list in force (keeping that version) and records its
/// steps one by one (<see cref="PowerExercises"/> on <see cref="PowerProcedure"/>): in order, each once, nothing after a
/// rejection; the town records the steps the list gives to 乡镇. The town reads its villages', the county and discipline
/// all of the county's. A step is unique per exercise (index) and recording checks the exercise's version, so of two
/// parallel records of one step one succeeds and the other answers 409.
/// </summary>
public sealed class PowerExerciseHandlers(AppDbContext db, UserContext user, TimeProvider clock, PowerListHandlers lists, IOutputCacheStore cache,
    DisclosurePolicyHandlers disclosurePolicies)
{
    public const string NotFound = "未找到该权力运行记录（或不在您的管辖范围内）";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Exercises in scope, newest first; filters: state, overdue (in progress past its next step's due date), village.</summary>
    public async Task<Paged<PowerExerciseRow>> ListAsync(PowerExerciseState? state, bool overdue, string? village, PageRequest page, CancellationToken ct = default)
    {
        var today = Today;
        var q = db.Set<PowerExercise>().AsNoTracking();
        if (state is { } s) q = q.Where(e => e.State == s);
        if (overdue) q = q.Where(e => e.State == PowerExerciseState.InProgress && e.NextDueOn < today);
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(e => e.RegionCode == village.Trim());
        var paged = await q.OrderByDescending(e => e.StartedOn).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.RegionCode, VillageName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault() ?? "",
                e.ItemCode, e.ItemName, e.PolicyVersion, e.Title, e.Subject, e.StartedOn, e.State, e.NextStep, e.NextDueOn,
            }).ToPagedAsync(page, ct);
        var lookups = new Dictionary<string, PowerItemLookup>();
        var rows = new List<PowerExerciseRow>(paged.Items.Count);
        foreach (var e in paged.Items)
        {
            var county = RegionCodes.CountyOf(e.RegionCode)!;
            if (!lookups.TryGetValue(county, out var lookup)) lookups[county] = lookup = await PowerItemLookup.ForCountyAsync(db, county, ct);
            var stepName = e.NextStep is { } n ? lookup.Item(e.PolicyVersion, e.ItemCode)?.Step(n)?.Name : null;
            rows.Add(new(e.Id, e.RegionCode, e.VillageName, e.ItemCode, e.ItemName, e.Title, e.Subject, e.StartedOn, e.State, e.NextStep, stepName, e.NextDueOn,
                e.State == PowerExerciseState.InProgress && e.NextDueOn < today));
        }
        return new(rows, paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>One exercise in scope with its steps, or null.</summary>
    public async Task<PowerExerciseView?> GetAsync(long id, CancellationToken ct = default)
    {
        var e = await db.Set<PowerExercise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var entries = await db.Set<PowerStepEntry>().AsNoTracking().Where(s => s.ExerciseId == id).OrderBy(s => s.Step).ToListAsync(ct);
        var village = await db.Regions.AsNoTracking().Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var county = RegionCodes.CountyOf(e.RegionCode)!;
        var item = (await PowerItemLookup.ForCountyAsync(db, county, ct)).Item(e.PolicyVersion, e.ItemCode);
        var calendar = await CalendarAsync(db, county, ct);
        var files = await db.Set<PowerStepFile>().AsNoTracking().Where(a => a.ExerciseId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return Show(e, village, item, entries, calendar, Today, files);
    }

    /// <summary>An exercise as shown (also the public portal's source of steps, which passes no <paramref name="files"/>: they are never public).</summary>
    public static PowerExerciseView Show(PowerExercise e, string village, PowerItem? item, IReadOnlyList<PowerStepEntry> entries, WorkingCalendar calendar, DateOnly today,
        IReadOnlyList<PowerStepFile>? files = null)
    {
        var byStep = entries.ToDictionary(s => s.Step);
        var filesByStep = (files ?? []).ToLookup(a => a.Step);
        var steps = item is null ? [] : PowerProcedure.Progress(item, entries.Select(s => s.ToRecord()).ToList(), e.StartedOn, calendar, today)
            .Select(p =>
            {
                var r = byStep.GetValueOrDefault(p.Step.Number);
                return new PowerStepView(p.Step.Number, p.Step.Name, p.Step.PerformedBy, p.Step.TimeLimitWorkingDays, PowerPerformers.IsTownStep(p.Step), p.State, p.DueOn, p.Late,
                    r?.On, r?.By, r?.Decision, r?.Rejected ?? false, r?.Attachment, r?.RecordedBy, r?.RecordedAtUtc,
                    [.. filesByStep[p.Step.Number].Select(PowerStepFiles.View)]);
            }).ToList();
        return new(e.Id, e.RegionCode, village, e.ItemCode, e.ItemName, e.Category, e.PolicyVersion, e.Title, e.Subject, e.StartedOn, e.State,
            steps.Any(s => s.State == PowerStepState.Overdue), e.NextStep, e.CreatedBy, e.CreatedAtUtc, steps, e.RowVersion);
    }

    /// <summary>The working-day calendar of <paramref name="county"/>.</summary>
    public static async Task<WorkingCalendar> CalendarAsync(AppDbContext db, string county, CancellationToken ct) =>
        new((await ScopeGateway.CountyCalendarDaysAsync(db, county, null, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));

    /// <summary>A village account registers an exercise of an item of the list in force today.</summary>
    public async Task<PowerExerciseView> StartAsync(StartPowerExercise c, CancellationToken ct = default)
    {
        var village = user.RegionCode ?? "";
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw new RuleException("power.village", "ItemCode", "权力事项运行由村登记，请使用村账号");
        var county = RegionCodes.CountyOf(village)!;
        var today = Today;
        var list = await lists.InForceOrDefaultAsync(county, today, ct);
        var item = list.Item(c.ItemCode) ?? throw new RuleException("power.item", "ItemCode", $"现行小微权力清单中没有编号为 {c.ItemCode?.Trim()} 的事项");
        var e = PowerExercises.Start(item, list.IsPublished ? list.Version : 0, village, c.Title, c.Subject, c.StartedOn, today,
            await CalendarAsync(db, county, ct), user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Add(e);
        await db.SaveChangesAsync(ct);
        await EvictAsync(village, ct);
        return (await GetAsync(e.Id, ct))!;
    }

    /// <summary>Records the next step of an exercise in scope; null when it is not in scope.</summary>
    public async Task<PowerExerciseView?> RecordAsync(long id, RecordPowerStep c, CancellationToken ct = default)
    {
        var e = await db.Set<PowerExercise>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        db.ExpectVersion(e, c.Version);
        var county = RegionCodes.CountyOf(e.RegionCode)!;
        var item = (await PowerItemLookup.ForCountyAsync(db, county, ct)).Item(e.PolicyVersion, e.ItemCode)
            ?? throw new RuleException("power.item", "step", $"未找到该事项所依据的清单（第 {e.PolicyVersion} 版 {e.ItemCode}）");
        var entries = await db.Set<PowerStepEntry>().AsNoTracking().Where(s => s.ExerciseId == id).ToListAsync(ct);
        var byTown = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town;
        var entry = PowerExercises.Record(e, item, entries, c.Step, c.On, c.By, c.Decision, c.Rejected, c.Attachment, byTown,
            await CalendarAsync(db, county, ct), Today, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Add(entry);
        db.Touch(e);
        await AddOccurrenceAsync(e, entry.On, county, ct);
        await db.SaveCreatedAsync(ct);
        await EvictAsync(e.RegionCode, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// The last step just completed an exercise whose item settles a matter to be made public at once: its occurrence is
    /// recorded in the same save (<see cref="PowerOccurrences"/>), audited with it, and only once (an occurrence with its
    /// key already there is left alone; the unique index backs that).
    /// </summary>
    private async Task AddOccurrenceAsync(PowerExercise e, DateOnly on, string county, CancellationToken ct)
    {
        if (e.State != PowerExerciseState.Done || !PowerOccurrences.DisclosureItems.ContainsKey(e.ItemCode)) return;
        var rules = await disclosurePolicies.RulesOfAsync(county, ct);
        if (PowerOccurrences.For(e, on, rules, Today, user.UserName, clock.GetUtcNow().UtcDateTime) is not { } occurrence) return;
        if (await db.Set<RecordedOccurrence>().AnyAsync(o => o.RegionCode == occurrence.RegionCode && o.ItemCode == occurrence.ItemCode && o.Title == occurrence.Title, ct)) return;
        db.Add(occurrence);
    }

    /// <summary>Drops the public portal's cached pages of the village (its /Quanli page among them).</summary>
    private Task EvictAsync(string village, CancellationToken ct) => cache.EvictByTagAsync(PublicDisclosureCache.VillageTag(village), ct).AsTask();

    /// <summary>
    /// 权力运行逾期 for the home: a village account counts its exercises with an overdue step; a town its villages with one.
    /// </summary>
    public Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        var today = Today;
        var q = db.Set<PowerExercise>().AsNoTracking().Where(e => e.State == PowerExerciseState.InProgress && e.NextDueOn < today);
        return RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Village ? q.CountAsync(ct) : q.Select(e => e.RegionCode).Distinct().CountAsync(ct);
    }
}
