using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Pay;

/// <summary>The run as an A4 sheet for signing (制表 / 审核 / 审批).</summary>
[Authorize(Policy = Permissions.PayrollRead)]
public sealed class PrintModel(PayRunViews h) : PageModel
{
    public RunView? Run { get; private set; }
    public IReadOnlyList<PayLineView> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await h.AllLinesAsync(id, ct) is not { } d) return NotFound();
        (Run, Lines) = (d.Run, d.Lines);
        return Page();
    }
}
