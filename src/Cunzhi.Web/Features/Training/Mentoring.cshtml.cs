using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Training;

/// <summary>
/// 1+1 帮带 (/Training/Mentoring): new cadres of the scope (unpaired first), where the town pairs one with a town leader,
/// and the pairs with their state and whether last month's note is missing.
/// </summary>
[Authorize(Policy = Permissions.MentoringRead)]
public sealed class MentoringModel(Mentoring mentoring, TimeProvider clock, IValidator<CreatePair> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Silent { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "newpage")] public int? NewPage { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public string? MentorName { get; set; }
    [BindProperty] public string? MentorPost { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public int? Months { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<NewCadreView> NewCadres { get; private set; } = null!;
    public Paged<PairView> Pairs { get; private set; } = null!;
    public bool CanManage => User.Can(Permissions.MentoringManage);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        NewCadres = await mentoring.NewCadresAsync(null, false, new PageRequest(NewPage, 20), ct);
        Pairs = await mentoring.PairsAsync(null, Silent, new PageRequest(PageNumber, 20), ct);
    }

    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var pair = await this.RunCommandAsync(validator, new CreatePair(CadreId, MentorName, MentorPost, StartDate, Months ?? Domain.Training.MentorPair.DefaultMonths),
            async c => (PairView?)await mentoring.CreateAsync(c, ct), ct);
        if (pair is not null)
        {
            Message = $"已为{pair.CadreName}结对{pair.MentorPost}{pair.MentorName}";
            return Redirect($"/Training/Pair?id={pair.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
