using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>晋升办法: the version in force, the history of versions, and (county admin) the draft editor with publishing.</summary>
[Authorize(Policy = Permissions.RankPolicyRead)]
public sealed class PolicyModel(PolicyHandlers h, IValidator<SavePolicy> saveValidator, IValidator<PublishPolicy> publishValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public PolicyForm Form { get; set; } = new();
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    /// <summary>The draft's data version when the form was filled (0: no draft yet); <see cref="Version"/> is the version shown.</summary>
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The editor's fields; money in whole yuan, tables as rows.</summary>
    public sealed class PolicyForm
    {
        public long AllowanceStepYuan { get; set; }
        public List<int> MinMonths { get; set; } = [];
        public Rating MinimumRating { get; set; } = Rating.Competent;
        public int SanctionMonths { get; set; }
        public int PeriodMonths { get; set; }
        public int MinSatisfactionPercent { get; set; }
        public int MaxAbsenceDays { get; set; }
        public int ExcellentPoints { get; set; }
        public int CountyCommendationPoints { get; set; }
        public int CityCommendationPoints { get; set; }
        public int ProvinceCommendationPoints { get; set; }
        public int NationalCommendationPoints { get; set; }
        public List<int?> StepPoints { get; set; } = [];
        public List<int?> StepMonths { get; set; } = [];
        public string? VetoReasons { get; set; }
    }

    public PolicyOverview Overview { get; private set; } = null!;
    public PolicyView? Shown { get; private set; }
    public bool CanEdit => User.Can(Permissions.RankPolicyEdit);
    /// <summary>Why no version is in force today (null when one is).</summary>
    public string? Missing { get; private set; }

    private async Task LoadAsync(CancellationToken ct, bool fillForm)
    {
        Overview = await h.OverviewAsync(ct);
        Missing = await h.MissingAsync(Overview.Today, ct);
        Shown = Version is { } v ? Overview.Versions.FirstOrDefault(x => x.Version == v) : Overview.InForce;
        if (fillForm) RowVersion = Overview.RowVersion;
        if (fillForm && (Overview.Draft ?? Overview.Versions.FirstOrDefault()) is { } basis) Form = ToForm(basis);
        // No version yet: the form holds the pilot's defaults (RankPolicy's initial values), for the county to review and publish.
        else if (fillForm) Form = ToForm(PolicyHandlers.View(new RankPolicy { CountyCode = Overview.County }, null));
    }

    private static PolicyForm ToForm(PolicyView p) => new()
    {
        AllowanceStepYuan = p.AllowanceStepFen / 100, MinMonths = [.. p.MinMonths], MinimumRating = p.MinimumRating, SanctionMonths = p.SanctionMonths,
        PeriodMonths = p.PeriodMonths, MinSatisfactionPercent = p.MinSatisfactionPercent, MaxAbsenceDays = p.MaxAbsenceDays, ExcellentPoints = p.ExcellentPoints,
        CountyCommendationPoints = p.CountyCommendationPoints, CityCommendationPoints = p.CityCommendationPoints,
        ProvinceCommendationPoints = p.ProvinceCommendationPoints, NationalCommendationPoints = p.NationalCommendationPoints,
        StepPoints = [.. p.PointsSteps.Select(s => (int?)s.MinPoints)], StepMonths = [.. p.PointsSteps.Select(s => (int?)s.MonthsOff)],
        VetoReasons = string.Join("\n", p.VetoReasons),
    };

    private SavePolicy ToCommand()
    {
        var f = Form;
        var steps = f.StepPoints.Select((p, i) => (p, m: i < f.StepMonths.Count ? f.StepMonths[i] : null))
            .Where(x => x.p is not null || x.m is not null).Select(x => new PointsStep(x.p ?? 0, x.m ?? 0)).ToList();
        var reasons = (f.VetoReasons ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new(f.AllowanceStepYuan * 100, f.MinMonths, f.MinimumRating, f.SanctionMonths, f.PeriodMonths, f.MinSatisfactionPercent, f.MaxAbsenceDays,
            f.ExcellentPoints, f.CountyCommendationPoints, f.CityCommendationPoints, f.ProvinceCommendationPoints, f.NationalCommendationPoints, steps, reasons)
            { RowVersion = RowVersion };
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fillForm: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(saveValidator, ToCommand(), async c => (PolicyView?)await h.SaveDraftAsync(c, ct), ct) is { } d)
        {
            Message = $"已保存第 {d.Version} 版草稿（尚未施行，发布后按生效日期施行）";
            return Redirect("/Ranks/Policy");
        }
        await LoadAsync(ct, fillForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var p = await this.RunCommandAsync(publishValidator, new PublishPolicy(EffectiveFrom), c => h.PublishAsync(c, ct), ct);
        if (p is not null)
        {
            Message = $"已发布第 {p.Version} 版，自 {p.EffectiveFrom:yyyy-MM-dd} 起施行";
            return Redirect("/Ranks/Policy");
        }
        if (ModelState.IsValid) ModelState.AddModelError("", "没有正在编辑的草稿");
        await LoadAsync(ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var discarded = false;
        // Shown after the redirect, like the outcome.
        var refused = await PageCommands.RefusalAsync(async () => discarded = await h.DiscardDraftAsync(ct));
        Message = refused?.Message ?? (discarded ? "草稿已放弃" : "没有正在编辑的草稿");
        return Redirect("/Ranks/Policy");
    }
}
