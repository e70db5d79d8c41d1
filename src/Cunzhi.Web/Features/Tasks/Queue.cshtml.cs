using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>准入审批: pending requests; the coordination office approves or rejects (with a reason), the county admin watches.</summary>
[Authorize(Policy = Permissions.TaskQueueRead)]
public sealed class QueueModel(TaskRequestViews tasks, TaskAdmission admission, NearestItems nearest, Forms.FormGate forms,
    IValidator<ApproveTaskRequest> approveValidator, IValidator<RejectTaskRequest> rejectValidator, IValidator<Forms.RefuseDuplicateForm> duplicateValidator) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    /// <summary>Rows per page (?pageSize=, as on the other lists: 1 to <see cref="PageRequest.MaxSize"/>, otherwise the default).</summary>
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<TaskRequestView> Rows { get; private set; } = null!;
    /// <summary>The list items nearest to each pending request, with why.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<NearItemView>> Nearest { get; private set; } = new Dictionary<long, IReadOnlyList<NearItemView>>();
    public bool CanDecide => User.Can(Permissions.TaskRequestsDecide);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await tasks.QueueAsync(new PageRequest(PageNumber, PageSize), ct);
        Nearest = await nearest.ForAsync(Rows.Items, ct);
    }

    /// <summary>Refuses a form held at the gate because it repeats the form <paramref name="other"/> (the reason names it).</summary>
    public async Task<IActionResult> OnPostRejectDuplicateAsync(long id, long other, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        return await Decided(await this.RunCommandAsync(duplicateValidator, new Forms.RefuseDuplicateForm(other, Reason), c => forms.RefuseDuplicateAsync(id, c, ct), ct), ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        return await Decided(await this.RunCommandAsync(approveValidator, new ApproveTaskRequest(Reason), c => admission.ApproveAsync(id, c, ct), ct), ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        return await Decided(await this.RunCommandAsync(rejectValidator, new RejectTaskRequest(Reason ?? ""), c => admission.RejectAsync(id, c, ct), ct), ct);
    }

    private async Task<IActionResult> Decided(TaskRequestView? r, CancellationToken ct)
    {
        if (r is null)
        {
            if (ModelState.IsValid) return NotFound();
            await OnGetAsync(ct);
            return Page();
        }
        Message = $"“{r.Title}”{TaskNames.Status(r.Status)}";
        return Redirect("/Tasks/Queue");
    }
}
