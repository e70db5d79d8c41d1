using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Pay;

/// <summary>报酬标准: every reader sees the version in force and the history; the county admin edits a draft and publishes it.</summary>
[Authorize(Policy = Permissions.PaySettingsRead)]
public sealed class SettingsModel(PaySettingsHandlers h, IValidator<SavePaySettings> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public string? ChiefBase { get; set; }
    [BindProperty] public Dictionary<string, int> PostShares { get; set; } = [];
    [BindProperty] public string? PerformanceBase { get; set; }
    [BindProperty] public string Coefficients { get; set; } = "";
    [BindProperty] public string? GoodSecretaryAward { get; set; }
    [BindProperty] public int GoodSecretaryPayMonth { get; set; }
    [BindProperty] public string? RetirementPerYear { get; set; }
    [BindProperty] public int RetirementAge { get; set; }
    [BindProperty] public int IncrementCapPercent { get; set; }
    [BindProperty] public Dictionary<string, int> IncrementShares { get; set; } = [];
    /// <summary>The draft's data version when the form was filled (0: no draft yet).</summary>
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public PaySettingsOverview View { get; private set; } = new(null, null, []);
    public bool CanEdit => User.Can(Permissions.PaySettingsEdit);

    private async Task LoadAsync(CancellationToken ct, bool fill)
    {
        View = await h.OverviewAsync(ct);
        if (!fill) return;
        RowVersion = View.RowVersion;
        var s = View.Draft ?? View.InForce;
        var today = clock.Today();
        // A county's first version defaults to this month (nothing can have been paid under another); later ones to next month.
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        EffectiveFrom = View.Draft?.EffectiveFrom ?? (View.Versions.Any(v => v.IsPublished) ? thisMonth.AddMonths(1) : thisMonth);
        var d = Cunzhi.Domain.Pay.PaySettings.DraftFrom(null, "x", 0, EffectiveFrom);
        ChiefBase = PayNames.Input(s?.ChiefBaseFen ?? d.ChiefBaseFen);
        PostShares = (s?.PostShares ?? d.PostShareTable).ToDictionary(kv => kv.Key, kv => kv.Value);
        PerformanceBase = PayNames.Input(s?.PerformanceBaseFen ?? d.PerformanceBaseFen);
        Coefficients = s?.Coefficients ?? d.Coefficients;
        GoodSecretaryAward = PayNames.Input(s?.GoodSecretaryAwardFen ?? d.GoodSecretaryAwardFen);
        GoodSecretaryPayMonth = s?.GoodSecretaryPayMonth ?? d.GoodSecretaryPayMonth;
        RetirementPerYear = PayNames.Input(s?.RetirementFenPerYear ?? d.RetirementFenPerYear);
        RetirementAge = s?.RetirementAge ?? d.RetirementAge;
        IncrementCapPercent = s?.IncrementCapPercent ?? d.IncrementCapPercent;
        IncrementShares = (s?.IncrementShares ?? d.IncrementShareTable).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fill: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        long Money(string? text, string field)
        {
            if (PayNames.ParseYuan(text) is { } f) return f;
            ModelState.AddModelError(field, "金额请填写数字（元，至多两位小数）");
            return 0;
        }
        var command = new SavePaySettings(EffectiveFrom, Money(ChiefBase, nameof(ChiefBase)), PostShares, Money(PerformanceBase, nameof(PerformanceBase)), Coefficients ?? "",
            Money(GoodSecretaryAward, nameof(GoodSecretaryAward)), GoodSecretaryPayMonth, Money(RetirementPerYear, nameof(RetirementPerYear)), RetirementAge, IncrementCapPercent, IncrementShares)
            { RowVersion = RowVersion };
        var saved = ModelState.IsValid ? await this.RunCommandAsync(validator, command, c => h.SaveDraftAsync(c, ct)!, ct) : null;
        if (saved is null) { await LoadAsync(ct, fill: false); return Page(); }
        Message = $"第 {saved.Version} 版草稿已保存，发布后生效";
        return Redirect("/Pay/Settings");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        PaySettingsView? v = null;
        if (!await this.RunRuleAsync(async () => v = await h.PublishAsync(ct)))
        {
            await LoadAsync(ct, fill: true);
            return Page();
        }
        if (v is null) return NotFound();
        Message = $"第 {v.Version} 版已发布，自 {v.EffectiveFrom:yyyy-MM-dd} 起执行";
        return Redirect("/Pay/Settings");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await h.DiscardDraftAsync(ct);
        Message = "草稿已放弃";
        return Redirect("/Pay/Settings");
    }
}
