using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Calendar;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>
/// 工作日历 (/Visits/Calendar?year=): the county's holidays and make-up working days of a year; the county imports the
/// national arrangements, adds a local holiday, changes or removes a day. Towns and villages read it.
/// </summary>
[Authorize(Policy = Permissions.CalendarRead)]
public sealed class CalendarModel(WorkingCalendars calendars, TimeProvider clock, IValidator<AddCalendarDay> add, IValidator<ChangeCalendarDay> change,
    IValidator<ImportNationalCalendar> import, IValidator<RemoveCalendarDay> remove) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public CalendarYearView View { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.CalendarEdit);

    private int TheYear => Year is >= WorkingCalendar.MinYear and <= WorkingCalendar.MaxYear ? Year.Value : clock.Today().Year;

    public async Task OnGetAsync(CancellationToken ct) => View = await calendars.YearAsync(TheYear, ct);

    private async Task<IActionResult> RunAsync<TCommand, TResult>(IValidator<TCommand> validator, TCommand command, Func<TCommand, Task<TResult?>> handler, string done,
        CancellationToken ct) where TResult : class
    {
        if (!CanEdit) return Forbid();
        var found = true;
        var result = await this.RunCommandAsync(validator, command, async c =>
        {
            var r = await handler(c);
            found = r is not null;
            return r;
        }, ct);
        if (result is not null)
        {
            Message = done;
            return Redirect($"/Visits/Calendar?year={TheYear}");
        }
        if (!found) ModelState.AddModelError("", WorkingCalendars.NotFoundMessage);
        await OnGetAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (Date is { } d) Year = d.Year;
        return RunAsync(add, new AddCalendarDay(Date ?? default, Kind, Name), async c => (CalendarDayView?)await calendars.AddAsync(c, ct), "已增加", ct);
    }

    public Task<IActionResult> OnPostChangeAsync(CancellationToken ct) =>
        RunAsync(change, new ChangeCalendarDay(Kind, Name) { Version = Version }, c => calendars.ChangeAsync(Id, c, ct), "已修改", ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        RunAsync(remove, new RemoveCalendarDay { Version = Version }, c => calendars.RemoveAsync(Id, c, ct), "已删除", ct);

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) =>
        RunAsync(import, new ImportNationalCalendar(TheYear), async c => (CalendarYearView?)await calendars.ImportNationalAsync(c, ct), "已导入国家节假日安排", ct);
}
