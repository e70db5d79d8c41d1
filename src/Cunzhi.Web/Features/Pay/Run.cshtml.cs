using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Pay;

/// <summary>One run: totals, warnings, lines (paged), the state buttons of the acting role, adjustments, export and print.</summary>
[Authorize(Policy = Permissions.PayrollRead)]
public sealed class RunModel(PayRunViews h, PayrollCompute compute, PayrollApproval approval, PayrollAdjustment adjustments, IValidator<AddAdjustment> adjustmentValidator, IValidator<ReturnRun> returnValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long LineId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public RunView? Run { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool IsTown => User.Can(Permissions.PayrollComputeTown);
    public bool IsCounty => User.Can(Permissions.PayrollApprove);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((Run = await h.GetAsync(Id, Village, new PageRequest(PageNumber, 50), ct)) is null) return false;
        Villages = await h.VillagesAsync(Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<IActionResult> Do(bool allowed, Func<Task<RunView?>> action, string done, CancellationToken ct)
    {
        if (!allowed) return Forbid();
        RunView? r = null;
        if (!await this.RunRuleAsync(async () => r = await action()))
            return await LoadAsync(ct) ? Page() : NotFound();
        if (r is null) return NotFound();
        Message = done;
        return Redirect($"/Pay/Run/{r.Id}");
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await Do(IsTown, async () => await compute.ComputeAsync(new ComputeRun(Run!.Year, Run.Month), ct), "已重新计算", ct);
    }

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) => Do(IsTown, () => approval.MarkReviewedAsync(Id, ct), "已复核，等待县委组织部审批", ct);
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Do(IsCounty, () => approval.ApproveAsync(Id, ct), "已审批", ct);
    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) => Do(IsCounty, () => approval.LockAsync(Id, ct), "已锁定", ct);

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        if (!IsCounty) return Forbid();
        var r = await this.RunCommandAsync(returnValidator, new ReturnRun(Reason ?? ""), c => approval.ReturnAsync(Id, c, ct), ct);
        if (r is null) return ModelState.IsValid ? NotFound() : await LoadAsync(ct) ? Page() : NotFound();
        Message = "已退回乡镇";
        return Redirect($"/Pay/Run/{Id}");
    }

    public async Task<IActionResult> OnPostAdjustAsync(CancellationToken ct)
    {
        if (!IsTown) return Forbid();
        var fen = PayNames.ParseYuan(Amount);
        if (fen is null) ModelState.AddModelError(nameof(Amount), "调整金额请填写数字（元，至多两位小数，扣回填负数）");
        var r = fen is null ? null : await this.RunCommandAsync(adjustmentValidator, new AddAdjustment(LineId, fen.Value, Reason ?? ""), c => adjustments.AddAdjustmentAsync(Id, c, ct), ct);
        if (r is null) return ModelState.IsValid ? NotFound() : await LoadAsync(ct) ? Page() : NotFound();
        Message = "已添加调整项";
        return Redirect($"/Pay/Run/{Id}");
    }

    public Task<IActionResult> OnPostRemoveAdjustmentAsync(CancellationToken ct) => Do(IsTown, () => adjustments.RemoveAdjustmentAsync(Id, LineId, ct), "已删除调整项", ct);

    /// <summary>导出 Excel; <paramref name="full"/> (包含完整证件号和账号) is refused, not quietly ignored, without the reveal permission.</summary>
    public async Task<IActionResult> OnGetExportAsync(bool full, CancellationToken ct, [FromServices] PayExport export, [FromServices] IAuthorizationService authorization)
    {
        if (full && !(await authorization.AuthorizeAsync(User, PersonalDataGrant.RevealPolicy)).Succeeded) return Forbid();
        return await export.ExportAsync(Id, full, ct) is { } file ? file : NotFound();
    }
}
