using Cunzhi.Domain.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Burden;

/// <summary>减负设置: the county's ranking interval, town assessment-item cap and the burden meter's baseline.</summary>
[Authorize(Policy = Permissions.BurdenPolicyRead)]
public sealed class PolicyModel(BurdenHandlers burden, IValidator<SavePolicy> validator) : PageModel
{
    [BindProperty] public int RankingIntervalMonths { get; set; }
    [BindProperty] public int AssessmentItemCap { get; set; }
    /// <summary>yyyy-MM from the month input.</summary>
    [BindProperty] public string? BaselineFrom { get; set; }
    [BindProperty] public int BaselineMonths { get; set; }
    /// <summary>The settings' data version when the form was filled (0: the county uses the defaults).</summary>
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public PolicyView Policy { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.BurdenPolicyEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = await burden.PolicyAsync(ct);
        if (ModelState.IsValid)
            (RankingIntervalMonths, AssessmentItemCap, BaselineFrom, BaselineMonths, Version) =
                (Policy.RankingIntervalMonths, Policy.AssessmentItemCap, Policy.BaselineFrom?.ToString("yyyy-MM"), Policy.BaselineMonths, Policy.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(BaselineFrom))
        {
            if (DateOnly.TryParseExact(BaselineFrom.Trim() + "-01", "yyyy-MM-dd", out var d)) from = d;
            else
            {
                ModelState.AddModelError(nameof(BaselineFrom), "基线起始月格式应为 年-月，如 2026-01");
                await OnGetAsync(ct);
                return Page();
            }
        }
        var saved = await this.RunCommandAsync(validator, new SavePolicy(RankingIntervalMonths, AssessmentItemCap, from, BaselineMonths) { Version = Version },
            async c => (PolicyView?)await burden.SavePolicyAsync(c, ct), ct);
        if (saved is not null)
        {
            Message = "已保存";
            return Redirect("/Burden/Policy");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
