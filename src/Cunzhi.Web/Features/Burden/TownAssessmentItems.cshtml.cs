using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Burden;

/// <summary>乡镇考核事项: the items a town assesses its villages on, capped by the county (default 10).</summary>
[Authorize(Policy = Permissions.AssessmentItemsRead)]
public sealed class TownAssessmentItemsModel(BurdenHandlers burden, IValidator<RegisterTownAssessmentItem> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Department { get; set; }
    [TempData] public string? Message { get; set; }

    public TownAssessmentItems Items { get; private set; } = null!;
    public bool CanRegister => User.Can(Permissions.AssessmentItemsRegister);

    public async Task OnGetAsync(CancellationToken ct) => Items = await burden.TownAssessmentItemsAsync(Year, new PageRequest(PageNumber, 20), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRegister) return Forbid();
        var year = Year ?? clock.GetLocalNow().Year;
        var r = await this.RunCommandAsync(validator, new RegisterTownAssessmentItem(year, Title ?? "", Department),
            async c => (TownAssessmentItemView?)await burden.RegisterTownAssessmentItemAsync(c, ct), ct);
        if (r is not null)
        {
            Message = $"已登记“{r.Title}”";
            return Redirect($"/Burden/TownAssessmentItems?year={year}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (!CanRegister) return Forbid();
        var withdrawn = false;
        if (!await this.RunRuleAsync(async () => withdrawn = await burden.WithdrawTownAssessmentItemAsync(id, ct)))
        {
            await OnGetAsync(ct);
            return Page();
        }
        if (!withdrawn) return NotFound();
        Message = "已撤销";
        return Redirect($"/Burden/TownAssessmentItems?year={Year}");
    }
}
