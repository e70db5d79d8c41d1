using Cunzhi.Web.Features.Evaluations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 诉求进度 — the resident's page at /Matter, no account, phone first: enter the receipt code, see the progress, and
/// once the matter is done confirm it or ask for it to be handled again with a reason (once).
/// </summary>
[AllowAnonymous]
public sealed class ReceiptModel(MatterReceipts receipts) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ReceiptView? View { get; private set; }
    public string? Done { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => RunAsync(() => receipts.OpenAsync(Code, BallotGuard.ClientOf(HttpContext), ct), null);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        RunAsync(() => receipts.ConfirmAsync(Code, BallotGuard.ClientOf(HttpContext), ct), "已确认，感谢您的反馈");

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "请填写要求重新办理的理由");
            return RunAsync(() => receipts.OpenAsync(Code, BallotGuard.ClientOf(HttpContext), ct), null);
        }
        return RunAsync(() => receipts.ReopenAsync(Code, Reason, BallotGuard.ClientOf(HttpContext), ct), "已转回重新办理");
    }

    private async Task<IActionResult> RunAsync(Func<Task<ReceiptView>> action, string? done)
    {
        try
        {
            if (await PageCommands.RefusalAsync(async () => View = await action()) is { } refused)
            {
                // A used code or a step the matter's state does not allow: say why and show the progress again.
                this.AddProblems(refused);
                View = await receipts.OpenAsync(Code, BallotGuard.ClientOf(HttpContext));
            }
            else if (ModelState.IsValid) Done = done;
        }
        catch (ReceiptRefusedException e)
        {
            ModelState.AddModelError("", e.Message);
            if (e.Reason == ReceiptRefusal.TooManyAttempts) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return Page();
    }
}
