using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Duty;

/// <summary>
/// 办公电话与值班公示 (/Duty/Office?village=): the village office's phone shown on the public duty board (set with its version),
/// the board's link and a QR code to print and post at the office door.
/// </summary>
[Authorize(Policy = Permissions.DutyRead)]
public sealed class OfficeModel(VillageOffices offices, AppDbContext db, IValidator<SetOfficePhone> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public VillageOfficeView? Office { get; private set; }
    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.DutyEdit);
    public string? BoardUrl => Office is { } o ? $"{Evaluations.EvaluationsModule.BaseUrl(Request)}/Zhiban/{o.Village}" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        Villages = await DutyPageVillages.ListAsync(db, ct);
        if (string.IsNullOrEmpty(Village)) return Page();
        Office = await offices.GetAsync(Village, ct);
        return Office is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostPhoneAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        if (string.IsNullOrEmpty(Village)) return BadRequest();
        var saved = await this.RunCommandAsync(validator, new SetOfficePhone(Phone) { Version = Version }, async c => await offices.SetAsync(Village, c, ct), ct);
        if (saved is not null)
        {
            Message = $"已保存办公电话 {saved.Phone}";
            return Redirect($"/Duty/Office?village={saved.Village}");
        }
        if (ModelState.IsValid) return NotFound();
        return await OnGetAsync(ct);
    }
}
