using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Cunzhi.Web.Features.Matters;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 积分台账: propose (one phone screen: who, which item, what happened), the review list (approve / refuse), the 公示 list
/// with objections (record, review), and entries in force (reverse). Towns and the county read it.
/// </summary>
[Authorize(Policy = Permissions.PointsLedgerRead)]
public sealed class LedgerModel(PointsLedger ledger, PointsApproval approval, PointsObjections objections, IValidator<ProposePoints> proposeValidator,
    IValidator<RejectPoints> rejectValidator, IValidator<ObjectPoints> objectValidator, IValidator<ReviewObjection> reviewValidator,
    IValidator<ReversePoints> reverseValidator, PointsVillages villages, MatterLinks matterLinks) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    /// <summary>Name filter of the holder list of the proposal form (a village may have more households than one list shows).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public ProposeForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ObjectorName { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public sealed class ProposeForm
    {
        /// <summary>"Household:12" or "PartyMember:34".</summary>
        public string? Holder { get; set; }
        public string? ItemCode { get; set; }
        public DateOnly? Date { get; set; }
        public string? Note { get; set; }
        public string? Evidence { get; set; }
    }

    public Paged<PointsEntryView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public Dictionary<long, IReadOnlyList<ObjectionView>> Objections { get; } = [];
    public IReadOnlyList<PointsHolder> Holders { get; private set; } = [];
    public long HoldersTotal { get; private set; }
    public IReadOnlyList<PointsItem> Items { get; private set; } = [];
    /// <summary>The villages a town or county account may choose (empty for a village account).</summary>
    public IReadOnlyList<PointsVillage> Villages { get; private set; } = [];
    public int? PolicyVersion { get; private set; }
    public bool CanPropose => User.Can(Permissions.PointsPropose);
    public bool CanDecide => User.Can(Permissions.PointsApprove);
    /// <summary>登记诉求 on a row: the account may register matters.</summary>
    public bool CanRaiseMatter => User.Can(Permissions.MattersRegister);
    /// <summary>The matters raised from the listed entries.</summary>
    public ILookup<long, MatterLine> RaisedMatters { get; private set; } = Array.Empty<MatterLine>().ToLookup(m => m.Id);
    public string UserName => User.Identity?.Name ?? "";

    /// <summary>The village whose public board (积分公示栏) the 公示 tab links to: the chosen region or the account's own, when a village.</summary>
    public string? BoardVillage => new[] { Region?.Trim(), User.FindFirstValue(CunzhiClaims.Region) }
        .FirstOrDefault(c => Domain.Regions.RegionCodes.LevelOf(c) == Domain.Regions.RegionLevel.Village);
    /// <summary>The board's address for the QR code to print and post on the village notice board.</summary>
    public string? BoardUrl => BoardVillage is { } v ? $"{Evaluations.EvaluationsModule.BaseUrl(Request)}/Gongshi/{v}" : null;

    public PointsEntryState? State => Tab switch
    {
        "publicity" => PointsEntryState.Publicity,
        "inforce" => PointsEntryState.InForce,
        "all" => null,
        _ => PointsEntryState.Proposed,
    };

    private string Back => $"/Points/Ledger?tab={Tab}&region={Region}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await ledger.ListAsync(new PointsFilter(State, Region: Region), new PageRequest(PageNumber, null), ct);
        RaisedMatters = await matterLinks.OfPointsEntriesAsync(Rows.Items.Select(r => r.Id).ToList(), ct);
        if (!CanPropose) Villages = await villages.InScopeAsync(ct);
        if (State == PointsEntryState.Publicity)
            foreach (var r in Rows.Items.Where(r => r.PendingObjections > 0 || r.State == PointsEntryState.Publicity))
                Objections[r.Id] = await ledger.ObjectionsAsync(r.Id, ct);
        if (CanPropose)
        {
            var holders = await ledger.HoldersAsync(Q?.Length > 50 ? Q[..50] : Q, new PageRequest(1, PageRequest.MaxSize), ct);
            (Holders, HoldersTotal) = (holders.Items, holders.Total);
            var (county, own) = await ledger.ItemsAsync(ct);
            PolicyVersion = county?.Version;
            Items = [.. county?.Items ?? [], .. own.Select(i => i.AsItem())];
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private static (PointsHolderKind, long) ParseHolder(string? holder)
    {
        var parts = (holder ?? "").Split(':');
        return parts.Length == 2 && Enum.TryParse<PointsHolderKind>(parts[0], out var k) && Enum.IsDefined(k) && long.TryParse(parts[1], out var id) ? (k, id) : (0, 0);
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!CanPropose) return Forbid();
        var (kind, id) = ParseHolder(Form.Holder);
        var e = await this.RunCommandAsync(proposeValidator, new ProposePoints(kind, id, Form.ItemCode, null, Form.Date, Form.Note, Form.Evidence), c => ledger.ProposeAsync(c, ct), ct);
        if (e is null)
        {
            if (ModelState.IsValid) ModelState.AddModelError("", PointsLedger.HolderNotFound);
            return await Again(ct);
        }
        Message = $"已提出：{e.HolderName} {e.ItemName} {PointsNames.Points(e.Points)} 分，待村两委其他成员审核";
        return Redirect("/Points/Ledger?tab=pending");
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        PointsEntryView? e = null;
        if (!await this.RunRuleAsync(async () => e = await approval.ApproveAsync(id, ct))) return await Again(ct);
        if (e is null) return NotFound();
        Message = $"已审核通过：{e.HolderName} {e.ItemName}，公示至 {e.PublicityUntil:yyyy-MM-dd}";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var e = await this.RunCommandAsync(rejectValidator, new RejectPoints(Reason), c => approval.RejectAsync(id, c, ct), ct);
        if (e is null) return ModelState.IsValid ? NotFound() : await Again(ct);
        Message = $"已退回：{e.HolderName} {e.ItemName}";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostObjectAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var o = await this.RunCommandAsync(objectValidator, new ObjectPoints(ObjectorName, Reason), c => objections.RaiseAsync(id, c, ct), ct);
        if (o is null) return ModelState.IsValid ? NotFound() : await Again(ct);
        Message = "已登记异议，复核前该记录不生效";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostReviewAsync(long id, bool upheld, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var o = await this.RunCommandAsync(reviewValidator, new ReviewObjection(upheld, Note), c => objections.ReviewAsync(id, c, ct), ct);
        if (o is null) return ModelState.IsValid ? NotFound() : await Again(ct);
        Message = upheld ? "异议成立，该积分记录已作废" : "异议不成立，该积分记录继续公示（公示期满即生效）";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostReverseAsync(long id, CancellationToken ct)
    {
        if (!CanDecide) return Forbid();
        var e = await this.RunCommandAsync(reverseValidator, new ReversePoints(Reason), c => approval.ReverseAsync(id, c, ct), ct);
        if (e is null) return ModelState.IsValid ? NotFound() : await Again(ct);
        Message = $"已冲销：{e.HolderName} {PointsNames.Points(e.Points)} 分";
        return Redirect(Back);
    }
}
