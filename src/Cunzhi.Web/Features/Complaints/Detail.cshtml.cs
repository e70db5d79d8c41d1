using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// One complaint (/Complaints/{id}): what was reported, the reporter masked, the history, and the inspector's steps —
/// 受理 / 不予受理, 开始调查, 办结 with the outcome, 转为诉求 — and 查看举报人 (audited).
/// </summary>
[Authorize(Policy = Permissions.ComplaintsRead)]
public sealed class DetailModel(ComplaintDesk desk) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public ComplaintOutcome? Outcome { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? MatterTitle { get; set; }
    [BindProperty] public MatterKind Kind { get; set; } = MatterKind.Problem;
    [BindProperty] public string? Village { get; set; }
    [TempData] public string? Message { get; set; }

    public ComplaintDetail? Complaint { get; private set; }
    public RevealedReporter? Revealed { get; private set; }
    public string? MatterReceiptCode { get; private set; }
    public bool CanHandle => User.Can(Permissions.ComplaintsHandle);
    public bool CanReveal => User.Can(Permissions.ComplaintsRevealReporter);

    private async Task<bool> LoadAsync(long id, CancellationToken ct) => (Complaint = await desk.GetAsync(id, ct)) is not null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!CanReveal) return Forbid();
        Revealed = await desk.RevealAsync(id, ct);
        return Revealed is not null && await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<ComplaintDetail?>> step, CancellationToken ct)
    {
        if (!CanHandle) return Forbid();
        ComplaintDetail? result = null;
        var ran = false;
        try { ran = await this.RunRuleAsync(async () => result = await step()); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", ConcurrencyVersions.StaleMessage); }
        if (ran && result is null) return NotFound();
        if (ran)
        {
            Message = done;
            return Redirect($"/Complaints/{id}");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已受理", () => desk.AcceptAsync(id, new AcceptComplaint(Note) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostRefuseAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已作不予受理", () => desk.RefuseAsync(id, new RefuseComplaint(Note) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostInvestigateAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已开始调查", () => desk.InvestigateAsync(id, new InvestigateComplaint(Note) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostConcludeAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已办结", () => desk.ConcludeAsync(id, new ConcludeComplaint(Outcome, Findings, Note) { Version = Version }, ct), ct);

    public async Task<IActionResult> OnPostMatterAsync(long id, CancellationToken ct)
    {
        if (!CanHandle) return Forbid();
        ComplaintMatterRaised? raised = null;
        var ran = false;
        try { ran = await this.RunRuleAsync(async () => raised = await desk.RaiseMatterAsync(id, new RaiseComplaintMatter(Village, Kind, MatterTitle) { Version = Version }, ct)); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", ConcurrencyVersions.StaleMessage); }
        if (ran && raised is null) return NotFound();
        // The matter's receipt code is shown this once (no redirect), as on the matter registration page.
        if (ran) MatterReceiptCode = raised!.MatterReceiptCode;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
