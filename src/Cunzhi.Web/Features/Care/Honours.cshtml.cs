using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>荣誉表彰 (/Care/Honours?village=&amp;level=): the honours in scope (paged); a county or town records one for a village's cadre and withdraws one entered in error.</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class HonoursModel(Honours honours, AppDbContext db, TimeProvider clock, IValidator<RecordHonour> validator, IValidator<WithdrawHonour> withdrawValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public CommendationLevel? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public CommendationLevel NewLevel { get; set; } = CommendationLevel.County;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AwardedBy { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    /// <summary>奖金 in yuan as typed (two decimals at most).</summary>
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public long HonourId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<HonourView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, bool InOffice)> Cadres { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.CareHonoursEdit) && CarePageLists.CountyOrTown(db);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Villages = await CarePageLists.VillagesAsync(db, ct);
        Cadres = await CarePageLists.CadresAsync(db, Village, ct);
        List = await honours.ListAsync(new HonourFilter(Village, Level is { } l && Enum.IsDefined(l) ? l : null, null), new PageRequest(PageNumber, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        // Out of range before the cast: a huge amount typed in yuan must be a message, not an overflow.
        long? fen = Amount is { } yuan and >= 0 and <= Honour.MaxAmountFen / 100 ? (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero) : null;
        if (Amount is not null && fen is null) ModelState.AddModelError(nameof(Amount), $"奖金应在 0 至 {Honour.MaxAmountFen / 100:N0} 元之间");
        else if (Amount is { } a && (a * 100m) != Math.Truncate(a * 100m)) ModelState.AddModelError(nameof(Amount), "奖金最多两位小数（元）");
        else if (await this.RunCommandAsync(validator, new RecordHonour(CadreId, NewLevel, Title, AwardedBy, Date, fen),
                     async c => await honours.RecordAsync(c, ct) ?? throw new RuleException("care.cadre", "CadreId", Honours.NotFound), ct) is { } h)
        {
            Message = $"已登记 {h.CadreName} 的{h.LevelName}荣誉「{h.Title}」" + (h.ConductRecordId is null ? "" : "，已计入晋升加分");
            return Redirect($"/Care/Honours?village={h.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(withdrawValidator, new WithdrawHonour(Reason),
                async c => await honours.WithdrawAsync(HonourId, c, ct) ?? throw new RuleException("care.honour", "HonourId", Honours.NotFound), ct) is { } h)
        {
            Message = $"已撤销 {h.CadreName} 的荣誉「{h.Title}」";
            return Redirect($"/Care/Honours?village={h.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
