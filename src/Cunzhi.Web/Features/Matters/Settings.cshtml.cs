using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 诉求设置: the county's 办理时限 (working days per kind × level, the due-soon warning, effective date; versioned: a draft
/// is saved, then published) and the reopen window after confirmation. Everyone who reads matters sees them; the county edits.
/// </summary>
[Authorize(Policy = Permissions.MattersRead)]
public sealed class SettingsModel(SlaPolicyHandlers sla, MatterSettingsHandlers settings, IValidator<SaveSlaPolicy> slaValidator,
    IValidator<SaveMatterSettings> settingsValidator, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    /// <summary>Working days keyed <c>Kind-Level</c> (e.g. <c>Problem-Town</c>).</summary>
    [BindProperty] public Dictionary<string, int> Days { get; set; } = [];
    [BindProperty] public int DueSoonDays { get; set; }
    [BindProperty] public int RowVersion { get; set; }
    [BindProperty] public int ReopenDays { get; set; }
    [BindProperty] public int ReopenVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public SlaPolicyOverview View { get; private set; } = null!;
    public MatterSettingsView Reopen { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.MatterSettingsEdit);

    /// <summary>The form key of a kind and level.</summary>
    public static string Key(MatterKind k, MatterLevel l) => $"{k}-{l}";

    private async Task LoadAsync(CancellationToken ct, bool fill)
    {
        View = await sla.OverviewAsync(ct);
        Reopen = await settings.GetAsync(ct);
        if (!fill) return;
        RowVersion = View.RowVersion;
        var s = View.Draft ?? View.InForce ?? View.Defaults;
        EffectiveFrom = View.Draft?.EffectiveFrom ?? clock.Today().AddDays(1);
        Days = s.Days.ToDictionary(d => Key(d.Kind, d.Level), d => d.Days);
        DueSoonDays = s.DueSoonDays;
        ReopenDays = Reopen.ReopenDays;
        ReopenVersion = Reopen.Version;
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fill: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var days = SlaPolicy.Kinds.SelectMany(k => SlaPolicy.Levels.Select(l => new SlaDays(k, l, Days.GetValueOrDefault(Key(k, l))))).ToList();
        var command = new SaveSlaPolicy(EffectiveFrom, days, DueSoonDays) { RowVersion = RowVersion };
        var saved = await this.RunCommandAsync(slaValidator, command, c => sla.SaveDraftAsync(c, ct)!, ct);
        if (saved is null) { await LoadAsync(ct, fill: false); return Page(); }
        Message = $"第 {saved.Version} 版办理时限草稿已保存，发布后生效";
        return Redirect("/Matters/Settings");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        SlaPolicyView? v = null;
        if (!await this.RunRuleAsync(async () => v = await sla.PublishAsync(ct)))
        {
            await LoadAsync(ct, fill: true);
            return Page();
        }
        if (v is null) return NotFound();
        Message = $"第 {v.Version} 版办理时限已发布，自 {v.EffectiveFrom:yyyy-MM-dd} 起执行";
        return Redirect("/Matters/Settings");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await sla.DiscardDraftAsync(ct);
        Message = "草稿已放弃";
        return Redirect("/Matters/Settings");
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var saved = await this.RunCommandAsync(settingsValidator, new SaveMatterSettings(ReopenDays) { Version = ReopenVersion }, c => settings.SaveAsync(c, ct)!, ct);
        if (saved is null) { await LoadAsync(ct, fill: false); return Page(); }
        Message = $"已保存：群众确认后 {saved.ReopenDays} 天内可要求重新办理";
        return Redirect("/Matters/Settings");
    }
}
