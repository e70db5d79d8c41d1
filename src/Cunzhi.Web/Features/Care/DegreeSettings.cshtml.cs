using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>
/// 学历提升报销办法 (/Care/DegreeSettings): the county's share and caps in force (or the defaults), the draft and every
/// version. Everyone who reads degrees sees it; the county saves a draft and publishes it (versioned like 诉求设置).
/// </summary>
[Authorize(Policy = Permissions.DegreesRead)]
public sealed class DegreeSettingsModel(DegreeSupportPolicyHandlers policies, IValidator<SaveDegreePolicy> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public int SharePercent { get; set; }
    [BindProperty] public int CapPerYearYuan { get; set; }
    [BindProperty] public int CapPerProgrammeYuan { get; set; }
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public DegreePolicyOverview View { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.DegreeSettingsEdit);

    private async Task LoadAsync(CancellationToken ct, bool fill)
    {
        View = await policies.OverviewAsync(ct);
        if (!fill) return;
        RowVersion = View.RowVersion;
        var s = View.Draft ?? View.InForce ?? View.Defaults;
        EffectiveFrom = View.Draft?.EffectiveFrom ?? clock.Today().AddDays(1);
        (SharePercent, CapPerYearYuan, CapPerProgrammeYuan) = (s.SharePercent, s.CapPerYearYuan, s.CapPerProgrammeYuan);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fill: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var command = new SaveDegreePolicy(EffectiveFrom, SharePercent, CapPerYearYuan, CapPerProgrammeYuan) { RowVersion = RowVersion };
        var saved = await this.RunCommandAsync(validator, command, c => policies.SaveDraftAsync(c, ct)!, ct);
        if (saved is null) { await LoadAsync(ct, fill: false); return Page(); }
        Message = $"第 {saved.Version} 版报销办法草稿已保存，发布后生效";
        return Redirect("/Care/DegreeSettings");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        DegreePolicyView? v = null;
        if (!await this.RunRuleAsync(async () => v = await policies.PublishAsync(ct)))
        {
            await LoadAsync(ct, fill: true);
            return Page();
        }
        if (v is null) return NotFound();
        Message = $"第 {v.Version} 版报销办法已发布，自 {v.EffectiveFrom:yyyy-MM-dd} 起审批的报销按此计算";
        return Redirect("/Care/DegreeSettings");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await policies.DiscardDraftAsync(ct);
        Message = "草稿已放弃";
        return Redirect("/Care/DegreeSettings");
    }
}
