using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>
/// 一轮走访 (/Visits/Round?id=): coverage by village and by official (a household visited twice counts once), the Excel
/// export, and the households with their officials (by village), where the town reassigns one.
/// </summary>
[Authorize(Policy = Permissions.VisitsRead)]
public sealed class RoundModel(VisitCoverageReports reports, VisitPlanning planning, IValidator<Reassign> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long AssignmentId { get; set; }
    [BindProperty] public string? Official { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public RoundCoverage Coverage { get; private set; } = null!;
    public Paged<AssignmentView>? Households { get; private set; }
    public IReadOnlyList<OfficialView> Officials { get; private set; } = [];
    public bool CanPlan => User.Can(Permissions.VisitsPlan);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reports.RoundAsync(Id, new PageRequest(1, PageRequest.MaxSize), ct) is not { } coverage) return NotFound();
        Coverage = coverage;
        if (!string.IsNullOrWhiteSpace(Village))
            Households = await planning.AssignmentsAsync(Id, Village, null, new PageRequest(PageNumber, 30), ct);
        if (CanPlan) Officials = await planning.OfficialsAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        var found = true;
        var done = await this.RunCommandAsync(validator, new Reassign(Official) { Version = Version }, async c =>
        {
            var r = await planning.ReassignAsync(AssignmentId, c, ct);
            found = r is not null;
            return r;
        }, ct);
        if (done is not null)
        {
            Message = $"已改由{done.OfficialName}走访{done.HeadName}户";
            return Redirect($"/Visits/Round?id={Id}&village={Uri.EscapeDataString(Village ?? "")}");
        }
        if (!found) ModelState.AddModelError("", VisitPlanning.AssignmentNotFound);
        return await OnGetAsync(ct);
    }
}
