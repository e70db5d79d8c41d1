using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Powers;

/// <summary>登记权力运行 (/Powers/New): a village account picks an item of the list in force, gives a title, the applicant or subject and the day it began.</summary>
[Authorize(Policy = Permissions.PowersRecord)]
public sealed class NewModel(PowerExerciseHandlers exercises, PowerListHandlers lists, IValidator<StartPowerExercise> validator, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ItemCode { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public DateOnly StartedOn { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<PowerItem> Items { get; private set; } = [];
    public bool IsVillage => RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Village;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!IsVillage) return;
        Items = (await lists.InForceOrDefaultAsync(RegionCodes.CountyOf(db.User.RegionCode)!, clock.Today(), ct)).Items;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        StartedOn = clock.Today();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await this.RunCommandAsync(validator, new StartPowerExercise(ItemCode, Title, Subject, StartedOn), c => exercises.StartAsync(c, ct)!, ct);
        if (saved is null) { await LoadAsync(ct); return Page(); }
        Message = "已登记，请按流程逐步记录办理情况";
        return Redirect($"/Powers/{saved.Id}");
    }
}
