using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>One window: cadres and reports, codes issued and used, the county's start/end buttons, the town's codes, and results once closed.</summary>
[Authorize(Policy = Permissions.EvaluationsRead)]
public sealed class DetailModel(EvaluationHandlers evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public WindowView Window { get; private set; } = null!;
    public WindowResults? Results { get; private set; }
    public string? Message { get; private set; }

    public bool CanOpen => User.Can(Permissions.EvaluationsOpen);
    public bool CanIssueCodes => User.Can(Permissions.EvaluationsIssueCodes);
    public bool CanEditReports => User.Can(Permissions.EvaluationsEditReports) && Window.State == WindowState.NotYetOpen;
    public bool CanSeeResults => User.Can(Permissions.EvaluationsResultsRead);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await evaluations.GetAsync(Id, ct) is not { } w) return false;
        Window = w;
        Results = w.State == WindowState.Closed && CanSeeResults ? await evaluations.ResultsAsync(Id, ct) : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => ActAsync(CanOpen, async () => await evaluations.OpenNowAsync(Id, ct), "评议已开始。", ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => ActAsync(CanOpen, async () => await evaluations.CloseNowAsync(Id, ct), "评议已结束，结果已统计。", ct);
    public Task<IActionResult> OnPostVoidAsync(CancellationToken ct) =>
        ActAsync(CanIssueCodes, async () => await evaluations.VoidAsync(Id, ct) is { } n ? (object)n : null, "未使用的票码已全部作废。", ct);

    private async Task<IActionResult> ActAsync(bool allowed, Func<Task<object?>> action, string done, CancellationToken ct)
    {
        if (!allowed) return Forbid();
        object? result = null;
        if (await this.RunRuleAsync(async () => result = await action()))
        {
            if (result is null) return NotFound();
            Message = done;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
