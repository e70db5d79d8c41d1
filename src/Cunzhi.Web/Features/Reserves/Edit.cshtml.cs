using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>Edit a candidate in the pool: personal details, recommendation, trainer and placement.</summary>
[Authorize(Policy = Permissions.ReservesEdit)]
public sealed class EditModel(ReserveHandlers reserves, IValidator<UpdateReserve> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public ReserveForm Form { get; set; } = new();
    /// <summary>The version the form was filled from: a save over someone else's later change is refused, the input kept.</summary>
    [BindProperty] public int Version { get; set; }

    public ReserveDetail Detail { get; private set; } = null!;
    public IReadOnlyList<TrainerOption> Trainers { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reserves.GetAsync(Id, ct) is not { } d) return false;
        Detail = d;
        Trainers = await reserves.TrainerOptionsAsync(d.Reserve.RegionCode, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Form = ReserveForm.From(Detail);
        Version = Detail.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var saved = await this.RunCommandAsync(validator, Form.ToUpdate() with { Version = Version }, c => reserves.UpdateAsync(Id, c, ct), ct);
        if (saved is not null) return Redirect($"/Reserves/Detail?id={Id}");
        Form.NationalId = null; // as on the cadre edit page: a full number is never put back into a page
        return Page();
    }
}
