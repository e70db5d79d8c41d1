using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Grid;

/// <summary>
/// 村网格 (/Grid/Village?code=): a village's net as a tree — grid (grid member) → villager group (responsible cadre) →
/// households with their linked Party member, a group's households a page at a time; phone-first, the forms folded in
/// &lt;details&gt;. A village cadre lands on their own village; towns and the county come from the coverage drill-down.
/// </summary>
[Authorize(Policy = Permissions.GridRead)]
public sealed class VillageModel(VillageNet net, NetLinking links, NetHistory history, TimeProvider clock,
    IValidator<LinkCadre> linkCadre, IValidator<LinkMember> linkMember, IValidator<AssignGridMember> assign, IValidator<EndLink> end, IValidator<PlaceGroup> place) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    /// <summary>The villager group whose households are listed ("none": households in no group).</summary>
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    /// <summary>联系历史: the village's ended links of this kind instead of the tree.</summary>
    [BindProperty(SupportsGet = true)] public NetHistoryKind? History { get; set; }

    [BindProperty] public string? GroupCode { get; set; }
    [BindProperty] public string? GridCode { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public long HouseholdId { get; set; }
    [BindProperty] public long ResidentId { get; set; }
    /// <summary>A grid member: "c:{cadre id}" or "r:{resident id}".</summary>
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public DateOnly? FromDate { get; set; }
    [BindProperty] public DateOnly? ToDate { get; set; }
    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public VillageNetView? Net { get; private set; }
    public Paged<HouseholdNode>? Households { get; private set; }
    public Paged<NetHistoryRow>? HistoryRows { get; private set; }
    public string? GroupName { get; private set; }
    public bool CanManage => User.Can(Permissions.GridManage);
    public bool CanSeeCoverage => User.Can(Permissions.GridCoverageRead);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            var own = User.FindFirstValue(CunzhiClaims.Region);
            if (RegionCodes.LevelOf(own) == RegionLevel.Village) Code = own;
            else return Redirect("/Grid/Coverage");
        }
        await LoadAsync(ct);
        return Net is null ? NotFound() : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Net = await net.GetAsync(Code ?? "", ct);
        if (Net is null) return;
        if (History is { } kind && Enum.IsDefined(kind))
        {
            HistoryRows = await history.EndedAsync(Net.Code, kind, new PageRequest(PageNumber, 30), ct);
            return;
        }
        if (string.IsNullOrWhiteSpace(Group)) return;
        var group = Group == "none" ? null : Group;
        GroupName = group is null ? "未分组农户"
            : Net.Grids.SelectMany(g => g.Groups).Concat(Net.UnplacedGroups).FirstOrDefault(g => g.Code == group)?.Name;
        if (group is not null && GroupName is null) return;
        Households = await net.HouseholdsAsync(Net.Code, group, new PageRequest(PageNumber, 30), ct);
    }

    private string Back => $"/Grid/Village?code={Uri.EscapeDataString(Code ?? "")}" + (string.IsNullOrWhiteSpace(Group) ? "" : $"&group={Uri.EscapeDataString(Group)}");

    private async Task<IActionResult> RunAsync<TCommand, TResult>(IValidator<TCommand> validator, TCommand command, Func<TCommand, Task<TResult?>> handler, string notFound,
        string done, CancellationToken ct) where TResult : class
    {
        if (!CanManage) return Forbid();
        var found = true;
        var result = await this.RunCommandAsync(validator, command, async c =>
        {
            var r = await handler(c);
            found = r is not null;
            return r;
        }, ct);
        if (result is not null)
        {
            Message = done;
            return Redirect(Back);
        }
        if (!found) ModelState.AddModelError("", notFound);
        await LoadAsync(ct);
        return Net is null ? NotFound() : Page();
    }

    private DateOnly From => FromDate ?? Today;

    public Task<IActionResult> OnPostLinkCadreAsync(CancellationToken ct) =>
        RunAsync(linkCadre, new LinkCadre(GroupCode ?? "", CadreId, From), c => links.LinkCadreAsync(c, ct), NetLinking.GroupNotFound, "已安排联系干部", ct);

    public Task<IActionResult> OnPostEndCadreLinkAsync(CancellationToken ct) =>
        RunAsync(end, new EndLink(ToDate ?? Today) { Version = Version }, c => links.EndCadreLinkAsync(Id, c, ct), NetLinking.LinkNotFound, "已结束联系", ct);

    public Task<IActionResult> OnPostLinkMemberAsync(CancellationToken ct) =>
        RunAsync(linkMember, new LinkMember(HouseholdId, ResidentId, From), c => links.LinkMemberAsync(c, ct), NetLinking.HouseholdNotFound, "已安排联户党员", ct);

    public Task<IActionResult> OnPostEndMemberLinkAsync(CancellationToken ct) =>
        RunAsync(end, new EndLink(ToDate ?? Today) { Version = Version }, c => links.EndMemberLinkAsync(Id, c, ct), NetLinking.LinkNotFound, "已结束联系", ct);

    public Task<IActionResult> OnPostAssignGridMemberAsync(CancellationToken ct)
    {
        long? cadre = null, resident = null;
        if (Person is { Length: > 2 } p && long.TryParse(p[2..], out var id))
        {
            if (p.StartsWith("c:", StringComparison.Ordinal)) cadre = id;
            else if (p.StartsWith("r:", StringComparison.Ordinal)) resident = id;
        }
        return RunAsync(assign, new AssignGridMember(GridCode ?? "", cadre, resident, From), c => links.AssignGridMemberAsync(c, ct), NetLinking.GridNotFound, "已任命网格员", ct);
    }

    public Task<IActionResult> OnPostEndGridMemberAsync(CancellationToken ct) =>
        RunAsync(end, new EndLink(ToDate ?? Today) { Version = Version }, c => links.EndGridMemberAsync(Id, c, ct), NetLinking.LinkNotFound, "已结束网格员任职", ct);

    public Task<IActionResult> OnPostPlaceGroupAsync(CancellationToken ct) =>
        RunAsync(place, new PlaceGroup(GridCode ?? "") { Version = Version }, c => links.PlaceGroupAsync(GroupCode ?? "", c, ct), NetLinking.GroupNotFound, "已划入网格", ct);
}

/// <summary>One villager group on the village page, with what its forms need.</summary>
public sealed record GroupNodeModel(GroupNode Group, VillageNetView Net, bool CanManage, string Today);
