using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>One matter: its facts, its history (never edited) and the steps the account's level may take now.</summary>
[Authorize(Policy = Permissions.MattersRead)]
public sealed class DetailModel(MatterDesk desk, MatterLinks links) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [TempData] public string? Message { get; set; }

    public MatterDetail? Matter { get; private set; }
    public MatterLevel? MyLevel { get; private set; }
    /// <summary>The visit or points entry it was raised from, if any.</summary>
    public MatterOrigin? Origin { get; private set; }
    public bool CanHandle => User.Can(Permissions.MattersHandle);
    /// <summary>The account's level holds the matter now.</summary>
    public bool AtMyLevel => CanHandle && Matter is { } d && d.Matter.Level == MyLevel;

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        MyLevel = MatterRules.LevelOf(RegionCodes.LevelOf(User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value));
        Matter = await desk.GetAsync(id, ct);
        if (Matter is { } d && (d.Matter.VisitId is not null || d.Matter.PointsEntryId is not null)) Origin = await links.OriginAsync(d.Matter, ct);
        return Matter is not null;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<MatterDetail?>> step, CancellationToken ct)
    {
        if (!CanHandle) return Forbid();
        MatterDetail? result = null;
        var ran = false;
        try { ran = await this.RunRuleAsync(async () => result = await step()); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", ConcurrencyVersions.StaleMessage); }
        if (ran && result is null) return NotFound();
        if (ran)
        {
            Message = done;
            return Redirect($"/Matters/{id}");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已受理", () => desk.AcceptAsync(id, new AcceptMatter(Owner, DueOn) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已开始办理", () => desk.StartAsync(id, new StartMatter { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostFinishAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已办结，等待群众确认", () => desk.FinishAsync(id, new FinishMatter(Text) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostEscalateAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已提级", () => desk.EscalateAsync(id, new EscalateMatter(Text) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostSendDownAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已退回下级", () => desk.SendDownAsync(id, new SendDownMatter(Text) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostDueAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已调整办理期限", () => desk.SetDueAsync(id, new SetMatterDue(DueOn, Text) { Version = Version }, ct), ct);

    public Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct) =>
        StepAsync(id, "已重新办理", () => desk.ReopenAsync(id, new ReopenMatter(Text) { Version = Version }, ct), ct);
}
