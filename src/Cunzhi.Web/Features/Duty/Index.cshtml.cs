using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Duty;

/// <summary>
/// 值班表 (/Duty?village=&amp;year=&amp;month=): a village's month, one row per working day with who is on duty, gaps in red;
/// month switch; a town or county account picks the village. Editors generate the month (自动排班; replacing a month that
/// holds assignments only when asked) and set one day (调整, <c>edit=</c>), each with the month's version.
/// </summary>
[Authorize(Policy = Permissions.DutyRead)]
public sealed class IndexModel(DutyRosters rosters, AppDbContext db, TimeProvider clock, IValidator<SetDutyDay> dayValidator,
    IValidator<GenerateDutyMonth> generateValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Edit { get; set; }
    [BindProperty] public List<long> CadreIds { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty] public int PerDay { get; set; } = 1;
    [BindProperty] public bool Replace { get; set; }
    [TempData] public string? Message { get; set; }

    public DutyMonthView? Roster { get; private set; }
    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.DutyEdit);
    public DateOnly Today => clock.Today();
    public int ShownYear => Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : Today.Year;
    public int ShownMonth => Month is >= 1 and <= 12 ? Month.Value : Today.Month;
    public DutyDayView? EditDay => Edit is { } e && Roster is { } r ? r.Days.FirstOrDefault(d => d.Date == e) : null;

    /// <summary>This page for another month of the same village.</summary>
    public string MonthLink(int offset)
    {
        var m = new DateOnly(ShownYear, ShownMonth, 1).AddMonths(offset);
        return $"/Duty?village={Village}&year={m.Year}&month={m.Month}";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        Villages = await DutyPageVillages.ListAsync(db, ct);
        if (string.IsNullOrEmpty(Village)) return Page();
        Roster = await rosters.GetAsync(Village, ShownYear, ShownMonth, ct);
        return Roster is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDayAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        if (string.IsNullOrEmpty(Village) || Edit is not { } day) return BadRequest();
        var saved = await this.RunCommandAsync(dayValidator, new SetDutyDay(CadreIds) { Version = Version },
            async c => await rosters.SetDayAsync(Village, day, c, ct), ct);
        if (saved is not null)
        {
            Message = $"已保存 {day:yyyy-MM-dd} 的值班";
            return Redirect($"/Duty?village={Village}&year={day.Year}&month={day.Month}");
        }
        (Year, Month) = (day.Year, day.Month);
        return await AgainAsync(ct);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        if (string.IsNullOrEmpty(Village)) return BadRequest();
        var saved = await this.RunCommandAsync(generateValidator, new GenerateDutyMonth(ShownYear, ShownMonth, PerDay, Replace) { Version = Version },
            async c => await rosters.GenerateAsync(Village, c, ct), ct);
        if (saved is not null)
        {
            Message = $"已自动排好 {saved.Year} 年 {saved.Month} 月的值班" + (saved.Gaps > 0 ? $"，仍有 {saved.Gaps} 天无人值班" : "");
            return Redirect(MonthLink(0));
        }
        return await AgainAsync(ct);
    }

    /// <summary>The page again with the refusal (or 404 when the village is not in scope).</summary>
    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        var result = await OnGetAsync(ct);
        if (result is PageResult && ModelState.IsValid) return NotFound();
        return result;
    }
}
