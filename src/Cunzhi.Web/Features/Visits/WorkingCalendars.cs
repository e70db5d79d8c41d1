using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Visits;

/// <summary>One listed day as shown.</summary>
public sealed record CalendarDayView(long Id, DateOnly Date, string DayOfWeek, CalendarDayKind Kind, string KindName, string Name, bool National, string? UpdatedBy,
    DateTime? UpdatedAtUtc, int Version) : IVersionedView;

/// <summary>A county's listed days of one year, and whether the shipped national calendar of that year is available to import.</summary>
public sealed record CalendarYearView(int Year, IReadOnlyList<CalendarDayView> Days, int WorkingDays, bool NationalShipped, int NationalMissing);

/// <summary>Adds a day to the county's calendar (a local holiday, a make-up working day).</summary>
public sealed record AddCalendarDay(DateOnly Date, CalendarDayKind Kind, string? Name);

/// <summary>Changes a listed day's kind or name; carries its version.</summary>
public sealed record ChangeCalendarDay(CalendarDayKind Kind, string? Name) : IVersionedCommand
{
    /// <summary>The day's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Removes a listed day (it becomes an ordinary day again); carries its version.</summary>
public sealed record RemoveCalendarDay : IVersionedCommand
{
    /// <summary>The day's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Imports the shipped national arrangements of a year into the county's calendar (days the county already lists are kept as they are).</summary>
public sealed record ImportNationalCalendar(int Year);

/// <summary>An answer of the working-day functions.</summary>
public sealed record WorkingDayAnswer(DateOnly Date, bool IsWorkingDay, string? Name, int? N = null, DateOnly? Result = null, int? Between = null);

public sealed class AddCalendarDayValidator : AbstractValidator<AddCalendarDay>
{
    public AddCalendarDayValidator() => RuleFor(c => c).Custom((c, ctx) =>
    {
        foreach (var p in WorkingCalendar.Problems(c.Date, c.Kind, c.Name)) ctx.AddFailure(p.Field ?? "", p.Message);
    });
}

public sealed class ImportNationalCalendarValidator : AbstractValidator<ImportNationalCalendar>
{
    public ImportNationalCalendarValidator() => RuleFor(c => c.Year).Must(y => NationalCalendar.Years.Contains(y))
        .WithMessage($"只提供 {string.Join("、", NationalCalendar.Years)} 年的国家节假日安排；其他年份请逐日添加");
}

/// <summary>Nothing to check but the version, which the endpoint filter and the handler check.</summary>
public sealed class RemoveCalendarDayValidator : AbstractValidator<RemoveCalendarDay>;

public sealed class ChangeCalendarDayValidator : AbstractValidator<ChangeCalendarDay>
{
    public ChangeCalendarDayValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择放假或调休上班");
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写名称").MaximumLength(CalendarDay.MaxName).WithMessage($"名称不能超过 {CalendarDay.MaxName} 个字");
    }
}

/// <summary>
/// 工作日历: the county's listed days (holidays and make-up working days), edited by the county and read by its towns and
/// villages (the calendar binds them, so they read their county's rows through <see cref="ScopeGateway"/>), and the
/// working-day functions on it (<see cref="ForCountyAsync"/> is what due dates on working days use).
/// </summary>
public sealed class WorkingCalendars(AppDbContext db, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该日期（或不在您的管辖范围内）";
    public const string TakenMessage = "该日期已在本县工作日历中（可能刚被他人添加），请修改原有的那一天";

    private string County => RegionCodes.CountyOf(db.User.RegionCode) ?? UserContext.NoRegion;

    private static CalendarDayView View(CalendarDay d) => new(d.Id, d.Date, WorkingCalendar.DayName(d.Date), d.Kind, WorkingCalendar.KindName(d.Kind), d.Name,
        d.National, d.UpdatedBy, d.UpdatedAtUtc, d.RowVersion);

    /// <summary>The county's calendar as the pure rules read it.</summary>
    public async Task<WorkingCalendar> ForCountyAsync(CancellationToken ct = default) =>
        new((await ScopeGateway.CountyCalendarDaysAsync(db, County, null, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));

    /// <summary>The listed days of <paramref name="year"/> (checked by the caller to lie in 2000–2100).</summary>
    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        var days = await ScopeGateway.CountyCalendarDaysAsync(db, County, year, ct);
        var calendar = new WorkingCalendar(days.Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
        var working = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (calendar.IsWorkingDay(d)) working++;
        var listed = days.Select(d => d.Date).ToHashSet();
        var national = NationalCalendar.Of(year);
        return new(year, days.Select(View).ToList(), working, national.Count > 0, national.Count(n => !listed.Contains(n.Date)));
    }

    /// <summary>Answers whether a day is worked, and optionally the n-th working day after it or the working days up to another day.</summary>
    public async Task<WorkingDayAnswer> AnswerAsync(DateOnly date, int? n, DateOnly? to, CancellationToken ct = default)
    {
        var days = await ScopeGateway.CountyCalendarDaysAsync(db, County, null, ct);
        var calendar = new WorkingCalendar(days.Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
        var working = calendar.IsWorkingDay(date);
        var name = days.FirstOrDefault(d => d.Date == date)?.Name;
        return new(date, working, name, n, n is { } k ? calendar.AddWorkingDays(date, k) : null, to is { } t ? calendar.WorkingDaysBetween(date, t) : null);
    }

    /// <summary>Adds a day to the county's calendar; a date already listed is refused (409), also when two requests race (unique index).</summary>
    public async Task<CalendarDayView> AddAsync(AddCalendarDay c, CancellationToken ct = default)
    {
        RuleException.ThrowIfAny(WorkingCalendar.Problems(c.Date, c.Kind, c.Name));
        var county = OwnCounty();
        if (await db.Set<CalendarDay>().AnyAsync(d => d.RegionCode == county && d.Date == c.Date, ct))
            throw new RuleException("calendar.taken", "Date", $"{c.Date:yyyy-MM-dd} 已在本县工作日历中，请修改原有的那一天");
        var day = new CalendarDay
        {
            RegionCode = county, Date = c.Date, Kind = c.Kind, Name = c.Name!.Trim(), National = false,
            UpdatedBy = db.User.UserName, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(day);
        await SaveRacingAsync(ct);
        return View(day);
    }

    /// <summary>Changes a listed day (null when not found in scope); a stale version is refused (409).</summary>
    public async Task<CalendarDayView?> ChangeAsync(long id, ChangeCalendarDay c, CancellationToken ct = default)
    {
        if (await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } day) return null;
        db.ExpectVersion(day, c.Version);
        RuleException.ThrowIfAny(WorkingCalendar.Problems(day.Date, c.Kind, c.Name));
        (day.Kind, day.Name, day.National, day.UpdatedBy, day.UpdatedAtUtc) = (c.Kind, c.Name!.Trim(), false, db.User.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(day);
    }

    /// <summary>Removes a listed day (null when not found in scope); a stale version is refused (409).</summary>
    public async Task<CalendarDayView?> RemoveAsync(long id, RemoveCalendarDay c, CancellationToken ct = default)
    {
        if (await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } day) return null;
        db.ExpectVersion(day, c.Version);
        var view = View(day);
        db.Remove(day);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Imports the national arrangements of a shipped year: the days the county does not list yet; returns the year.</summary>
    public async Task<CalendarYearView> ImportNationalAsync(ImportNationalCalendar c, CancellationToken ct = default)
    {
        var national = NationalCalendar.Of(c.Year);
        if (national.Count == 0) throw new RuleException("calendar.not_shipped", "Year", $"没有 {c.Year} 年的国家节假日安排数据，请逐日添加");
        var county = OwnCounty();
        var listed = (await db.Set<CalendarDay>().AsNoTracking().Where(d => d.RegionCode == county && d.Date.Year == c.Year).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in national.Where(n => !listed.Contains(n.Date)))
            db.Add(new CalendarDay { RegionCode = county, Date = n.Date, Kind = n.Kind, Name = n.Name, National = true, UpdatedBy = db.User.UserName, UpdatedAtUtc = now });
        await SaveRacingAsync(ct);
        return await YearAsync(c.Year, ct);
    }

    private string OwnCounty() =>
        RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.County ? db.User.RegionCode : throw new RuleException("工作日历由县级维护，请使用县级账号");

    private async Task SaveRacingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("calendar.taken", "Date", TakenMessage);
        }
    }
}
