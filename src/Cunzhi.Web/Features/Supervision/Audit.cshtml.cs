using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>One audit (/Supervision/Audit/{id}): its state with 开始实施 and 出具报告, its findings, and the form to record one.</summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class AuditModel(EconomicAudits audits, SupervisionFindings findings, AppDbContext db, TimeProvider clock,
    IValidator<AdvanceAudit> advanceValidator, IValidator<RecordFinding> findingValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public FindingFormInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public AuditView Audit { get; private set; } = null!;
    public Paged<FindingView> Findings { get; private set; } = null!;
    public FindingFormModel Form { get; private set; } = null!;
    public bool CanManage => User.Can(Permissions.SupervisionManage);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await audits.GetAsync(Id, ct) is not { } audit) return false;
        Audit = audit;
        Findings = await findings.ListAsync(new FindingFilter(null, null, AuditId: Id), new PageRequest(PageNumber, 50), ct);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Id == audit.CadreId).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Form = new([], cadres.Select(c => (c.Id, c.Name)).ToList(), User.Can(Permissions.ConductRecordDiscipline));
        return true;
    }

    public Task<IActionResult> OnPostBeginAsync(CancellationToken ct) =>
        AdvanceAsync(c => audits.BeginAsync(Id, c, ct), "已开始实施", ct);

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) =>
        AdvanceAsync(c => audits.ReportAsync(Id, c, ct), "已出具审计报告", ct);

    private async Task<IActionResult> AdvanceAsync(Func<AdvanceAudit, Task<AuditView?>> run, string done, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (await this.RunCommandAsync(advanceValidator, new AdvanceAudit(Date, Summary) { Version = Version },
                async c => await run(c) ?? throw new RuleException("supervision.audit", null, EconomicAudits.NotFound), ct) is not null)
        {
            Message = done;
            return Redirect($"/Supervision/Audit/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFindingAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (await this.RunCommandAsync(findingValidator, Input.Command(Id, null),
                async c => await findings.RecordAsync(c, ct) ?? throw new RuleException("supervision.audit", null, SupervisionFindings.NotFound), ct) is { } f)
        {
            Message = f.ConductRecordId is null ? "已登记发现问题" : "已登记发现问题，并生成审计发现问题履职记录";
            return Redirect($"/Supervision/Audit/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
