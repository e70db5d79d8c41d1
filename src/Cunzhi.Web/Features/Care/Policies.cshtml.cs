using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>意外保险保单 (/Care/Policies): the policies in scope (expiring=true: ending within 30 days); a county or town records a group policy for the cadres in office of ticked towns or villages.</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class PoliciesModel(InsurancePolicies policies, AppDbContext db, TimeProvider clock, IValidator<CreatePolicy> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Expiring { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Insurer { get; set; }
    [BindProperty] public string? PolicyNumber { get; set; }
    [BindProperty] public DateOnly? FromDate { get; set; }
    [BindProperty] public DateOnly? ToDate { get; set; }
    [BindProperty] public List<string> Regions { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public Paged<PolicyView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Choices { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.CareEdit) && RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.County or RegionLevel.Town;
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await policies.ListAsync(Expiring, new PageRequest(PageNumber, 20), ct);
        if (!CanEdit) return;
        var own = db.User.RegionCode;
        Choices = (await db.Regions.AsNoTracking().Where(r => r.ParentCode == own && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var policy = await this.RunCommandAsync(validator, new CreatePolicy(Insurer, PolicyNumber, FromDate ?? default, ToDate ?? default, null, Regions),
            async c => (PolicyView?)await policies.CreateAsync(c, ct), ct);
        if (policy is not null)
        {
            Message = $"已登记保单 {policy.Insurer} {policy.PolicyNumber}：{policy.Insured} 人";
            return Redirect("/Care/Policies");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
