using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Pay;

/// <summary>奖励: 好支书 awards (county grants) and income-increment rewards (village enters, or the town for one of its villages; town approves with the paying month).</summary>
[Authorize(Policy = Permissions.IncomeRewardsRead)]
public sealed class RewardsModel(RewardHandlers h, IValidator<GrantAward> grantValidator, IValidator<EnterIncome> incomeValidator, IValidator<ApproveIncome> approveValidator,
    IValidator<SetShares> sharesValidator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public int AwardYear { get; set; }
    [BindProperty] public int PayYear { get; set; }
    [BindProperty] public int PayMonth { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ThisYear { get; set; }
    [BindProperty] public string? LastYear { get; set; }
    [BindProperty] public string? Village { get; set; }
    [BindProperty] public long RewardId { get; set; }
    [BindProperty] public List<ShareWeight> Weights { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public Paged<AwardView>? Awards { get; private set; }
    public Paged<IncomeRewardView> Income { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<(long Id, string Name, string Village)> Secretaries { get; private set; } = [];
    /// <summary>The town's villages, for entering incomes on a village's behalf.</summary>
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool CanGrant => User.Can(Permissions.AwardsGrant);
    /// <summary>Whether the account may open a secretary's 积分情况 (read-only evidence, /Points/Evidence).</summary>
    public bool CanReadPoints => User.Can(Permissions.PointsLedgerRead);
    /// <summary>The town approves, and enters for its villages.</summary>
    public bool IsTown => User.Can(Permissions.IncomeRewardsApprove);
    public bool IsVillage => User.Can(Permissions.IncomeRewardsEnter) && !IsTown;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (User.Can(Permissions.AwardsRead)) Awards = await h.AwardsAsync(Year, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
        if (CanGrant) Secretaries = await h.SecretariesAsync(ct);
        if (IsTown) Villages = await h.VillagesAsync(ct);
        Income = await h.IncomeRewardsAsync(Year, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
        var today = clock.Today();
        if (AwardYear == 0) (AwardYear, PayYear, PayMonth) = (today.Year, today.Year, today.Month);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<IActionResult> Done<T>(T? result, string message, CancellationToken ct) where T : class
    {
        if (result is null) { if (ModelState.IsValid) return NotFound(); await LoadAsync(ct); return Page(); }
        Message = message;
        return Redirect("/Pay/Rewards");
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct) => !CanGrant ? Forbid()
        : await Done(await this.RunCommandAsync(grantValidator, new GrantAward(CadreId, AwardYear, PayYear, PayMonth, null, Note), c => h.GrantAsync(c, ct), ct), "已授予好支书奖励", ct);

    public async Task<IActionResult> OnPostIncomeAsync(CancellationToken ct)
    {
        if (!(IsVillage || IsTown)) return Forbid();
        var (a, b) = (PayNames.ParseYuan(ThisYear), PayNames.ParseYuan(LastYear));
        if (a is null || b is null) { ModelState.AddModelError(nameof(ThisYear), "收益请填写数字（元，至多两位小数）"); await LoadAsync(ct); return Page(); }
        // The village cadre always enters its own village; the town names one of its villages.
        var command = new EnterIncome(AwardYear, a.Value, b.Value, IsTown ? Village : null);
        return await Done(await this.RunCommandAsync(incomeValidator, command, c => h.EnterIncomeAsync(c, ct), ct), IsTown ? "已代村填报，请审核" : "已填报，等待乡镇审核", ct);
    }

    public async Task<IActionResult> OnPostSharesAsync(CancellationToken ct) => !(IsTown || IsVillage) ? Forbid()
        : await Done(await this.RunCommandAsync(sharesValidator, new SetShares(Weights), c => h.SetSharesAsync(RewardId, c, ct), ct), "已保存分配权重", ct);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => !IsTown ? Forbid()
        : await Done(await this.RunCommandAsync(approveValidator, new ApproveIncome(PayYear, PayMonth), c => h.ApproveIncomeAsync(RewardId, c, ct), ct), "已审核", ct);
}
