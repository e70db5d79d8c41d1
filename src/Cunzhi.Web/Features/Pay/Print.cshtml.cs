using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Pay;

/// <summary>
/// The run as an A4 sheet for signing (制表 / 审核 / 审批), with each payee's 开户行 and bank account as PayExport has
/// them — always masked here: a full number only ever leaves through the audited export.
/// </summary>
[Authorize(Policy = Permissions.PayrollRead)]
public sealed class PrintModel(PayRunViews h, PayExport export) : PageModel
{
    public RunView? Run { get; private set; }
    public IReadOnlyList<PayLineView> Lines { get; private set; } = [];
    public IReadOnlyDictionary<long, Payee> Payees { get; private set; } = new Dictionary<long, Payee>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await h.AllLinesAsync(id, ct) is not { } d) return NotFound();
        (Run, Lines) = (d.Run, d.Lines);
        Payees = await export.PayeesAsync(d.Lines.Select(l => l.CadreId), full: false, ct);
        return Page();
    }
}
