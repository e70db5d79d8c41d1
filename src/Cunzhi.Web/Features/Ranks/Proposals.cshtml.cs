using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>职级申请: proposals (pending first); the county approves or rejects with a reason; the town or discipline proposes a demotion.</summary>
[Authorize(Policy = Permissions.RanksProposalsRead)]
public sealed class ProposalsModel(PromotionHandlers h, ConductHandlers conduct, PolicyHandlers policies, IValidator<RejectProposal> rejectValidator,
    IValidator<ProposeDemotion> demotionValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProposalState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DemotionGround Ground { get; set; } = DemotionGround.Veto;
    [BindProperty] public long? DemoteCadreId { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public long? VetoRecordId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<ProposalView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<TownOption> Towns { get; private set; } = [];
    public IReadOnlyList<ConductView> Vetoes { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, string Village)> Cadres { get; private set; } = [];
    public bool CanApprove => User.Can(Permissions.RanksApprove);
    public bool CanPropose => User.Can(Permissions.RanksPropose);
    public bool CanDemoteIncompetent => User.Can(Permissions.RanksDemoteIncompetent);
    public bool PicksTown => User.Can(Permissions.RanksPickTown);
    public bool CanDemote => User.Can(Permissions.RanksDemote);
    public int DefaultYear => h.Today.Year - 1;
    /// <summary>Why no 晋升办法 is in force today (null when one is): promotions can be neither proposed nor approved.</summary>
    public string? NoPolicy { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        NoPolicy = await policies.MissingAsync(ct: ct);
        Rows = await h.ProposalsAsync(new ProposalFilter(State, Town, null), new PageRequest(PageNumber, null), ct);
        if (PicksTown) Towns = await h.TownsAsync(ct);
        if (CanDemote)
        {
            Vetoes = (await conduct.ListAsync(new ConductFilter(null, null, ConductKind.Veto, Withdrawn: false), new PageRequest(1, PageRequest.MaxSize), ct)).Items;
            if (CanDemoteIncompetent) Cadres = await conduct.CadresAsync(null, ct);
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private string Back => $"/Ranks/Proposals?state={State}&town={Town}&page={PageNumber ?? 1}";

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!CanApprove) return Forbid();
        ProposalView? p = null;
        if (!await this.RunRuleAsync(async () => p = await h.ApproveAsync(id, ct))) return await Again(ct);
        if (p is null) return NotFound();
        Message = $"已批复：{p.CadreName} {PromotionHandlers.KindName(p.Kind)}为 {p.ToRank} 级，自 {p.EffectiveFrom:yyyy-MM-dd} 起生效";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct)
    {
        if (!CanApprove) return Forbid();
        var p = await this.RunCommandAsync(rejectValidator, new RejectProposal(Reason), c => h.RejectAsync(id, c, ct), ct);
        if (p is null) return ModelState.IsValid ? NotFound() : await Again(ct);
        Message = $"已不予批准：{p.CadreName}";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostDemoteAsync(CancellationToken ct)
    {
        if (!CanDemote) return Forbid();
        await LoadAsync(ct);
        var cadreId = Ground == DemotionGround.Veto ? Vetoes.FirstOrDefault(v => v.Id == VetoRecordId)?.CadreId ?? 0 : DemoteCadreId ?? 0;
        var command = new ProposeDemotion(cadreId, Ground, Ground == DemotionGround.AnnualIncompetent ? Year : null,
            Ground == DemotionGround.Veto ? VetoRecordId : null, Note);
        var p = await this.RunCommandAsync(demotionValidator, command, c => h.ProposeDemotionAsync(c, ct), ct);
        if (p is null) return ModelState.IsValid ? NotFound() : Page();
        Message = $"已申请降级：{p.CadreName} {p.FromRank} 级 → {p.ToRank} 级，待县委组织部批复";
        return Redirect(Back);
    }
}
