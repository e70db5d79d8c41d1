using System.Globalization;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>A cadre as the roster shows them (full name: only accounts of the village's region read this).</summary>
public sealed record DutyPerson(long Id, string Name, string Post, bool Resident, bool OnLeave = false);

/// <summary>One working day of a roster: who is on duty; a gap when nobody (available) is.</summary>
public sealed record DutyDayView(DateOnly Date, string DayOfWeek, IReadOnlyList<DutyPerson> Cadres, bool Gap);

/// <summary>A village's roster of one month, with the cadres who may be put on duty; version 0 when none was saved yet.</summary>
public sealed record DutyMonthView(string Village, string VillageName, int Year, int Month, IReadOnlyList<DutyDayView> Days, int Gaps,
    IReadOnlyList<DutyPerson> Choices, int Version) : IVersionedView;

/// <summary>Puts these cadres on duty on one working day; carries the month's version (0 when the month has no roster yet).</summary>
public sealed record SetDutyDay(IReadOnlyList<long>? CadreIds) : IVersionedCommand
{
    /// <summary>The month's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>
/// Fills a village's month fairly; carries the month's version (0 when none yet). A month that already holds assignments
/// (perhaps edited by hand) is replaced only when <paramref name="Replace"/> says so.
/// </summary>
public sealed record GenerateDutyMonth(int Year, int Month, int PerDay = 1, bool Replace = false) : IVersionedCommand
{
    /// <summary>The month's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Fills the month for every village under a town or county that has no roster of that month yet.</summary>
public sealed record GenerateDutyMonths(string? Region, int Year, int Month, int PerDay = 1);

/// <summary>How many rosters were generated, and the gaps they left.</summary>
public sealed record GeneratedMonths(int Villages, int Assignments, int Gaps, int Skipped);

public sealed class SetDutyDayValidator : AbstractValidator<SetDutyDay>
{
    public SetDutyDayValidator() => RuleFor(c => c.CadreIds).NotNull().WithMessage("请选择值班干部");
}

public sealed class GenerateDutyMonthValidator : AbstractValidator<GenerateDutyMonth>
{
    public GenerateDutyMonthValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(InputRange.MinYear, InputRange.MaxYear).WithMessage(InputRange.YearMessage);
        RuleFor(c => c.Month).InclusiveBetween(1, 12).WithMessage("月份须在 1 至 12 之间");
        RuleFor(c => c.PerDay).InclusiveBetween(1, DutyRules.MaxPerDay).WithMessage($"每天值班人数须在 1 至 {DutyRules.MaxPerDay} 之间");
    }
}

public sealed class GenerateDutyMonthsValidator : AbstractValidator<GenerateDutyMonths>
{
    public GenerateDutyMonthsValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(InputRange.MinYear, InputRange.MaxYear).WithMessage(InputRange.YearMessage);
        RuleFor(c => c.Month).InclusiveBetween(1, 12).WithMessage("月份须在 1 至 12 之间");
        RuleFor(c => c.PerDay).InclusiveBetween(1, DutyRules.MaxPerDay).WithMessage($"每天值班人数须在 1 至 {DutyRules.MaxPerDay} 之间");
    }
}

/// <summary>
/// 坐班值班表: a village's roster per month — read, edit a day, generate fairly (one village, or every village of a town or
/// county without one) — on the county's working-day calendar. Village and town accounts edit; every write is one save.
/// </summary>
public sealed class DutyRosters(AppDbContext db, WorkingCalendars calendars, TimeProvider clock)
{
    public const string VillageNotFound = "未找到该村，或其不在您的管辖范围内";

    /// <summary>Regenerating a month that holds assignments without saying to replace them.</summary>
    public static string FilledMessage(int year, int month) => $"{year} 年 {month} 月已有值班安排，重新生成会覆盖已排（含手工调整）的值班；确需重排请选择“覆盖重排”";

    /// <summary>The village (null when not a village in scope).</summary>
    internal async Task<Region?> VillageAsync(string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level == RegionLevel.Village, ct);

    /// <summary>The village's cadres as the rules read them (in office or not).</summary>
    internal async Task<Dictionary<long, DutyCadre>> CadresAsync(string village, CancellationToken ct) =>
        await db.Cadres.AsNoTracking().Where(c => c.RegionCode == village).ToDictionaryAsync(c => c.Id, c => new DutyCadre(c.Id, c.Name, c.Status == CadreStatus.InOffice), ct);

    /// <summary>Approved leave of the village's cadres touching <paramref name="from"/>–<paramref name="to"/>.</summary>
    internal async Task<List<LeaveSpan>> ApprovedLeaveAsync(string villagePrefix, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.Set<DutyLeave>().AsNoTracking().Where(l => l.RegionCode.StartsWith(villagePrefix) && l.State == LeaveState.Approved && l.FromDate <= to && l.ToDate >= from)
            .Select(l => new LeaveSpan(l.CadreId, l.FromDate, l.ToDate)).ToListAsync(ct);

    /// <summary>The month's roster as read (null when none).</summary>
    internal Task<DutyMonth?> MonthAsync(string village, int year, int month, CancellationToken ct) =>
        db.Set<DutyMonth>().Include(m => m.Assignments).FirstOrDefaultAsync(m => m.RegionCode == village && m.Year == year && m.Month == month, ct);

    /// <summary>A village's roster of a month (null when the village is not in scope).</summary>
    public async Task<DutyMonthView?> GetAsync(string code, int year, int month, CancellationToken ct = default)
    {
        if (await VillageAsync(code, ct) is not { } village) return null;
        var calendar = await calendars.ForCountyAsync(ct);
        var days = DutyRules.WorkingDays(calendar, year, month);
        var first = new DateOnly(year, month, 1);
        var saved = await db.Set<DutyMonth>().AsNoTracking().Include(m => m.Assignments)
            .FirstOrDefaultAsync(m => m.RegionCode == code && m.Year == year && m.Month == month, ct);
        var leave = await ApprovedLeaveAsync(code, first, first.AddMonths(1).AddDays(-1), ct);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code)
            .Select(c => new { c.Id, c.Name, c.PostCode, c.Origin, c.Status }).ToListAsync(ct);
        var byId = cadres.ToDictionary(c => c.Id);
        var roster = Roster(saved);
        DutyPerson Person(long id, DateOnly day) => byId.TryGetValue(id, out var c)
            ? new(c.Id, c.Name, Cadres.CadreNames.Post(c.PostCode), c.Origin == CadreOrigin.Assigned, leave.Any(l => l.CadreId == id && l.Covers(day)))
            : new(id, "?", "", false);
        var gaps = DutyRules.Gaps(days, roster, leave).ToHashSet();
        var views = days.Select(d => new DutyDayView(d, WorkingCalendar.DayName(d),
            roster.TryGetValue(d, out var ids) ? ids.Select(i => Person(i, d)).ToList() : [], gaps.Contains(d))).ToList();
        var choices = cadres.Where(c => c.Status == CadreStatus.InOffice).OrderBy(c => c.Name)
            .Select(c => new DutyPerson(c.Id, c.Name, Cadres.CadreNames.Post(c.PostCode), c.Origin == CadreOrigin.Assigned)).ToList();
        return new(code, village.Name, year, month, views, gaps.Count, choices, saved?.RowVersion ?? 0);
    }

    internal static Dictionary<DateOnly, IReadOnlyList<long>> Roster(DutyMonth? month) =>
        month is null ? [] : month.Assignments.GroupBy(a => a.Date).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(a => a.CadreId).Order().ToList());

    /// <summary>Puts cadres on duty on a working day (null when the village is not in scope); refused in Chinese, nothing written.</summary>
    public async Task<DutyMonthView?> SetDayAsync(string code, DateOnly date, SetDutyDay c, CancellationToken ct = default)
    {
        if (await VillageAsync(code, ct) is null) return null;
        var calendar = await calendars.ForCountyAsync(ct);
        var ids = c.CadreIds ?? [];
        RuleException.ThrowIfAny(DutyRules.DayProblems(date, calendar.IsWorkingDay(date), ids, await CadresAsync(code, ct)));
        var month = await OpenMonthAsync(code, date.Year, date.Month, c.Version, ct);
        foreach (var a in month.Assignments.Where(a => a.Date == date && !ids.Contains(a.CadreId)).ToList()) month.Assignments.Remove(a);
        foreach (var id in ids.Distinct().Where(i => month.Assignments.All(a => a.Date != date || a.CadreId != i)))
            month.Assignments.Add(new DutyAssignment { RegionCode = code, Date = date, CadreId = id });
        await SaveAsync(ct);
        return await GetAsync(code, date.Year, date.Month, ct);
    }

    /// <summary>
    /// Generates a village's month afresh (null when the village is not in scope). A month that already holds assignments is
    /// refused in Chinese unless <see cref="GenerateDutyMonth.Replace"/>: hand edits are never overwritten silently.
    /// </summary>
    public async Task<DutyMonthView?> GenerateAsync(string code, GenerateDutyMonth c, CancellationToken ct = default)
    {
        if (await VillageAsync(code, ct) is null) return null;
        var calendar = await calendars.ForCountyAsync(ct);
        var month = await OpenMonthAsync(code, c.Year, c.Month, c.Version, ct);
        if (month.Assignments.Count > 0 && !c.Replace) throw new RuleException("duty.month_filled", "Replace", FilledMessage(c.Year, c.Month));
        var plan = await PlanAsync([code], calendar, c.Year, c.Month, c.PerDay, ct);
        month.Assignments.Clear();
        foreach (var (day, ids) in plan[code])
            foreach (var id in ids) month.Assignments.Add(new DutyAssignment { RegionCode = code, Date = day, CadreId = id });
        await SaveAsync(ct);
        return await GetAsync(code, c.Year, c.Month, ct);
    }

    /// <summary>
    /// Generates the month for every village under the region (default: the account's) that has no roster of that month
    /// yet and has cadres in office — the county-wide run. One transaction: the villages' months are saved through the
    /// context (each audited as a row, with one summary entry per village: its assignments by day, their count and gaps),
    /// then their assignments are written in bulk (<see cref="ScopeGateway.InsertInRegionAsync{T}"/>: COPY on PostgreSQL,
    /// prepared INSERTs on SQLite), every row's village checked against the region first. A county's ~4,500 assignments
    /// saved as tracked rows, each with its own hash-chained audit entry, were most of the run (BENCHMARKS.md, "Duty roster").
    /// </summary>
    public async Task<GeneratedMonths?> GenerateAllAsync(GenerateDutyMonths c, CancellationToken ct = default)
    {
        var region = string.IsNullOrWhiteSpace(c.Region) ? db.User.RegionCode : c.Region.Trim();
        if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == region, ct)) return null;
        var prefix = RegionCodes.LevelOf(region) switch
        {
            RegionLevel.County => RegionCodes.CountyPrefix(region),
            RegionLevel.Town => RegionCodes.TownPrefix(region),
            RegionLevel.Village => region,
            _ => throw new RuleException("duty.region", "Region", "请选择县、乡镇或村"),
        };
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync(ct);
        var existing = await db.Set<DutyMonth>().AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix) && m.Year == c.Year && m.Month == c.Month)
            .Select(m => m.RegionCode).ToListAsync(ct);
        var staffed = await db.Cadres.AsNoTracking().Where(x => x.RegionCode.StartsWith(prefix) && x.Status == CadreStatus.InOffice)
            .Select(x => x.RegionCode).Distinct().ToListAsync(ct);
        var todo = villages.Except(existing).Intersect(staffed).Order().ToList();
        var calendar = await calendars.ForCountyAsync(ct);
        var plan = await PlanAsync(todo, calendar, c.Year, c.Month, c.PerDay, ct, prefix);
        var (now, user) = (clock.GetUtcNow().UtcDateTime, db.User.UserName);
        int assignments = 0, gaps = 0;
        var months = new List<DutyMonth>(todo.Count);
        foreach (var v in todo)
        {
            var days = plan[v];
            var count = days.Values.Sum(ids => ids.Count);
            var empty = days.Values.Count(ids => ids.Count == 0);
            (assignments, gaps) = (assignments + count, gaps + empty);
            var month = new DutyMonth { RegionCode = v, Year = c.Year, Month = c.Month, UpdatedBy = user, UpdatedAtUtc = now };
            db.Add(month);
            months.Add(month);
            db.RecordEvent("DutyGenerated", nameof(DutyAssignment), $"{v}/{c.Year}-{c.Month:00}", v, JsonSerializer.Serialize(new
            {
                assignments = count, gaps = empty, perDay = c.PerDay,
                days = days.OrderBy(d => d.Key).ToDictionary(d => d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d => d.Value),
            }, AuditCapture.Json));
        }
        if (todo.Count == 0) return new(0, 0, 0, villages.Count);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        var rows = months.SelectMany(m => plan[m.RegionCode].SelectMany(d => d.Value.Select(id =>
            new DutyAssignment { DutyMonthId = m.Id, RegionCode = m.RegionCode, Date = d.Key, CadreId = id }))).ToList();
        await ScopeGateway.InsertInRegionAsync(db, prefix, rows, AssignmentColumns, AssignmentValues, ct);
        await tx.CommitAsync(ct);
        return new(todo.Count, assignments, gaps, villages.Count - todo.Count);
    }

    private static readonly string[] AssignmentColumns =
        [nameof(DutyAssignment.DutyMonthId), nameof(DutyAssignment.RegionCode), nameof(DutyAssignment.Date), nameof(DutyAssignment.CadreId)];

    private static object?[] AssignmentValues(DutyAssignment a) => [a.DutyMonthId, a.RegionCode, a.Date, a.CadreId];

    /// <summary>The generator's input for many villages, read in a few queries: cadres in office, last month's counts, approved leave.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<DateOnly, IReadOnlyList<long>>>> PlanAsync(IReadOnlyList<string> villages, WorkingCalendar calendar,
        int year, int month, int perDay, CancellationToken ct, string? prefix = null)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<DateOnly, IReadOnlyList<long>>>();
        if (villages.Count == 0) return result;
        prefix ??= villages[0];
        var days = DutyRules.WorkingDays(calendar, year, month);
        var first = new DateOnly(year, month, 1);
        var (prevFirst, last) = (first.AddMonths(-1), first.AddMonths(1).AddDays(-1));
        var cadres = (await db.Cadres.AsNoTracking().Where(x => x.RegionCode.StartsWith(prefix) && x.Status == CadreStatus.InOffice)
            .Select(x => new { x.Id, x.RegionCode }).ToListAsync(ct)).ToLookup(x => x.RegionCode, x => x.Id);
        var prior = (await db.Set<DutyAssignment>().AsNoTracking().Where(a => a.RegionCode.StartsWith(prefix) && a.Date >= prevFirst && a.Date < first)
            .GroupBy(a => a.CadreId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var leave = (await db.Set<DutyLeave>().AsNoTracking().Where(l => l.RegionCode.StartsWith(prefix) && l.State == LeaveState.Approved && l.FromDate <= last && l.ToDate >= first)
            .Select(l => new { l.RegionCode, Span = new LeaveSpan(l.CadreId, l.FromDate, l.ToDate) }).ToListAsync(ct)).ToLookup(x => x.RegionCode, x => x.Span);
        foreach (var v in villages)
            result[v] = DutyRules.Generate(days, cadres[v].ToList(), prior, leave[v].ToList(), perDay);
        return result;
    }

    /// <summary>The month to edit, created when none (version 0 expected) — a stale version is refused (409).</summary>
    internal async Task<DutyMonth> OpenMonthAsync(string village, int year, int month, int? version, CancellationToken ct)
    {
        var saved = await MonthAsync(village, year, month, ct);
        if (saved is null)
        {
            ConcurrencyVersions.ExpectNone(version);
            saved = new DutyMonth { RegionCode = village, Year = year, Month = month };
            db.Add(saved);
        }
        else
        {
            db.ExpectVersion(saved, version);
            db.Touch(saved);
        }
        (saved.UpdatedBy, saved.UpdatedAtUtc) = (db.User.UserName, clock.GetUtcNow().UtcDateTime);
        return saved;
    }

    /// <summary>Saves; two first saves of one month at once, or one cadre put twice on a day, leave one (409).</summary>
    internal async Task SaveAsync(CancellationToken ct) => await db.SaveCreatedAsync(ct);
}
