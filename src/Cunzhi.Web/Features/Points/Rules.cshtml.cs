using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>积分细则: the version in force and the versions; the county admin edits the draft (items and settings) and publishes it.</summary>
[Authorize(Policy = Permissions.PointsRulesRead)]
public sealed class RulesModel(PointsRulesHandlers h, IValidator<SavePointsRules> saveValidator, IValidator<PublishPointsRules> publishValidator) : PageModel
{
    /// <summary>Blank item rows offered below the draft's items.</summary>
    public const int BlankRows = 3;

    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public RulesForm Form { get; set; } = new();
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public int RowVersion { get; set; }
    [TempData] public string? Message { get; set; }

    public sealed class ItemRow
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public PointsSign Sign { get; set; } = PointsSign.Earn;
        public int? Points { get; set; }
        public PointsHolderKind For { get; set; } = PointsHolderKind.Household;
        public bool EvidenceRequired { get; set; }
        public int? YearCap { get; set; }
    }

    public sealed class RulesForm
    {
        public List<ItemRow> Items { get; set; } = [];
        public int PublicityDays { get; set; } = PointsPolicy.DefaultPublicityDays;
        public CarryOverRule CarryOver { get; set; }
        public int CarryOverPercent { get; set; }
        public bool AllowNegative { get; set; }
        public int VillageItemMaxPoints { get; set; }
        public int VillageItemMaxYearCap { get; set; }
        public int VillageItemMaxCount { get; set; }
        public LinkedScoreRule LinkedRule { get; set; }
        public int LinkWeightPercent { get; set; }
    }

    public PointsRulesOverview Overview { get; private set; } = null!;
    public PointsRulesView? Shown { get; private set; }
    public bool CanEdit => User.Can(Permissions.PointsRulesEdit);

    private async Task LoadAsync(CancellationToken ct, bool fillForm)
    {
        Overview = await h.OverviewAsync(ct);
        Shown = Version is { } v ? Overview.Versions.FirstOrDefault(x => x.Version == v) : Overview.InForce;
        if (!fillForm) return;
        RowVersion = Overview.RowVersion;
        var basis = Overview.Draft ?? Overview.Versions.FirstOrDefault();
        var c = basis is not null ? PointsRulesHandlers.ToCommand(basis) : PointsRulesHandlers.ToCommand(ViewOf(PointsRulesHandlers.Defaults(Overview.County, 1, Overview.Today)));
        Form = new RulesForm
        {
            Items = [.. c.Items!.Select(i => new ItemRow { Code = i.Code, Name = i.Name, Sign = i.Sign, Points = i.Points, For = i.For, EvidenceRequired = i.EvidenceRequired, YearCap = i.YearCap })],
            PublicityDays = c.PublicityDays, CarryOver = c.CarryOver, CarryOverPercent = c.CarryOverPercent, AllowNegative = c.AllowNegative,
            VillageItemMaxPoints = c.VillageItemMaxPoints, VillageItemMaxYearCap = c.VillageItemMaxYearCap, VillageItemMaxCount = c.VillageItemMaxCount,
            LinkedRule = c.LinkedRule, LinkWeightPercent = c.LinkWeightPercent,
        };
    }

    private static PointsRulesView ViewOf(PointsPolicy p) => new(0, p.Version, p.EffectiveFrom, false, false, null, null, p.Items, p.PublicityDays, p.CarryOver,
        p.CarryOverPercent, p.AllowNegative, p.VillageItemMaxPoints, p.VillageItemMaxYearCap, p.VillageItemMaxCount, 0, p.LinkedRule, p.LinkWeightPercent);

    private SavePointsRules ToCommand()
    {
        var f = Form;
        var items = f.Items.Where(i => !string.IsNullOrWhiteSpace(i.Code) || !string.IsNullOrWhiteSpace(i.Name))
            .Select(i => new PointsItem(i.Code ?? "", i.Name ?? "", i.Sign, i.Points ?? 0, i.For, i.EvidenceRequired, i.YearCap)).ToList();
        return new(items, f.PublicityDays, f.CarryOver, f.CarryOverPercent, f.AllowNegative, f.VillageItemMaxPoints, f.VillageItemMaxYearCap, f.VillageItemMaxCount,
            f.LinkedRule, f.LinkWeightPercent) { RowVersion = RowVersion };
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct, fillForm: true);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(saveValidator, ToCommand(), async c => (PointsRulesView?)await h.SaveDraftAsync(c, ct), ct) is { } d)
        {
            Message = $"已保存第 {d.Version} 版草稿（发布后按生效日期施行）";
            return Redirect("/Points/Rules");
        }
        await LoadAsync(ct, fillForm: false);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var p = await this.RunCommandAsync(publishValidator, new PublishPointsRules(EffectiveFrom), c => h.PublishAsync(c, ct), ct);
        if (p is not null)
        {
            Message = $"已发布第 {p.Version} 版积分细则，自 {p.EffectiveFrom:yyyy-MM-dd} 起施行";
            return Redirect("/Points/Rules");
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
        return Redirect("/Points/Rules");
    }
}
