using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>晋升资格: a town's cadres, eligible or not and why; the town proposes one cadre or a batch; the county picks a town.</summary>
[Authorize(Policy = Permissions.RanksProposalsRead)]
public sealed class EligibilityModel(PromotionHandlers h, PolicyHandlers policies, IValidator<ProposePromotions> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public bool EligibleOnly { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public List<long> CadreIds { get; set; } = [];
    [BindProperty] public long? Single { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public TownEligibility? View { get; private set; }
    /// <summary>Why no 晋升办法 is in force today (null when one is).</summary>
    public string? NoPolicy { get; private set; }
    public IReadOnlyList<TownOption> Towns { get; private set; } = [];
    public bool IsTown => User.Can(Permissions.RanksPropose);

    private async Task LoadAsync(CancellationToken ct)
    {
        NoPolicy = await policies.MissingAsync(ct: ct);
        View = await h.TownAsync(Town, null, EligibleOnly, new PageRequest(PageNumber, null), ct);
        if (!IsTown) Towns = await h.TownsAsync(ct);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!IsTown) return Forbid();
        var ids = Single is { } one ? [one] : CadreIds;
        var done = await this.RunCommandAsync(validator, new ProposePromotions(ids, Note), c => h.ProposePromotionsAsync(c, ct), ct);
        if (done is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已申请晋升 {done.Count} 人（{string.Join("、", done.Select(p => p.CadreName))}），待县委组织部批复";
        return Redirect($"/Ranks/Eligibility?eligibleOnly={EligibleOnly}&page={PageNumber ?? 1}");
    }
}
