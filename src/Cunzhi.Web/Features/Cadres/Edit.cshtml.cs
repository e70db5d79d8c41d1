using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres;

/// <summary>
/// Edits a cadre's basic fields. The full ID and phone are never put back into the form (that
/// would show them); a correction is typed in full, and an empty ID box keeps the stored number.
/// </summary>
[Authorize(Policy = Permissions.CadresEdit)]
public sealed class EditModel(CadreHandlers cadres, IValidator<UpdateCadre> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public CadreForm Form { get; set; } = new();
    /// <summary>The version the form was filled from: a save over someone else's later change is refused, the input kept.</summary>
    [BindProperty] public int Version { get; set; }
    public CadreDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await cadres.GetAsync(Id, ct) is not { } d) return NotFound();
        Detail = d;
        Version = d.Version;
        var c = d.Cadre;
        Form = new CadreForm
        {
            Name = c.Name, EducationCode = c.EducationCode, IsPartyMember = c.IsPartyMember, Term = d.Term, Origin = c.Origin,
            AssignedFrom = d.AssignedFrom, IsProfessionalSecretary = d.IsProfessionalSecretary, BankName = c.BankName, Editing = true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await cadres.GetAsync(Id, ct) is not { } d) return NotFound();
        Detail = d;
        Form.Editing = true;
        var updated = await this.RunCommandAsync(validator, Form.ToUpdate() with { Version = Version }, c => cadres.UpdateAsync(Id, c, ct), ct);
        return updated is null ? Page() : Redirect($"/Cadres/Detail?id={Id}");
    }
}
