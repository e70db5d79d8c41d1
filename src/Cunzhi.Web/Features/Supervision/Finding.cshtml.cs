using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>
/// One finding (/Supervision/Finding/{id}) with its rectification: the owner village (or its town) starts it and reports it
/// rectified with evidence and an optional file; the inspecting side sends it back or accepts it (销号).
/// </summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class FindingModel(SupervisionFindings findings, IValidator<FindingStep> stepValidator, IValidator<RectifyFinding> rectifyValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public FindingView Finding { get; private set; } = null!;
    public bool CanRectify => User.Can(Permissions.SupervisionRectify);
    public bool CanManage => User.Can(Permissions.SupervisionManage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await findings.GetAsync(Id, ct) is not { } f) return false;
        Finding = f;
        return true;
    }

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) => StepAsync(CanRectify, c => findings.StartAsync(Id, c, ct), "已开始整改", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => StepAsync(CanManage, c => findings.ReturnAsync(Id, c, ct), "已退回重新整改", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => StepAsync(CanManage, c => findings.CloseAsync(Id, c, ct), "已销号", ct);

    private async Task<IActionResult> StepAsync(bool allowed, Func<FindingStep, Task<FindingView?>> run, string done, CancellationToken ct)
    {
        if (!allowed) return Forbid();
        if (await this.RunCommandAsync(stepValidator, new FindingStep(Text) { Version = Version },
                async c => await run(c) ?? throw new RuleException("supervision.finding", null, SupervisionFindings.NotFound), ct) is not null)
        {
            Message = done;
            return Redirect($"/Supervision/Finding/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRectifiedAsync(CancellationToken ct)
    {
        if (!CanRectify) return Forbid();
        byte[]? bytes = null;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > LedgerFiles.MaxBytes) ModelState.AddModelError(nameof(Upload), $"附件不能超过 {LedgerFiles.MaxBytes / 1024 / 1024} MB");
            else
            {
                using var ms = new MemoryStream();
                await Upload.CopyToAsync(ms, ct);
                bytes = ms.ToArray();
            }
        }
        if (ModelState.IsValid && await this.RunCommandAsync(rectifyValidator, new RectifyFinding(Evidence, Upload?.FileName, bytes) { Version = Version },
                async c => await findings.RectifyAsync(Id, c, ct) ?? throw new RuleException("supervision.finding", null, SupervisionFindings.NotFound), ct) is not null)
        {
            Message = "已报整改完成，等待销号";
            return Redirect($"/Supervision/Finding/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The evidence file.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(CancellationToken ct) =>
        await findings.EvidenceAsync(Id, ct) is { } f ? File(f.Content, f.Type, f.Name) : NotFound();
}
