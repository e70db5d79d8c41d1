using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 登记诉求 on one phone screen. The answer shows the resident's receipt code once, as a slip to print or copy by hand:
/// it is never stored (only its keyed hash) and the page never redirects with it, so it is in no URL, log or TempData.
/// </summary>
[Authorize(Policy = Permissions.MattersRegister)]
public sealed class NewModel(MatterDesk desk, IValidator<RegisterMatter> validator) : PageModel
{
    [BindProperty] public MatterForm Form { get; set; } = new();

    public sealed class MatterForm
    {
        public string? Village { get; set; }
        public MatterKind Kind { get; set; } = MatterKind.MicroMatter;
        public MatterSource Source { get; set; } = MatterSource.Visit;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? ResidentName { get; set; }
    }

    public IReadOnlyList<VillageOption> Villages { get; private set; } = [];
    public bool ChoosesVillage { get; private set; }
    public MatterRegistered? Registered { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var region = User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value;
        ChoosesVillage = RegionCodes.LevelOf(region) != RegionLevel.Village;
        if (ChoosesVillage) Villages = await desk.VillagesAsync(ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var f = Form;
        var notFound = false;
        Registered = await this.RunCommandAsync(validator, new RegisterMatter(ChoosesVillage ? f.Village : null, null, f.Kind, f.Source, f.Title, f.Description, f.ResidentName),
            async c =>
            {
                var r = await desk.RegisterAsync(c, ct);
                notFound = r is null;
                return r;
            }, ct);
        if (notFound) ModelState.AddModelError("Form.Village", "未找到该村（或不在您的管辖范围内）");
        return Page();
    }
}
