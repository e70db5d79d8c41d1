using Cunzhi.Domain.Assessment;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>One indicator row of the template form (blank rows are ignored).</summary>
public sealed class IndicatorForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int Weight { get; set; }
    public decimal MinScore { get; set; }
    public decimal MaxScore { get; set; } = 100;
}

/// <summary>考核指标: the monthly and quarterly templates in force, the county's draft editor and history, and the county's settings.</summary>
[Authorize(Policy = Permissions.AssessmentTemplatesRead)]
public sealed class TemplatesModel(TemplateHandlers h, IValidator<SaveTemplateDraft> draftValidator, IValidator<SaveSettings> settingsValidator) : PageModel
{
    public const int FormRows = 8;

    [BindProperty(SupportsGet = true)] public ReviewKind Kind { get; set; } = ReviewKind.Monthly;
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public List<IndicatorForm> Indicators { get; set; } = [];
    [BindProperty] public SaveSettings? Settings { get; set; }
    /// <summary>The draft's data version when the form was filled (0: no draft yet).</summary>
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public TemplateView? Current { get; private set; }
    public TemplateView? Draft { get; private set; }
    public IReadOnlyList<TemplateView> History { get; private set; } = [];
    public SettingsView SettingsShown { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.AssessmentTemplatesEdit);

    private async Task LoadAsync(CancellationToken ct, bool keepForm = false)
    {
        Current = await h.CurrentViewAsync(Kind, ct);
        Draft = await h.DraftAsync(Kind, ct);
        History = await h.VersionsAsync(Kind, ct);
        SettingsShown = await h.SettingsViewAsync(ct);
        if (keepForm) return;
        RowVersion = Draft?.RowVersion ?? 0;
        var source = Draft ?? Current;
        Title = source?.Title ?? (Kind == ReviewKind.Monthly ? "月度考评指标" : "季度实绩考核指标");
        var specs = source?.Indicators ?? IndicatorTemplate.DefaultSpecs.Select(s => new IndicatorView(s.Code, s.Name, s.Weight, s.MinScore, s.MaxScore)).ToList();
        Indicators = specs.Select(i => new IndicatorForm { Code = i.Code, Name = i.Name, Weight = i.Weight, MinScore = i.MinScore, MaxScore = i.MaxScore }).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        while (Indicators.Count < FormRows) Indicators.Add(new IndicatorForm { MaxScore = 100 });
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var rows = Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Code) || !string.IsNullOrWhiteSpace(i.Name))
            .Select(i => new IndicatorView(i.Code?.Trim() ?? "", i.Name?.Trim() ?? "", i.Weight, i.MinScore, i.MaxScore)).ToList();
        var saved = await this.RunCommandAsync(draftValidator, new SaveTemplateDraft(Kind, Title, rows) { RowVersion = RowVersion }, c => h.SaveDraftAsync(c, ct)!, ct);
        if (saved is null)
        {
            await LoadAsync(ct, keepForm: true);
            while (Indicators.Count < FormRows) Indicators.Add(new IndicatorForm());
            return Page();
        }
        Message = $"草稿（第 {saved.Version} 版）已保存，发布后生效";
        return Redirect($"/Assessment/Templates?kind={Kind}");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        TemplateView? t = null;
        // Shown after the redirect, like the outcome.
        var refused = await PageCommands.RefusalAsync(async () => t = await h.PublishAsync(Kind, ct));
        Message = refused?.Message ?? (t is null ? "没有正在编辑的草稿" : $"第 {t.Version} 版已发布，今后评分使用此版本");
        return Redirect($"/Assessment/Templates?kind={Kind}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        Message = await h.DiscardDraftAsync(Kind, ct) ? "草稿已放弃" : "没有正在编辑的草稿";
        return Redirect($"/Assessment/Templates?kind={Kind}");
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (Settings is null) return BadRequest();
        var saved = await this.RunCommandAsync(settingsValidator, Settings, c => h.SaveSettingsAsync(c, ct)!, ct);
        if (saved is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        Message = "考核参数已保存";
        return Redirect($"/Assessment/Templates?kind={Kind}");
    }
}
