using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Ranks;

/// <summary>
/// 履职记录: the list (filter, paging; withdrawn records struck through with the reason) and the form — discipline enters
/// sanctions, investigations, complaints, audit findings, vetoes; the town absence and commendations; each withdraws its own kinds.
/// </summary>
[Authorize(Policy = Permissions.ConductRead)]
public sealed class ConductModel(ConductHandlers h, PolicyHandlers policies, PromotionHandlers promotions, IValidator<RecordConduct> validator,
    IValidator<CloseConduct> closeValidator, IValidator<WithdrawConduct> withdrawValidator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public ConductKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long? CadreId { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public RecordForm Form { get; set; } = new();
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public string? WithdrawReason { get; set; }
    [TempData] public string? Message { get; set; }

    public sealed class RecordForm
    {
        public long CadreId { get; set; }
        public ConductKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public DateOnly? EndDate { get; set; }
        public int? Days { get; set; }
        public CommendationLevel? Level { get; set; }
        public string? VetoReason { get; set; }
        public string? Description { get; set; }
    }

    public Paged<ConductView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<ConductKind> Kinds { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, string Village)> Cadres { get; private set; } = [];
    public IReadOnlyList<TownOption> Towns { get; private set; } = [];
    public IReadOnlyList<string> VetoReasons { get; private set; } = [];
    public bool CanClose => User.Can(Permissions.ConductClose);
    public bool IsTown => RegionCodes.LevelOf(User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value) == RegionLevel.Town;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await h.ListAsync(new ConductFilter(CadreId, Region, Kind), new PageRequest(PageNumber, null), ct);
        Kinds = ConductHandlers.KindsFor(User);
        if (!IsTown) Towns = await promotions.TownsAsync(ct);
        // The cadre list of the form: the town's own, or the chosen town's for county-wide accounts (a county is too long a list).
        if (Kinds.Count > 0 && (IsTown || RegionCodes.LevelOf(Region) is RegionLevel.Town or RegionLevel.Village)) Cadres = await h.CadresAsync(Region, ct);
        VetoReasons = (await policies.InForceAsync(policies.County, Today, ct))?.VetoReasons ?? [];
        if (Form.Date is null) Form.Date = Today;
        if (Form.Kind == 0 && Kinds.Count > 0) Form.Kind = Kinds[0];
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private string Back => $"/Ranks/Conduct?region={Region}&kind={Kind}&cadreId={CadreId}";

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!ConductHandlers.KindsFor(User).Contains(Form.Kind)) return Forbid();
        var f = Form;
        var r = await this.RunCommandAsync(validator, new RecordConduct(f.CadreId, f.Kind, f.Date, f.EndDate, f.Kind == ConductKind.Absence ? f.Days : null,
            f.Kind == ConductKind.Commendation ? f.Level : null, f.Kind == ConductKind.Veto ? f.VetoReason : null, f.Description), c => h.RecordAsync(c, ct), ct);
        if (r is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已登记：{r.CadreName} {r.KindName}（{r.Date:yyyy-MM-dd}）";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!CanClose) return Forbid();
        var r = await this.RunCommandAsync(closeValidator, new CloseConduct(EndDate), c => h.CloseAsync(id, c, ct), ct);
        if (r is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已办结：{r.CadreName} {r.KindName}";
        return Redirect(Back);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (await h.KindOfAsync(id, ct) is not { } kind) return NotFound();
        if (!ConductHandlers.KindsFor(User).Contains(kind)) return Forbid();
        var r = await this.RunCommandAsync(withdrawValidator, new WithdrawConduct(WithdrawReason), c => h.WithdrawAsync(id, c, ct), ct);
        if (r is null)
        {
            if (ModelState.IsValid) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已撤销：{r.CadreName} {r.KindName}（{r.Date:yyyy-MM-dd}），不再计入晋升资格";
        return Redirect(Back);
    }
}
