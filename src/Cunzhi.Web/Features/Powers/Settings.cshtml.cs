using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Powers;

/// <summary>
/// 小微权力清单 (/Powers/Settings): the list in force (the default catalogue until the county publishes one) by category with
/// each item's steps, performers and time limits, the draft and every version. The county starts a draft, edits, adds and
/// removes items one at a time (steps as lines 「名称｜办理主体｜时限」), sets the effective date and publishes.
/// </summary>
[Authorize(Policy = Permissions.PowersRead)]
public sealed class SettingsModel(PowerListHandlers lists, IValidator<SavePowerList> validator, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public int RowVersion { get; set; }
    /// <summary>The item being edited (its code before the edit; empty for a new one).</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public PowerCategory Category { get; set; } = PowerCategory.Decisions;
    /// <summary>Steps, one per line: 名称|办理主体|时限（工作日，可空）.</summary>
    [BindProperty] public string? StepLines { get; set; }
    [TempData] public string? Message { get; set; }

    public PowerListOverview View { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.PowersSettingsEdit);
    /// <summary>The list shown: the draft when editing, else the list in force.</summary>
    public PowerListView Shown => (CanEdit ? View.Draft : null) ?? View.Current;

    private async Task LoadAsync(CancellationToken ct, bool fill)
    {
        View = await lists.OverviewAsync(ct);
        if (!fill) return;
        RowVersion = View.RowVersion;
        EffectiveFrom = View.Draft?.EffectiveFrom ?? clock.Today().AddDays(1);
        if (Edit is { Length: > 0 } code && View.Draft?.Items.FirstOrDefault(i => i.Code == code) is { } item)
        {
            (Code, Name, Category) = (item.Code, item.Name, item.Category);
            StepLines = string.Join("\n", item.Steps.Select(s => $"{s.Name}|{s.PerformedBy}|{s.TimeLimitWorkingDays}"));
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fill: true);

    private async Task<IActionResult> SaveAsync(List<PowerItem> items, string message, CancellationToken ct)
    {
        var command = new SavePowerList(EffectiveFrom, items) { RowVersion = RowVersion };
        var saved = await this.RunCommandAsync(validator, command, c => lists.SaveDraftAsync(c, ct)!, ct);
        if (saved is null) { await LoadAsync(ct, fill: false); return Page(); }
        Message = string.Format(message, saved.Version);
        return Redirect("/Powers/Settings");
    }

    /// <summary>Starts a draft from the list in force, or moves the draft's effective date.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        View = await lists.OverviewAsync(ct);
        return await SaveAsync([.. (View.Draft ?? View.Current).Items], "第 {0} 版清单草稿已保存，发布后生效", ct);
    }

    /// <summary>Saves one item of the draft (replacing the item edited, or adding a new one).</summary>
    public async Task<IActionResult> OnPostItemAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        View = await lists.OverviewAsync(ct);
        if (View.Draft is not { } draft) return Redirect("/Powers/Settings");
        EffectiveFrom = draft.EffectiveFrom;
        if (ParseSteps(StepLines) is not { } steps)
        {
            ModelState.AddModelError(nameof(StepLines), "流程步骤每行写「名称|办理主体|时限」，时限为工作日数，可不填");
            return Page();
        }
        var item = new PowerItem(Code?.Trim() ?? "", Name?.Trim() ?? "", Category, steps);
        var items = draft.Items.ToList();
        var at = items.FindIndex(i => i.Code == Edit);
        if (at >= 0) items[at] = item; else items.Add(item);
        return await SaveAsync(items, "权力事项已保存到第 {0} 版草稿", ct);
    }

    /// <summary>Removes one item from the draft.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        View = await lists.OverviewAsync(ct);
        if (View.Draft is not { } draft) return Redirect("/Powers/Settings");
        EffectiveFrom = draft.EffectiveFrom;
        return await SaveAsync(draft.Items.Where(i => i.Code != Edit).ToList(), "已从第 {0} 版草稿中删除该事项", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        PowerListView? v = null;
        if (!await this.RunRuleAsync(async () => v = await lists.PublishAsync(ct)))
        {
            await LoadAsync(ct, fill: true);
            return Page();
        }
        if (v is null) return NotFound();
        Message = $"第 {v.Version} 版小微权力清单已发布，自 {v.EffectiveFrom:yyyy-MM-dd} 起登记的权力运行按此办理";
        return Redirect("/Powers/Settings");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await lists.DiscardDraftAsync(ct);
        Message = "草稿已放弃";
        return Redirect("/Powers/Settings");
    }

    /// <summary>Steps from lines 「名称|办理主体|时限」 (full-width ｜ too), numbered in order; null when a line is malformed.</summary>
    public static List<PowerStep>? ParseSteps(string? lines)
    {
        var steps = new List<PowerStep>();
        foreach (var raw in (lines ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Replace('｜', '|').Split('|');
            if (parts.Length is < 2 or > 3) return null;
            int? days = null;
            if (parts.Length == 3 && parts[2].Trim() is { Length: > 0 } d)
            {
                if (!int.TryParse(d, out var n)) return null;
                days = n;
            }
            steps.Add(new(steps.Count + 1, parts[0].Trim(), parts[1].Trim(), days));
        }
        return steps;
    }
}
