using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>
/// 学历提升 (/Care/Degrees): the programmes in scope (status filter, paged) with 毕业/退学, the enrolment of a village's
/// cadre in office, the tuition claims (status filter, paged) with filing, and the county's approval within the caps.
/// </summary>
[Authorize(Policy = Permissions.DegreesRead)]
public sealed class DegreesModel(DegreeProgrammes programmes, TuitionClaims claims, DegreeSupportPolicyHandlers policies, AppDbContext db, TimeProvider clock,
    IValidator<EnrolDegree> enrolValidator, IValidator<FinishDegree> finishValidator, IValidator<FileTuitionClaim> claimValidator,
    IValidator<DecideTuitionClaim> decideValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public DegreeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ClaimStatus? ClaimStatus { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    /// <summary>Which list is shown: the programmes (default) or, with <c>claims</c>, the tuition claims.</summary>
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }

    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public string? LevelCode { get; set; }
    [BindProperty] public string? Major { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }

    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DegreeStatus Finish { get; set; }
    [BindProperty] public DateOnly? On { get; set; }

    [BindProperty] public long ProgrammeId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Term { get; set; }
    [BindProperty] public string? Tuition { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public bool ShowClaims => Tab == "claims";
    public Paged<DegreeView>? Rows { get; private set; }
    public Paged<ClaimView>? Claims { get; private set; }
    public DegreeSupportPolicy Policy { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Cadres { get; private set; } = [];
    public IReadOnlyList<DegreeView> Claimable { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public bool CanEnrol => User.Can(Permissions.DegreesEnrol) && RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.County or RegionLevel.Town;
    public bool CanDecide => User.Can(Permissions.DegreeClaimsDecide);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (ShowClaims) Claims = await claims.ListAsync(ClaimStatus, null, new PageRequest(PageNumber, 20), ct);
        else Rows = await programmes.ListAsync(Status, null, new PageRequest(PageNumber, 20), ct);
        var county = RegionCodes.CountyOf(db.User.RegionCode ?? "") ?? db.User.RegionCode ?? "";
        Policy = await policies.InForceOrDefaultAsync(county, Today, ct);
        if (!CanEnrol) return;
        Claimable = (await programmes.ListAsync(DegreeStatus.Studying, null, new PageRequest(1, 100), ct)).Items;
        var prefix = RegionCodes.ScopePrefix(db.User.RegionCode is { Length: > 0 } own ? own : "000000000000");
        Villages = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(1000).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        if (string.IsNullOrWhiteSpace(Village)) return;
        var code = Village.Trim();
        Cadres = (await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).Take(500).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<IActionResult> Done(object? result, string message, CancellationToken ct)
    {
        if (result is null) { await LoadAsync(ct); return Page(); }
        Message = message;
        return Redirect(ShowClaims ? "/Care/Degrees?tab=claims" : "/Care/Degrees");
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        var p = await this.RunCommandAsync(enrolValidator, new EnrolDegree(CadreId, School, LevelCode, Major, StartDate ?? default, EndDate ?? default),
            async c => (DegreeView?)await programmes.EnrolAsync(c, ct), ct);
        return await Done(p, p is null ? "" : $"已登记 {p.CadreName} 的学历提升（{p.School} {p.LevelName}）", ct);
    }

    public async Task<IActionResult> OnPostFinishAsync(CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        var p = await this.RunCommandAsync(finishValidator, new FinishDegree(Finish, On ?? Today) { Version = Version }, c => programmes.FinishAsync(Id, c, ct), ct);
        return await Done(p, p is null ? "" : $"已记录 {p.CadreName} {p.StatusName}", ct);
    }

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        var fen = PayNames.ParseYuan(Tuition);
        if (fen is null) { ModelState.AddModelError(nameof(Tuition), "请填写学费金额（元，最多两位小数）"); await LoadAsync(ct); return Page(); }
        var c = await this.RunCommandAsync(claimValidator, new FileTuitionClaim(ProgrammeId, Year ?? Today.Year, Term, fen.Value),
            async x => (ClaimView?)await claims.FileAsync(x, ct), ct);
        return await Done(c, c is null ? "" : $"已申请 {c.CadreName} {c.Year} 年{c.Term}学费报销，请上传票据", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(bool approve, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var c = await this.RunCommandAsync(decideValidator, new DecideTuitionClaim(approve, Reason) { Version = Version }, x => claims.DecideAsync(Id, x, ct), ct);
        return await Done(c, c is null ? "" : c.Status == Domain.Care.ClaimStatus.Approved
            ? $"已批准 {c.CadreName} 报销 {PayNames.Yuan(c.ReimbursedFen ?? 0)} 元" : $"已退回 {c.CadreName} 的报销申请", ct);
    }

    public async Task<IActionResult> OnPostReceiptAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        if (file is null) { ModelState.AddModelError("", "请选择票据文件"); await LoadAsync(ct); return Page(); }
        ReceiptView? r = null;
        if (!await this.RunRuleAsync(async () => r = await claims.UploadReceiptAsync(Id, file, ct))) { await LoadAsync(ct); return Page(); }
        if (r is null) return NotFound();
        Message = $"已上传票据 {r.FileName}";
        return Redirect("/Care/Degrees?tab=claims");
    }
}
