using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 积分排名: a village's households or Party members ranked by their points of a year, shown once the village has
/// published that year's ranking (at most as often as the county's ranking rule allows); towns and the county choose a village in scope.
/// </summary>
[Authorize(Policy = Permissions.PointsLedgerRead)]
public sealed class RankingsModel(PointsRankings rankings, PointsVillages villages) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>"members" for Party members, else households.</summary>
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<PointsVillage> Villages { get; private set; } = [];
    public string? Village { get; private set; }
    public PointsRankingPage<HouseholdScoreView>? Households { get; private set; }
    public PointsRankingPage<MemberScoreView>? Members { get; private set; }
    public bool CanPublish => User.Can(Permissions.PointsRankingsPublish);
    public bool IsMembers => Tab == "members";
    public int ShownYear => (IsMembers ? Members?.Year : Households?.Year) ?? 0;
    public bool Published => (IsMembers ? Members?.Published : Households?.Published) ?? false;
    public Domain.Burden.RankingDecision? Guard => IsMembers ? Members?.Guard : Households?.Guard;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is < Web.Infrastructure.Web.InputRange.MinYear or > Web.Infrastructure.Web.InputRange.MaxYear) Year = null;
        Village = await villages.ChosenAsync(Region, ct);
        if (Village is null) Villages = await villages.InScopeAsync(ct);
        else if (!CanPublish) Villages = await villages.InScopeAsync(ct);
        if (Village is null) return;
        var page = new PageRequest(PageNumber, null);
        if (IsMembers) Members = await rankings.MembersAsync(Village, Year, page, ct);
        else Households = await rankings.HouseholdsAsync(Village, Year, page, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int? year, CancellationToken ct)
    {
        if (!CanPublish) return Forbid();
        PointsRankingPage<HouseholdScoreView>? r = null;
        if (!await this.RunRuleAsync(async () => r = await rankings.PublishAsync(new PublishPointsRanking(year), ct)))
        {
            await OnGetAsync(ct);
            return Page();
        }
        Message = $"已发布{PointsRankings.Title(r!.Year)}";
        return Redirect($"/Points/Rankings?year={r.Year}");
    }
}
