using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>
/// 困难帮扶 (/Care/Assistance): applications in scope (status filter, paged); the town recommends one for a cadre in office
/// of its village, the county approves with the amount granted or rejects with a reason.
/// </summary>
[Authorize(Policy = Permissions.AssistanceRead)]
public sealed class AssistanceModel(HardshipAssistances assistance, AppDbContext db, IValidator<RecommendAssistance> recommendValidator,
    IValidator<DecideAssistance> decideValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public AssistanceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public AssistanceReason Reason { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Requested { get; set; }

    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Granted { get; set; }
    [BindProperty] public string? RejectReason { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<AssistanceView> Rows { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Cadres { get; private set; } = [];
    public bool CanRecommend => User.Can(Permissions.AssistanceRecommend) && RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.Town;
    public bool CanDecide => User.Can(Permissions.AssistanceDecide);

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await assistance.ListAsync(Status, null, new PageRequest(PageNumber, 20), ct);
        if (!CanRecommend) return;
        var prefix = RegionCodes.ScopePrefix(db.User.RegionCode ?? "000000000000");
        Villages = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(1000).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        if (string.IsNullOrWhiteSpace(Village)) return;
        var code = Village.Trim();
        Cadres = (await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).Take(500).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<IActionResult> FormError(string field, string message, CancellationToken ct)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecommendAsync(CancellationToken ct)
    {
        if (!CanRecommend) return Forbid();
        if (PayNames.ParseYuan(Requested) is not { } fen) return await FormError(nameof(Requested), "请填写申请金额（元，最多两位小数）", ct);
        var a = await this.RunCommandAsync(recommendValidator, new RecommendAssistance(CadreId, Reason, Description, fen),
            async c => (AssistanceView?)await assistance.RecommendAsync(c, ct), ct);
        if (a is null) { await LoadAsync(ct); return Page(); }
        Message = $"已推荐 {a.CadreName} 的困难帮扶申请（{PayNames.Yuan(a.RequestedFen)} 元），待县审批";
        return Redirect("/Care/Assistance");
    }

    public async Task<IActionResult> OnPostDecideAsync(bool approve, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        long? fen = null;
        if (approve && (fen = PayNames.ParseYuan(Granted)) is null) return await FormError(nameof(Granted), "请填写批准金额（元，最多两位小数）", ct);
        var a = await this.RunCommandAsync(decideValidator, new DecideAssistance(approve, fen, RejectReason) { Version = Version }, c => assistance.DecideAsync(Id, c, ct), ct);
        if (a is null) { await LoadAsync(ct); return Page(); }
        Message = a.Status == AssistanceStatus.Approved ? $"已批准 {a.CadreName} 困难帮扶 {PayNames.Yuan(a.GrantedFen ?? 0)} 元" : $"已不予批准 {a.CadreName} 的申请";
        return Redirect("/Care/Assistance");
    }
}
