using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Training;

/// <summary>A new cadre (first post within 12 months) and the pair, if any.</summary>
public sealed record NewCadreView(long CadreId, string Name, string VillageCode, string VillageName, string PostCode, DateOnly FirstPostStart, long? PairId, string? MentorName)
{
    /// <summary>The post in Chinese.</summary>
    public string PostName => CadreNames.Post(PostCode);
}

/// <summary>A pair: cadre, mentor, period, state, notes written, whether it was silent last full month, and when and why its mentor was changed.</summary>
public sealed record PairView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, string MentorName, string MentorPost, DateOnly StartDate,
    DateOnly EndDate, int Months, PairState State, int Notes, bool SilentLastMonth, DateOnly? EndedOn, string? EndReason, int Version) : IVersionedView
{
    /// <summary>The state in Chinese.</summary>
    public string StateName => State switch { PairState.Active => "帮带中", PairState.Changed => "已更换", _ => "已结束" };
}

/// <summary>A month's note.</summary>
public sealed record MentorLogView(long Id, DateOnly Month, string Note, string RecordedBy, DateTime RecordedAtUtc);

/// <summary>A pair with its notes (latest month first, paged).</summary>
public sealed record PairDetail(PairView Pair, Paged<MentorLogView> Logs);

/// <summary>Pairs a new cadre of the town with a town leader (name and post); start defaults to today, period to 12 months.</summary>
public sealed record CreatePair(long CadreId, string? MentorName, string? MentorPost, DateOnly? StartDate, int? Months);

/// <summary>
/// Changes the mentor of an active pair from <paramref name="Date"/> (default today): the pair ends that day with
/// <paramref name="Reason"/>, a new pair with the new mentor starts it, for <paramref name="Months"/> (default: what
/// remains of the old period). <paramref name="Version"/> is the old pair's.
/// </summary>
public sealed record ChangeMentor(string? MentorName, string? MentorPost, string? Reason, DateOnly? Date, int? Months, int? Version);

/// <summary>Writes the pair's note for a month (any day of it).</summary>
public sealed record WriteMentorLog(DateOnly Month, string? Note);

