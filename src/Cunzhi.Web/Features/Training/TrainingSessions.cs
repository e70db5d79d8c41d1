using Cunzhi.Data;
using Cunzhi.Data.Configurations;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Training;

/// <summary>A session as listed: organiser, kind, title, dates, hours, place, enrolled and marked counts (in the reader's scope).</summary>
public sealed record SessionView(long Id, string OrganiserCode, string OrganiserName, TrainingKind Kind, string Title, string? Topic, DateOnly StartDate, DateOnly EndDate,
    decimal Hours, string? Place, bool Cancelled, int Enrolled, int Marked, int Version) : IVersionedView
{
    /// <summary>The kind in Chinese.</summary>
    public string KindName => TrainingRules.KindName(Kind);
}

/// <summary>An enrolled cadre with the attendance marked (null: not yet).</summary>
public sealed record EnrolmentView(long Id, long SessionId, long CadreId, string CadreName, string VillageCode, string VillageName, string PostCode, bool InOffice,
    bool? Attended, decimal CreditedHours, int Version) : IVersionedView;

/// <summary>Creates a session of the account's own level (county or town); dates are China dates, inclusive.</summary>
public record SaveSession(TrainingKind Kind, string? Title, string? Topic, DateOnly StartDate, DateOnly EndDate, decimal Hours, string? Place);

