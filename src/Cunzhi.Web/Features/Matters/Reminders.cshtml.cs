using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 到期提醒 (/Matters/Reminders?kind=): the matter reminders addressed to the account's own region (a town sees a village's
/// matter here only when the reminder went to the town), newest first, 临期 or 逾期 only if asked; each row opens its matter.
/// </summary>
[Authorize(Policy = Permissions.MattersHandle)]
public sealed class RemindersModel(MatterDueReminders reminders) : PageModel
{
    [BindProperty(SupportsGet = true)] public MatterReminderKind? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<MatterReminderView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Kind is { } k && !Enum.IsDefined(k)) Kind = null;
        Rows = await reminders.NewestAsync(Kind, new PageRequest(PageNumber, null), ct);
    }
}