public sealed class CreatePairValidator : AbstractValidator<CreatePair>
{
    public CreatePairValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择新任干部");
        RuleFor(c => c.MentorName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写帮带的乡镇领导姓名").MaximumLength(MentorPair.MaxName).WithMessage($"姓名不能超过 {MentorPair.MaxName} 个字");
        RuleFor(c => c.MentorPost).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写帮带领导的职务").MaximumLength(MentorPair.MaxName).WithMessage($"职务不能超过 {MentorPair.MaxName} 个字");
        RuleFor(c => c.Months).InclusiveBetween(1, MentorPair.MaxMonths).WithMessage($"帮带期限须为 1 至 {MentorPair.MaxMonths} 个月");
        RuleFor(c => c.StartDate).Must(d => d is null || d.Value.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage("开始日期有误");
    }
}

public sealed class ChangeMentorValidator : AbstractValidator<ChangeMentor>
{
    public ChangeMentorValidator()
    {
        RuleFor(c => c.MentorName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写新的帮带领导姓名").MaximumLength(MentorPair.MaxName).WithMessage($"姓名不能超过 {MentorPair.MaxName} 个字");
        RuleFor(c => c.MentorPost).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写新帮带领导的职务").MaximumLength(MentorPair.MaxName).WithMessage($"职务不能超过 {MentorPair.MaxName} 个字");
        RuleFor(c => c.Reason).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写更换帮带领导的原因").MaximumLength(MentorPair.MaxReason).WithMessage($"更换原因不能超过 {MentorPair.MaxReason} 个字");
        RuleFor(c => c.Months).InclusiveBetween(1, MentorPair.MaxMonths).WithMessage($"帮带期限须为 1 至 {MentorPair.MaxMonths} 个月");
        RuleFor(c => c.Date).Must(d => d is null || d.Value.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage("更换日期有误");
        RuleFor(c => c.Version).NotNull().WithMessage("缺少版本号，请刷新后重试");
    }
}

public sealed class WriteMentorLogValidator : AbstractValidator<WriteMentorLog>
{
    public WriteMentorLogValidator()
    {
        RuleFor(c => c.Month).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage("请选择月份");
        RuleFor(c => c.Note).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写本月帮带情况").MaximumLength(MentorLog.MaxNote).WithMessage($"帮带记录不能超过 {MentorLog.MaxNote} 个字");
    }
}

/// <summary>
/// 1+1 帮带: new cadres (first post within the last 12 months by the post history) of the account's scope, their pairs
/// with a town leader, the monthly notes, and the two flags for the town: unpaired new cadres and pairs silent last month.
/// </summary>
public sealed class Mentoring(AppDbContext db, TimeProvider clock)
{
    public const string PairNotFound = "未找到该帮带结对（或不在您的管辖范围内）";

    /// <summary>In-office cadres under the scope whose first post (earliest in the history) began within the last 12 months, with their pairs.</summary>
    private async Task<List<NewCadreView>> NewCadresAllAsync(string? region, CancellationToken ct)
    {
        var today = clock.Today();
        var since = today.AddMonths(-MentoringRules.NewForMonths);
        var prefix = string.IsNullOrWhiteSpace(region) ? db.User.ScopePrefix : RegionCodes.ScopePrefix(region.Trim());
        var rows = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix))
            .Select(c => new { c.Id, c.Name, c.RegionCode, c.PostCode, First = db.CadrePosts.Where(p => p.CadreId == c.Id).Min(p => (DateOnly?)p.StartDate) ?? c.StartDate })
            .Where(c => c.First > since && c.First <= today)
            .Select(c => new
            {
                c.Id, c.Name, c.RegionCode, c.PostCode, c.First,
                Pair = db.Set<MentorPair>().Where(p => p.CadreId == c.Id && p.EndedOn == null).Select(p => new { p.Id, p.MentorName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var villages = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => villages.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return rows.Where(r => MentoringRules.IsNew(r.First, today))
            .Select(r => new NewCadreView(r.Id, r.Name, r.RegionCode, names.GetValueOrDefault(r.RegionCode) ?? r.RegionCode, r.PostCode, r.First, r.Pair?.Id, r.Pair?.MentorName))
            .OrderBy(r => r.PairId is not null).ThenBy(r => r.VillageCode).ThenBy(r => r.Name).ToList();
    }

    /// <summary>New cadres in scope (unpaired first; <paramref name="unpairedOnly"/> narrows), paged.</summary>
    public async Task<Paged<NewCadreView>> NewCadresAsync(string? region, bool unpairedOnly, PageRequest page, CancellationToken ct = default)
    {
        var all = (await NewCadresAllAsync(region, ct)).Where(r => !unpairedOnly || r.PairId is null).ToList();
        return new(all.Skip(page.Skip).Take(page.Size).ToList(), all.Count, page.Page, page.Size);
    }

    /// <summary>How many new cadres in scope have no pair (the town's to-do).</summary>
    public async Task<int> UnpairedCountAsync(CancellationToken ct = default) => (await NewCadresAllAsync(null, ct)).Count(r => r.PairId is null);

    private async Task<List<PairView>> PairViewsAsync(IQueryable<MentorPair> q, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await q.AsNoTracking().Join(db.Cadres, p => p.CadreId, c => c.Id, (p, c) => new { p, c.Name })
            .Select(x => new
            {
                x.p, x.Name, Village = db.Regions.Where(r => r.Code == x.p.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Months = db.Set<MentorLog>().Where(l => l.PairId == x.p.Id).Select(l => l.Month).ToList(),
            }).ToListAsync(ct);
        return rows.Select(x => new PairView(x.p.Id, x.p.CadreId, x.Name, x.p.RegionCode, x.Village ?? x.p.RegionCode, x.p.MentorName, x.p.MentorPost, x.p.StartDate,
                MentoringRules.EndDate(x.p.StartDate, x.p.Months), x.p.Months, MentoringRules.State(x.p.StartDate, x.p.Months, today, x.p.EndedOn), x.Months.Count,
                MentoringRules.SilentLastMonth(x.p.StartDate, x.p.Months, x.Months, today, x.p.EndedOn), x.p.EndedOn, x.p.EndReason, x.p.RowVersion))
            .ToList();
    }

    /// <summary>Pairs in scope (active first, then silent ones first; <paramref name="silentOnly"/> narrows), paged.</summary>
    public async Task<Paged<PairView>> PairsAsync(string? region, bool silentOnly, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<MentorPair>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(region)) { var prefix = RegionCodes.ScopePrefix(region.Trim()); q = q.Where(p => p.RegionCode.StartsWith(prefix)); }
        var all = (await PairViewsAsync(q, ct)).Where(p => !silentOnly || p.SilentLastMonth)
            .OrderBy(p => p.State).ThenByDescending(p => p.SilentLastMonth).ThenBy(p => p.VillageCode).ThenBy(p => p.CadreName).ToList();
        return new(all.Skip(page.Skip).Take(page.Size).ToList(), all.Count, page.Page, page.Size);
    }

    /// <summary>How many active pairs in scope wrote no note for the last full month (the town's to-do).</summary>
    public async Task<int> SilentCountAsync(CancellationToken ct = default) => (await PairViewsAsync(db.Set<MentorPair>(), ct)).Count(p => p.SilentLastMonth);

    /// <summary>A pair in scope with its notes (null when not found).</summary>
    public async Task<PairDetail?> PairAsync(long id, PageRequest page, CancellationToken ct = default)
    {
        if ((await PairViewsAsync(db.Set<MentorPair>().Where(p => p.Id == id), ct)).FirstOrDefault() is not { } pair) return null;
        var logs = await db.Set<MentorLog>().AsNoTracking().Where(l => l.PairId == id).OrderByDescending(l => l.Month)
            .Select(l => new MentorLogView(l.Id, l.Month, l.Note, l.RecordedBy, l.RecordedAtUtc)).ToPagedAsync(page, ct);
        return new(pair, logs);
    }

    /// <summary>Pairs a new cadre of the account's town with a town leader; refused when not new, already paired, or not of the town.</summary>
    public async Task<PairView> CreateAsync(CreatePair c, CancellationToken ct = default)
    {
        var town = db.User.RegionCode;
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) throw new RuleException("1+1 帮带由乡镇结对，请使用乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId)
            .Select(x => new { x.Id, x.Name, x.RegionCode, x.Status, First = db.CadrePosts.Where(p => p.CadreId == x.Id).Min(p => (DateOnly?)p.StartDate) ?? x.StartDate })
            .FirstOrDefaultAsync(ct) ?? throw new RuleException("mentoring.cadre", "CadreId", "未找到该干部（或不在本乡镇）");
        if (cadre.Status != CadreStatus.InOffice) throw new RuleException("mentoring.not_in_office", "CadreId", $"{cadre.Name} 已离任，不能结对");
        if (await db.Set<MentorPair>().AnyAsync(p => p.CadreId == cadre.Id && p.EndedOn == null, ct)) throw new RuleException("mentoring.paired", "CadreId", $"{cadre.Name} 已有帮带结对");
        var today = clock.Today();
        var start = c.StartDate ?? today;
        var months = c.Months ?? MentorPair.DefaultMonths;
        RuleException.ThrowIfAny(MentoringRules.PairProblems(c.MentorName, c.MentorPost, months, start, cadre.First, today));
        var pair = new MentorPair
        {
            CadreId = cadre.Id, RegionCode = cadre.RegionCode, MentorName = c.MentorName!.Trim(), MentorPost = c.MentorPost!.Trim(), StartDate = start, Months = months,
            CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(pair);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("mentoring.paired", "CadreId", $"{cadre.Name} 刚被他人结对，请刷新后查看");
        }
        return (await PairViewsAsync(db.Set<MentorPair>().Where(p => p.Id == pair.Id), ct)).Single();
    }

    /// <summary>
    /// Changes the mentor of an active pair of the account's town (null when not found): the old pair ends on the change
    /// day with the reason, a new pair starts that day; the filtered unique index keeps one active pair per cadre.
    /// </summary>
    public async Task<PairView?> ChangeMentorAsync(long pairId, ChangeMentor c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) != RegionLevel.Town) throw new RuleException("更换帮带领导由乡镇操作，请使用乡镇账号");
        if (await db.Set<MentorPair>().FirstOrDefaultAsync(p => p.Id == pairId, ct) is not { } old) return null;
        db.ExpectVersion(old, c.Version);
        var today = clock.Today();
        var date = c.Date ?? today;
        var months = c.Months ?? MentoringRules.RemainingMonths(old.StartDate, old.Months, date);
        RuleException.ThrowIfAny(MentoringRules.ChangeProblems(MentoringRules.State(old.StartDate, old.Months, today, old.EndedOn), old.StartDate, old.Months, old.MentorName,
            c.MentorName, c.MentorPost, months, date, c.Reason, today));
        (old.EndedOn, old.EndReason) = (date, c.Reason!.Trim());
        var pair = new MentorPair
        {
            CadreId = old.CadreId, RegionCode = old.RegionCode, MentorName = c.MentorName!.Trim(), MentorPost = c.MentorPost!.Trim(), StartDate = date, Months = months,
            CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(pair);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("mentoring.changed", "Id", "该结对刚被他人更换帮带领导，请刷新后查看");
        }
        return (await PairViewsAsync(db.Set<MentorPair>().Where(p => p.Id == pair.Id), ct)).Single();
    }

    /// <summary>Writes a month's note for a pair in scope (null when not found); one note per month; refused outside the pair's period or for a future month.</summary>
    public async Task<MentorLogView?> WriteLogAsync(long pairId, WriteMentorLog c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) != RegionLevel.Town) throw new RuleException("帮带记录由乡镇填写，请使用乡镇账号");
        if (await db.Set<MentorPair>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct) is not { } pair) return null;
        if (pair.EndedOn is not null) throw new RuleException("mentoring.changed", "Id", "该结对已更换帮带领导，请在新的结对上填写记录");
        RuleException.ThrowIfAny(MentoringRules.LogProblems(c.Month, pair.StartDate, pair.Months, clock.Today(), c.Note));
        var month = new DateOnly(c.Month.Year, c.Month.Month, 1);
        if (await db.Set<MentorLog>().AnyAsync(l => l.PairId == pairId && l.Month == month, ct))
            throw new RuleException("mentoring.logged", "Month", $"{month:yyyy 年 M 月}已有帮带记录");
        var log = new MentorLog { PairId = pairId, RegionCode = pair.RegionCode, Month = month, Note = c.Note!.Trim(), RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(log);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("mentoring.logged", "Month", $"{month:yyyy 年 M 月}已有帮带记录");
        }
        return new(log.Id, log.Month, log.Note, log.RecordedBy, log.RecordedAtUtc);
    }
}
