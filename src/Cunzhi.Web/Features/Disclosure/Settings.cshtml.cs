using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// 公开目录 (/Disclosure/Settings): the county's catalogue and deadlines in force, every version, and for the county admin
/// the draft (items as rows, blank rows to add, an item left blank is dropped) saved with its data version, published
/// from the first day of a quarter, or discarded — the shared versioned-policy machinery.
/// </summary>
[Authorize(Policy = Permissions.DisclosureRead)]
public sealed class SettingsModel(DisclosurePolicyHandlers h, IValidator<SaveDisclosurePolicy> saveValidator, IValidator<PublishDisclosurePolicy> publishValidator) : PageModel
{
    public const int BlankRows = 3;

    public sealed class ItemRow
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public DisclosureCategory Category { get; set; } = DisclosureCategory.Village;
        public DisclosureFrequency Frequency { get; set; } = DisclosureFrequency.Quarterly;
        public bool MonthlyWhenFrequent { get; set; }
    }

    public sealed class PolicyForm
    {
        public List<ItemRow> Items { get; set; } = [];
        public int PeriodicDueWorkingDays { get; set; } = 10;
        public int ImmediateDueWorkingDays { get; set; } = 5;
        public int DueSoonWorkingDays { get; set; } = 3;
    }

    [BindProperty] public PolicyForm Form { get; set; } = new();
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public DisclosurePolicyOverview Overview { get; private set; } = null!;
    /// <summary>What is in force today: the published version or the defaults.</summary>
    public DisclosurePolicyView Shown => Overview.InForce ?? Overview.Defaults;
    public bool CanEdit => User.Can(Permissions.DisclosureSettingsEdit);

    private async Task LoadAsync(CancellationToken ct, bool fillForm)
    {
        Overview = await h.OverviewAsync(ct);
        EffectiveFrom ??= Overview.Draft?.EffectiveFrom ?? DisclosureRules.QuarterStart(Overview.Today).AddMonths(3);
        if (!fillForm) return;
        RowVersion = Overview.RowVersion;
        var c = DisclosurePolicyHandlers.ToCommand(Overview.Draft ?? Overview.Versions.FirstOrDefault() ?? Overview.Defaults);
        Form = new PolicyForm
        {
            Items = [.. c.Items!.Select(i => new ItemRow { Code = i.Code, Name = i.Name, Category = i.Category, Frequency = i.Frequency, MonthlyWhenFrequent = i.MonthlyWhenFrequent })],
            PeriodicDueWorkingDays = c.PeriodicDueWorkingDays, ImmediateDueWorkingDays = c.ImmediateDueWorkingDays, DueSoonWorkingDays = c.DueSoonWorkingDays,
        };
    }

    private SaveDisclosurePolicy ToCommand() => new(
        [.. Form.Items.Where(i => !string.IsNullOrWhiteSpace(i.Code) || !string.IsNullOrWhiteSpace(i.Name))
            .Select(i => new DisclosureItem(i.Code ?? "", i.Name ?? "", i.Category, i.Frequency, i.MonthlyWhenFrequent))],
        Form.PeriodicDueWorkingDays, Form.ImmediateDueWorkingDays, Form.DueSoonWorkingDays) { RowVersion = RowVersion };

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fillForm: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(saveValidator, ToCommand(), async c => (DisclosurePolicyView?)await h.SaveDraftAsync(c, ct), ct) is { } d)
        {
            Message = $"已保存第 {d.Version} 版公开规则草稿（发布后自生效日期起施行）";
            return Redirect("/Disclosure/Settings");
        }
        await LoadAsync(ct, fillForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var p = await this.RunCommandAsync(publishValidator, new PublishDisclosurePolicy(EffectiveFrom), async c => await h.PublishAsync(c, ct), ct);
        if (p is not null)
        {
            Message = $"已发布第 {p.Version} 版公开规则，自 {p.EffectiveFrom:yyyy-MM-dd} 起施行";
            return Redirect("/Disclosure/Settings");
        }
        if (ModelState.IsValid) ModelState.AddModelError("", "没有正在编辑的草稿");
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var discarded = false;
        var refused = await PageCommands.RefusalAsync(async () => discarded = await h.DiscardDraftAsync(ct));
        Message = refused?.Message ?? (discarded ? "草稿已放弃" : "没有正在编辑的草稿");
        return Redirect("/Disclosure/Settings");
    }
}
