using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Training;

/// <summary>
/// 学时缺口 (/Training/Gaps?year=&amp;only=): in-office cadres short of the year's required hours and 书记/主任 without a
/// 集中轮训 this year; the county's required hours per post, which the county sets here.
/// </summary>
[Authorize(Policy = Permissions.TrainingRead)]
public sealed class GapsModel(TrainingRecords records, TimeProvider clock, IValidator<SetRequirement> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Only { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? PostCode { get; set; }
    [BindProperty] public int? FromYear { get; set; }
    [BindProperty] public decimal? RequiredHours { get; set; }
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public GapList Gaps { get; private set; } = null!;
    public IReadOnlyList<RequirementView> Requirements { get; private set; } = [];
    public bool CanSet => User.Can(Permissions.TrainingRequirementsEdit);
    public int ShownYear => Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : clock.Today().Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await records.GapsAsync(Region, ShownYear, Only, new PageRequest(PageNumber, 50), ct) is not { } gaps) return NotFound();
        Gaps = gaps;
        Requirements = await records.RequirementsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        if (!CanSet) return Forbid();
        var done = await this.RunCommandAsync(validator, new SetRequirement(PostCode, FromYear ?? 0, RequiredHours ?? -1) { Version = Version },
            async c => (RequirementView?)await records.SetRequirementAsync(c, ct), ct);
        if (done is not null)
        {
            Message = $"已设置：{done.PostName}自 {done.FromYear} 年起每年 {done.Hours:0.#} 学时";
            return Redirect($"/Training/Gaps?year={ShownYear}");
        }
        return await OnGetAsync(ct);
    }
}
