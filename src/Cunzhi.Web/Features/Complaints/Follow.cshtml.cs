using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 举报查询 (/Jubao/Chaxun), no account, phone first: enter the receipt code, see the progress and the notes meant for the
/// reporter, and add information (补充材料) while the complaint is open. Wrong codes count against the per-address lockout.
/// </summary>
[AllowAnonymous]
public sealed class FollowModel(ComplaintReceipts receipts) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Text { get; set; }

    public ComplaintProgress? View { get; private set; }
    public string? Done { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => RunAsync(() => receipts.OpenAsync(Code, BallotGuard.ClientOf(HttpContext), ct), null);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(() => receipts.SupplementAsync(Code, Text, BallotGuard.ClientOf(HttpContext), ct), "补充材料已提交");

    private async Task<IActionResult> RunAsync(Func<Task<ComplaintProgress>> action, string? done)
    {
        try
        {
            if (await PageCommands.RefusalAsync(async () => View = await action()) is { } refused)
            {
                // A closed complaint or an empty text: say why and show the progress again.
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
