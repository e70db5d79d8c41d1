using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Burden;

/// <summary>排名发布管控: the county or a town prepares a ranking and publishes it; the guard refuses more often than the county's rule.</summary>
[Authorize(Policy = Permissions.RankingsRead)]
public sealed class RankingsModel(BurdenHandlers burden, IValidator<PrepareRanking> validator) : PageModel
{
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public RankingKind Kind { get; set; } = RankingKind.Village;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Period { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<RankingView> Rows { get; private set; } = null!;
    public IReadOnlyList<RankingStatus> Status { get; private set; } = [];
    public PolicyView Policy { get; private set; } = null!;
    public bool CanPublish => User.Can(Permissions.RankingsPublish);
    public string MyRegion => User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await burden.RankingsAsync(new PageRequest(PageNumber, 20), ct);
        Policy = await burden.PolicyAsync(ct);
        if (CanPublish) Status = await burden.RankingStatusAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanPublish) return Forbid();
        var r = await this.RunCommandAsync(validator, new PrepareRanking(Kind, Title ?? "", Period ?? ""), async c => (RankingView?)await burden.PrepareRankingAsync(c, ct), ct);
        if (r is not null)
        {
            Message = $"已拟定“{r.Title}”，尚未发布";
            return Redirect("/Burden/Rankings");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct)
    {
        if (!CanPublish) return Forbid();
        RankingView? r = null;
        if (!await this.RunRuleAsync(async () => r = await burden.PublishRankingAsync(id, ct)))
        {
            await OnGetAsync(ct);
            return Page();
        }
        if (r is null) return NotFound();
        Message = $"已发布“{r.Title}”";
        return Redirect("/Burden/Rankings");
    }
}
