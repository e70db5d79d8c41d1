using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>定级: the serving cadres not yet on the ladder, a rank for each, one effective month; the county saves a page at a time, all or none.</summary>
[Authorize(Policy = Permissions.GradingRead)]
public sealed class GradingModel(GradingHandlers h, PromotionHandlers promotions, IValidator<GradeCadres> validator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    /// <summary>Ticked cadres and the rank chosen on each row (Rank[cadreId]).</summary>
    [BindProperty] public List<long> CadreIds { get; set; } = [];
    [BindProperty] public Dictionary<long, int> Rank { get; set; } = [];
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public GradingList? View { get; private set; }
    public IReadOnlyList<TownOption> Towns { get; private set; } = [];
    public bool CanGrade => User.Can(Permissions.Grade);

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await h.ListAsync(Region, new PageRequest(PageNumber, PageSize), ct);
        if (User.Can(Permissions.RanksPickTown)) Towns = await promotions.TownsAsync(ct);
        EffectiveFrom ??= View?.LatestEffectiveDate;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanGrade) return Forbid();
        var items = CadreIds.Select(id => new GradeItem(id, Rank.GetValueOrDefault(id, Domain.Ranks.RankHistory.EntryRank))).ToList();
        var done = await this.RunCommandAsync(validator, new GradeCadres(EffectiveFrom, Reason, items), c => h.GradeAsync(c, ct), ct);
        if (done is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已为 {done.Graded} 名干部定级，自 {done.EffectiveFrom:yyyy-MM-dd} 起生效";
        return Redirect($"/Ranks/Grading?region={Uri.EscapeDataString(Region ?? "")}");
    }
}
