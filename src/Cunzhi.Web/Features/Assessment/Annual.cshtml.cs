using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>年度考核: the town prepares, rates and proposes; the county picks a town, approves or returns it with a reason.</summary>
[Authorize(Policy = Permissions.AssessmentAnnualRead)]
public sealed class AnnualModel(AnnualHandlers h, IValidator<SetRatings> ratingsValidator, IValidator<ReturnBatch> returnValidator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public List<RatingChoice> Items { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public AnnualView? View { get; private set; }
    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];
    public bool IsTown => User.Can(Permissions.AssessmentAnnualPropose);
    /// <summary>Whether the account may open the cadres' 积分情况 (read-only evidence, /Points/Evidence).</summary>
    public bool CanReadPoints => User.Can(Permissions.PointsLedgerRead);
    public bool CanApprove => User.Can(Permissions.AssessmentAnnualApprove);
    public bool Editable => IsTown && View is { } v && v.State is AnnualState.Draft or AnnualState.Returned;

    private int Y => Year ??= DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddMonths(-11).Year;

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await h.GetAsync(Town, Y, new PageRequest(PageNumber, PageRequest.MaxSize), ct);
        if (!IsTown) Batches = await h.BatchesAsync(Y, ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private string Back => $"/Assessment/Annual?year={Y}&town={Town}";

    private async Task<IActionResult> Run(Func<Task<AnnualView?>> action, string done, CancellationToken ct)
    {
        AnnualView? r = null;
        if (!await this.RunRuleAsync(async () => r = await action()))
        {
            await LoadAsync(ct);
            return Page();
        }
        if (r is null) return NotFound();
        Message = done;
        return Redirect(Back);
    }

    public Task<IActionResult> OnPostPrepareAsync(CancellationToken ct) =>
        IsTown ? Run(() => h.PrepareAsync(Y, ct), "已按现有得分生成年度考核，等次为系统建议，可调整后上报", ct) : Task.FromResult<IActionResult>(Forbid());

    public async Task<IActionResult> OnPostRatingsAsync(CancellationToken ct)
    {
        if (!IsTown) return Forbid();
        var saved = await this.RunCommandAsync(ratingsValidator, new SetRatings(Items), c => h.SetRatingsAsync(Y, c, ct), ct);
        if (saved is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = "等次已保存";
        return Redirect(Back);
    }

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        IsTown ? Run(() => h.ProposeAsync(Y, ct), "已上报县委组织部", ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        CanApprove && Town is { } t ? Run(() => h.ApproveAsync(t, Y, ct), "已审定，结果已锁定", ct) : Task.FromResult<IActionResult>(Forbid());

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        if (!CanApprove || Town is not { } t) return Forbid();
        var r = await this.RunCommandAsync(returnValidator, new ReturnBatch(Reason ?? ""), c => h.ReturnAsync(t, Y, c, ct), ct);
        if (r is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = "已退回乡镇";
        return Redirect(Back);
    }
}
