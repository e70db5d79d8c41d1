using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Features.Duty;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// 公开日历 (/Disclosure/Calendar?region=&amp;from=&amp;to=&amp;state=): for a village, or each village of a town or county, the
/// disclosures owed in the range (default: last quarter and this one) — 待公开 (临期 marked), 逾期, 已公开 (late marked) —
/// with per-village counts and the items paged, overdue first.
/// </summary>
[Authorize(Policy = Permissions.DisclosureRead)]
public sealed class CalendarModel(DisclosureCalendars calendars, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DisclosureState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public DisclosureCalendarView? View { get; private set; }
    public bool CanPost => User.Can(Permissions.DisclosurePost);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Villages = await DutyPageVillages.ListAsync(db, ct);
        if (From is { } f && f.Year is < Infrastructure.Web.InputRange.MinYear or > Infrastructure.Web.InputRange.MaxYear) From = null;
        if (To is { } t && t.Year is < Infrastructure.Web.InputRange.MinYear or > Infrastructure.Web.InputRange.MaxYear) To = null;
        var state = State is { } s && Enum.IsDefined(s) ? s : (DisclosureState?)null;
        if (!await this.RunRuleAsync(async () => View = await calendars.CalendarAsync(Region, From, To, state, new PageRequest(PageNumber, 50), ct))) return Page();
        return View is null ? NotFound() : Page();
    }
}
