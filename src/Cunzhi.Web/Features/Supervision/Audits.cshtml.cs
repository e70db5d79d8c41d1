using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features.Care;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>经济责任审计 (/Supervision/Audits): the audits in scope by state (paged); the county or discipline plans one for a village's cadre.</summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class AuditsModel(EconomicAudits audits, AppDbContext db, TimeProvider clock, IValidator<PlanAudit> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public AuditState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public AuditReason Reason { get; set; } = AuditReason.Departure;
    [BindProperty] public DateOnly? PeriodFrom { get; set; }
    [BindProperty] public DateOnly? PeriodTo { get; set; }
    [BindProperty] public string? AuditorUnit { get; set; }
    [BindProperty] public DateOnly? PlannedStart { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<AuditView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, bool InOffice)> Cadres { get; private set; } = [];
    public bool CanPlan => User.Can(Permissions.SupervisionManage);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Villages = CanPlan ? await CarePageLists.VillagesAsync(db, ct) : [];
        Cadres = CanPlan ? await CarePageLists.CadresAsync(db, Village, ct) : [];
        var state = State is { } s && Enum.IsDefined(s) ? s : (AuditState?)null;
        List = await audits.ListAsync(Village, state, new PageRequest(PageNumber, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (await this.RunCommandAsync(validator, new PlanAudit(CadreId, Reason, PeriodFrom, PeriodTo, AuditorUnit, PlannedStart),
                async c => await audits.PlanAsync(c, ct) ?? throw new RuleException("supervision.cadre", "CadreId", EconomicAudits.NotFound), ct) is { } a)
        {
            Message = $"已安排{a.ReasonName}：{a.CadreName}（{a.VillageName}）";
            return Redirect($"/Supervision/Audit/{a.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
