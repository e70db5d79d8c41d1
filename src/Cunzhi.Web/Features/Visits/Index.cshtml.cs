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

namespace Cunzhi.Web.Features.Visits;

/// <summary>走访轮次 (/Visits): the rounds in scope with their coverage; a town plans a new round (villages and officials ticked on one form).</summary>
[Authorize(Policy = Permissions.VisitsRead)]
public sealed class IndexModel(VisitPlanning planning, AppDbContext db, TimeProvider clock, IValidator<PlanRound> validator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? FromDate { get; set; }
    [BindProperty] public DateOnly? ToDate { get; set; }
    [BindProperty] public List<string> Villages { get; set; } = [];
    [BindProperty] public List<string> Officials { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public Paged<RoundView> Rounds { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> TownVillages { get; private set; } = [];
    public IReadOnlyList<OfficialView> TownOfficials { get; private set; } = [];
    public bool CanPlan => User.Can(Permissions.VisitsPlan);
    public bool CanRecord => User.Can(Permissions.VisitsRecord);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await planning.ListAsync(null, new PageRequest(PageNumber, 20), ct);
        if (!CanPlan) return;
        var town = db.User.RegionCode;
        TownVillages = (await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        TownOfficials = await planning.OfficialsAsync(null, ct);
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        var round = await this.RunCommandAsync(validator, new PlanRound(Name, FromDate ?? default, ToDate ?? default, Villages, Officials),
            async c => (RoundView?)await planning.PlanAsync(c, ct), ct);
        if (round is not null)
        {
            Message = $"已安排“{round.Name}”：{round.Planned} 户";
            return Redirect($"/Visits/Round?id={round.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