/// <summary>Changes a session; carries its version.</summary>
public sealed record EditSession(TrainingKind Kind, string? Title, string? Topic, DateOnly StartDate, DateOnly EndDate, decimal Hours, string? Place)
    : SaveSession(Kind, Title, Topic, StartDate, EndDate, Hours, Place), IVersionedCommand
{
    /// <summary>The session's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Cancels a session (kept, takes no attendance); carries its version.</summary>
public sealed record CancelSession : IVersionedCommand
{
    /// <summary>The session's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>
/// Enrols cadres: the listed ones (<paramref name="CadreIds"/>), or every in-office cadre holding one of <paramref name="Posts"/>
/// under <paramref name="Region"/> (a town or village of the organiser's region; none: the whole region). Cadres already enrolled are skipped.
/// </summary>
public sealed record EnrolCadres(IReadOnlyList<long>? CadreIds, IReadOnlyList<string>? Posts, string? Region);

/// <summary>One cadre's attendance: 出勤 or 缺勤 and the hours credited (attended without hours: the session's hours).</summary>
public sealed record AttendanceLine(long CadreId, bool Attended, decimal? Hours);

/// <summary>The attendance sheet of a held session: every line is checked, then all are written or none.</summary>
public sealed record MarkAttendance(IReadOnlyList<AttendanceLine>? Lines);

/// <summary>What an enrolment added.</summary>
public sealed record EnrolResult(int Added, int AlreadyEnrolled);

public sealed class SaveSessionValidator : AbstractValidator<SaveSession>
{
    public SaveSessionValidator() => Rules(this);

    internal static void Rules<T>(AbstractValidator<T> v) where T : SaveSession
    {
        v.RuleFor(c => c.Kind).Must(k => Enum.IsDefined(k)).WithMessage("请选择培训类别");
        v.RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写培训名称").MaximumLength(TrainingSession.MaxTitle).WithMessage($"培训名称不能超过 {TrainingSession.MaxTitle} 个字");
        v.RuleFor(c => c.Topic).MaximumLength(TrainingSession.MaxText).WithMessage($"主题不能超过 {TrainingSession.MaxText} 个字");
        v.RuleFor(c => c.Place).MaximumLength(TrainingSession.MaxText).WithMessage($"地点不能超过 {TrainingSession.MaxText} 个字");
        v.RuleFor(c => c.StartDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写开始日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        v.RuleFor(c => c.EndDate).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写结束日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        v.RuleFor(c => c.Hours).InclusiveBetween(0.1m, TrainingRules.MaxDays * TrainingRules.MaxHoursPerDay).WithMessage("请填写学时（大于 0）");
    }
}

public sealed class EditSessionValidator : AbstractValidator<EditSession>
{
    public EditSessionValidator() => SaveSessionValidator.Rules(this);
}

public sealed class EnrolCadresValidator : AbstractValidator<EnrolCadres>
{
    public EnrolCadresValidator()
    {
        RuleFor(c => c).Must(c => c.CadreIds is { Count: > 0 } || c.Posts is { Count: > 0 }).WithMessage("请选择干部，或选择职务按区划报名").WithName("CadreIds");
        RuleFor(c => c.CadreIds).Must(i => i is null || i.Count <= 500).WithMessage("一次最多报名 500 名干部");
        RuleFor(c => c.Posts).Must(p => p is null || p.Count <= 20).WithMessage("职务选择过多");
        RuleFor(c => c.Region).MaximumLength(15).WithMessage("区划代码有误");
    }
}

public sealed class MarkAttendanceValidator : AbstractValidator<MarkAttendance>
{
    public MarkAttendanceValidator() =>
        RuleFor(c => c.Lines).Must(l => l is { Count: > 0 }).WithMessage("请至少登记一名干部的出勤").Must(l => l is null || l.Count <= 2000).WithMessage("一次最多登记 2000 人");
}

/// <summary>
/// 培训: the county or a town organises sessions of its own level, enrols cadres of its region, and marks attendance
/// after the session has been held (all lines or none). Everyone reads the sessions of their line (<see cref="ScopeGateway.TrainingSessionsInLine"/>).
/// </summary>
public sealed class TrainingSessions(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该培训（或不在您的管辖范围内）";
    public const string EnrolmentNotFound = "未找到该报名记录（或不在您的管辖范围内）";

    private IQueryable<SessionView> Views(IQueryable<TrainingSession> q) => q.Select(s => new SessionView(s.Id, s.RegionCode, "", s.Kind, s.Title, s.Topic, s.StartDate, s.EndDate,
        s.Hours, s.Place, s.Cancelled, db.Set<TrainingEnrolment>().Count(e => e.SessionId == s.Id), db.Set<TrainingEnrolment>().Count(e => e.SessionId == s.Id && e.Attended != null),
        s.RowVersion));

    private async Task<List<SessionView>> NamedAsync(IReadOnlyList<SessionView> views, CancellationToken ct)
    {
        var codes = views.Select(v => v.OrganiserCode).Distinct().ToList();
        var names = await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return views.Select(v => v with { OrganiserName = names.GetValueOrDefault(v.OrganiserCode) ?? v.OrganiserCode }).ToList();
    }

    /// <summary>Sessions of the account's line (optionally of a year, a kind, an organiser), latest first, paged.</summary>
    public async Task<Paged<SessionView>> ListAsync(int? year, TrainingKind? kind, string? organiser, PageRequest page, CancellationToken ct = default)
    {
        var q = ScopeGateway.TrainingSessionsInLine(db);
        if (year is { } y) q = q.Where(s => s.StartDate >= new DateOnly(y, 1, 1) && s.StartDate <= new DateOnly(y, 12, 31));
        if (kind is { } k) q = q.Where(s => s.Kind == k);
        if (!string.IsNullOrWhiteSpace(organiser)) q = q.Where(s => s.RegionCode == organiser.Trim());
        var paged = await Views(q.OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)).ToPagedAsync(page, ct);
        return paged with { Items = await NamedAsync(paged.Items, ct) };
    }

    /// <summary>One session of the account's line, or null.</summary>
    public async Task<SessionView?> GetAsync(long id, CancellationToken ct = default) =>
        await Views(ScopeGateway.TrainingSessionsInLine(db).Where(s => s.Id == id)).FirstOrDefaultAsync(ct) is { } v ? (await NamedAsync([v], ct))[0] : null;

    /// <summary>Whether the account organises sessions at its level (county or town).</summary>
    public bool IsOrganiserLevel => RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.County or RegionLevel.Town;

    private string OwnLevel() => IsOrganiserLevel ? db.User.RegionCode : throw new RuleException("培训由县或乡镇组织，请使用县级或乡镇账号");

    /// <summary>A session the account organises (tracked), or null: another level's sessions are read-only to it.</summary>
    private async Task<TrainingSession?> OwnAsync(long id, CancellationToken ct)
    {
        var own = db.User.RegionCode;
        return await db.Set<TrainingSession>().FirstOrDefaultAsync(s => s.Id == id && s.RegionCode == own, ct);
    }

    /// <summary>Creates a session at the account's level.</summary>
    public async Task<SessionView> CreateAsync(SaveSession c, CancellationToken ct = default)
    {
        var region = OwnLevel();
        RuleException.ThrowIfAny(TrainingRules.SessionProblems(c.Title, c.Kind, c.StartDate, c.EndDate, c.Hours));
        var s = new TrainingSession
        {
            RegionCode = region, Kind = c.Kind, Title = c.Title!.Trim(), Topic = Blank(c.Topic), StartDate = c.StartDate, EndDate = c.EndDate, Hours = c.Hours,
            Place = Blank(c.Place), CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(s);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(s.Id, ct))!;
    }

    /// <summary>Changes a session the account organises (null when not found); hours may not drop below hours already credited; a stale version is 409.</summary>
    public async Task<SessionView?> EditAsync(long id, EditSession c, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } s) return null;
        db.ExpectVersion(s, c.Version);
        if (s.Cancelled) throw new RuleException("training.cancelled", null, "该培训已取消，不能修改");
        RuleException.ThrowIfAny(TrainingRules.SessionProblems(c.Title, c.Kind, c.StartDate, c.EndDate, c.Hours));
        var most = await db.Set<TrainingEnrolment>().Where(e => e.SessionId == id).MaxAsync(e => (decimal?)e.CreditedHours, ct) ?? 0;
        if (c.Hours < most) throw new RuleException("training.hours", "Hours", $"已有干部记了 {most:0.#} 学时，培训学时不能少于此数");
        (s.Kind, s.Title, s.Topic, s.StartDate, s.EndDate, s.Hours, s.Place) = (c.Kind, c.Title!.Trim(), Blank(c.Topic), c.StartDate, c.EndDate, c.Hours, Blank(c.Place));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Cancels a session the account organises (null when not found); refused once attendance is marked.</summary>
    public async Task<SessionView?> CancelAsync(long id, CancelSession c, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } s) return null;
        db.ExpectVersion(s, c.Version);
        if (s.Cancelled) throw new RuleException("training.cancelled", null, "该培训已取消");
        if (await db.Set<TrainingEnrolment>().AnyAsync(e => e.SessionId == id && e.Attended != null, ct))
            throw new RuleException("training.marked", null, "该培训已登记出勤，不能取消");
        s.Cancelled = true;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The session's enrolled cadres in the reader's scope (by village and name; paged), or null when the session is not found.</summary>
    public async Task<Paged<EnrolmentView>?> EnrolmentsAsync(long id, PageRequest page, CancellationToken ct = default)
    {
        if (!await ScopeGateway.TrainingSessionsInLine(db).AnyAsync(s => s.Id == id, ct)) return null;
        return await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.SessionId == id)
            .Join(db.Cadres, e => e.CadreId, c => c.Id, (e, c) => new { e, c })
            .OrderBy(x => x.e.RegionCode).ThenBy(x => x.c.Name).ThenBy(x => x.e.Id)
            .Select(x => new EnrolmentView(x.e.Id, x.e.SessionId, x.e.CadreId, x.c.Name, x.e.RegionCode,
                db.Regions.Where(r => r.Code == x.e.RegionCode).Select(r => r.Name).FirstOrDefault() ?? x.e.RegionCode, x.e.PostCode, x.c.Status == CadreStatus.InOffice,
                x.e.Attended, x.e.CreditedHours, x.e.RowVersion))
            .ToPagedAsync(page, ct);
    }

    /// <summary>
    /// Enrols cadres in a session the account organises (null when not found): the listed ones, or every in-office cadre of
    /// the posts under a region of the organiser's. Refused, nothing written, for a cancelled session, a cadre not in office
    /// or outside the organiser's region.
    /// </summary>
    public async Task<EnrolResult?> EnrolAsync(long id, EnrolCadres c, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } s) return null;
        if (s.Cancelled) throw new RuleException("training.cancelled", null, "该培训已取消，不能报名");
        var prefix = RegionCodes.ScopePrefix(s.RegionCode);
        List<Cadre> cadres;
        if (c.CadreIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            cadres = await db.Cadres.AsNoTracking().Where(x => wanted.Contains(x.Id)).ToListAsync(ct);
            var problems = new List<RuleProblem>();
            foreach (var missing in wanted.Where(w => cadres.All(x => x.Id != w)))
                problems.Add(new("training.cadre", "CadreIds", $"未找到编号为 {missing} 的干部（或不在您的管辖范围内）"));
            foreach (var x in cadres.Where(x => !x.RegionCode.StartsWith(prefix, StringComparison.Ordinal)))
                problems.Add(new("training.cadre", "CadreIds", $"{x.Name} 不在本次培训的组织区划内"));
            foreach (var x in cadres.Where(x => x.Status != CadreStatus.InOffice))
                problems.Add(new("training.not_in_office", "CadreIds", $"{x.Name} 已离任，不能报名"));
            RuleException.ThrowIfAny(problems);
        }
        else
        {
            var under = string.IsNullOrWhiteSpace(c.Region) ? s.RegionCode : c.Region.Trim();
            if (RegionCodes.LevelOf(under) is null || !RegionCodes.IsWithin(under, s.RegionCode))
                throw new RuleException("training.region", "Region", "所选区划不在本次培训的组织区划内");
            var posts = c.Posts!.Select(p => p.Trim()).ToList();
            var underPrefix = RegionCodes.ScopePrefix(under);
            cadres = await db.Cadres.AsNoTracking()
                .Where(x => x.Status == CadreStatus.InOffice && posts.Contains(x.PostCode) && x.RegionCode.StartsWith(underPrefix)).ToListAsync(ct);
            if (cadres.Count == 0) throw new RuleException("training.none", "Posts", "所选区划内没有担任这些职务的在任干部");
        }
        var already = await db.Set<TrainingEnrolment>().Where(e => e.SessionId == id).Select(e => e.CadreId).ToListAsync(ct);
        var fresh = cadres.Where(x => !already.Contains(x.Id)).ToList();
        foreach (var x in fresh)
            db.Add(new TrainingEnrolment { SessionId = id, CadreId = x.Id, RegionCode = x.RegionCode, PostCode = x.PostCode });
        await SaveRacingAsync(ct);
        return new(fresh.Count, cadres.Count - fresh.Count);
    }

    /// <summary>Removes one enrolment of a session the account organises (null when not found); refused once its attendance is marked.</summary>
    public async Task<EnrolmentView?> UnenrolAsync(long enrolmentId, CancellationToken ct = default)
    {
        if (await db.Set<TrainingEnrolment>().FirstOrDefaultAsync(e => e.Id == enrolmentId, ct) is not { } e) return null;
        if (await OwnAsync(e.SessionId, ct) is null) return null;
        if (e.Attended is not null) throw new RuleException("training.marked", null, "该干部的出勤已登记，不能取消报名");
        var view = (await EnrolmentsAsync(e.SessionId, new PageRequest(1, PageRequest.MaxSize), ct))!.Items.FirstOrDefault(v => v.Id == enrolmentId);
        db.Remove(e);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>
    /// Marks the attendance of a held session the account organises (null when not found). Every line is checked first —
    /// the session held and not cancelled, each cadre enrolled and in office, hours within the session's — and refused
    /// with every problem, nothing written; otherwise all lines are written in one save.
    /// </summary>
    public async Task<SessionView?> MarkAsync(long id, MarkAttendance c, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } s) return null;
        RuleException.ThrowIfAny(TrainingRules.AttendanceSessionProblems(s.Cancelled, s.EndDate, clock.Today()));
        var lines = c.Lines!;
        var ids = lines.Select(l => l.CadreId).ToList();
        var enrolments = await db.Set<TrainingEnrolment>().Where(e => e.SessionId == id && ids.Contains(e.CadreId)).ToDictionaryAsync(e => e.CadreId, ct);
        var cadres = await db.Cadres.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.Status }).ToDictionaryAsync(x => x.Id, ct);
        var problems = new List<RuleProblem>();
        foreach (var dup in ids.GroupBy(i => i).Where(g => g.Count() > 1))
            problems.Add(new("training.duplicate", "Lines", $"{(cadres.TryGetValue(dup.Key, out var d) ? d.Name : dup.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))} 重复登记"));
        foreach (var l in lines)
        {
            var who = cadres.TryGetValue(l.CadreId, out var x) ? x.Name : $"编号 {l.CadreId}";
            if (x is null || !enrolments.ContainsKey(l.CadreId)) { problems.Add(new("training.not_enrolled", "Lines", $"{who} 未报名本次培训")); continue; }
            if (x.Status != CadreStatus.InOffice) { problems.Add(new("training.not_in_office", "Lines", $"{who} 已离任，不能登记出勤")); continue; }
            problems.AddRange(TrainingRules.CreditProblems(who, l.Attended, Credit(l, s.Hours), s.Hours));
        }
        RuleException.ThrowIfAny(problems);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var l in lines)
        {
            var e = enrolments[l.CadreId];
            (e.Attended, e.CreditedHours, e.MarkedBy, e.MarkedAtUtc) = (l.Attended, Credit(l, s.Hours), db.User.UserName, now);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private static decimal Credit(AttendanceLine l, decimal sessionHours) => l.Hours ?? (l.Attended ? sessionHours : 0);

    /// <summary>Held sessions of the account's own level with enrolled cadres whose attendance is not yet marked (the organiser's to-do).</summary>
    public Task<int> AwaitingAttendanceAsync(CancellationToken ct = default)
    {
        var own = db.User.RegionCode;
        var today = clock.Today();
        return db.Set<TrainingSession>().AsNoTracking()
            .CountAsync(s => s.RegionCode == own && !s.Cancelled && s.EndDate <= today && db.Set<TrainingEnrolment>().Any(e => e.SessionId == s.Id && e.Attended == null), ct);
    }

    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("training.enrolled", "CadreIds", "有干部刚被他人报名本次培训，请刷新后重试");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class CancelSessionValidator : AbstractValidator<CancelSession>;
