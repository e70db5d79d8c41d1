using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报 (/Complaints?state=&amp;age=): the discipline inspector's list of the complaints in scope (the county's, or a
/// town inspector's town), the reporter masked, open ones oldest first; filters by state and by age (open longer than N days).
/// </summary>
[Authorize(Policy = Permissions.ComplaintsRead)]
public sealed class IndexModel(ComplaintDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public ComplaintState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Age { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    /// <summary>Age filters offered: open longer than 7, 30, 90 days.</summary>
    public static readonly int[] AgeChoices = [7, ComplaintRules.OverdueDays, 90];

    public Paged<ComplaintRow> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (State is { } s && !Enum.IsDefined(s)) State = null;
        if (Age is { } a && !AgeChoices.Contains(a)) Age = null;
        Rows = await desk.ListAsync(new ComplaintFilter(State, Age), new PageRequest(PageNumber, null), ct);
    }
}
