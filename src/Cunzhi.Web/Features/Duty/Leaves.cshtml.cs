using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>A cadre in office a leave form offers.</summary>
public sealed record LeaveCadreChoice(long Id, string Name, string RegionCode);

/// <summary>
/// 休假 (/Duty/Leaves?village=&amp;state=): leave requests in scope, newest first, paged; the village or town requests leave for a
/// cadre in office of a village; the town approves (naming a replacement when a day would be left with nobody on duty) or
/// rejects, with the request's version.
/// </summary>
[Authorize(Policy = Permissions.DutyRead)]
public sealed class LeavesModel(DutyLeaves leaves, AppDbContext db, TimeProvider clock, IValidator<RequestLeave> requestValidator,
    IValidator<DecideLeave> decideValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public LeaveState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public DateOnly? FromDate { get; set; }
    [BindProperty] public DateOnly? ToDate { get; set; }
    [BindProperty] public LeaveKind Kind { get; set; } = LeaveKind.Annual;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public long? ReplacementCadreId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<LeaveView> List { get; private set; } = null!;
    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    /// <summary>Cadres in office of the villages on the page and of the chosen village, by village.</summary>
    public ILookup<string, LeaveCadreChoice> Cadres { get; private set; } = Array.Empty<LeaveCadreChoice>().ToLookup(c => c.RegionCode);
    public bool CanRequest => User.Can(Permissions.DutyLeaveRequest);
    public bool CanDecide => User.Can(Permissions.DutyLeaveDecide);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Village = DutyPageVillages.Own(db) ?? (string.IsNullOrWhiteSpace(Village) ? null : Village.Trim());
        Villages = await DutyPageVillages.ListAsync(db, ct);
        List = await leaves.ListAsync(Village, State is { } s && Enum.IsDefined(s) ? s : null, new PageRequest(PageNumber, 20), ct);
        var villages = List.Items.Select(l => l.Village).Append(Village ?? "").Where(v => v.Length > 0).Distinct().ToList();
        Cadres = (await db.Cadres.AsNoTracking().Where(c => villages.Contains(c.RegionCode) && c.Status == CadreStatus.InOffice).OrderBy(c => c.Name)
            .Select(c => new LeaveCadreChoice(c.Id, c.Name, c.RegionCode)).ToListAsync(ct)).ToLookup(c => c.RegionCode);
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        if (!CanRequest) return Forbid();
        var leave = await this.RunCommandAsync(requestValidator, new RequestLeave(CadreId, FromDate ?? default, ToDate ?? default, Kind, Reason),
            async c => (LeaveView?)await leaves.RequestAsync(c, ct), ct);
        if (leave is not null)
        {
            Message = $"已提交 {leave.CadreName} 的休假申请（{leave.FromDate:yyyy-MM-dd} 至 {leave.ToDate:yyyy-MM-dd}）";
            return Redirect($"/Duty/Leaves?village={leave.Village}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var leave = await this.RunCommandAsync(decideValidator, new DecideLeave(Approve, ReplacementCadreId, Note) { Version = Version },
            async c => await leaves.DecideAsync(Id, c, ct), ct);
        if (leave is not null)
        {
            Message = $"{leave.CadreName} 的休假申请{leave.StateName}";
            return Redirect($"/Duty/Leaves?village={leave.Village}");
        }
        if (ModelState.IsValid) return NotFound();
        await OnGetAsync(ct);
        return Page();
    }
}
