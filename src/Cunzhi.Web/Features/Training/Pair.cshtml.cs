using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Training;

/// <summary>一对帮带 (/Training/Pair?id=): the pair, its period and state, the monthly notes; the town writes a month's note and changes the mentor.</summary>
[Authorize(Policy = Permissions.MentoringRead)]
public sealed class PairModel(Mentoring mentoring, TimeProvider clock, IValidator<WriteMentorLog> validator, IValidator<ChangeMentor> changeValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public DateOnly? Month { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? MentorName { get; set; }
    [BindProperty] public string? MentorPost { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? ChangeDate { get; set; }
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public PairDetail Detail { get; private set; } = null!;
    public bool CanManage => User.Can(Permissions.MentoringManage);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mentoring.PairAsync(Id, new PageRequest(PageNumber, 24), ct) is not { } d) return NotFound();
        Detail = d;
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var found = true;
        var log = await this.RunCommandAsync(validator, new WriteMentorLog(Month ?? default, Note),
            async c => { var r = await mentoring.WriteLogAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (log is not null)
        {
            Message = $"已记录 {log.Month:yyyy-MM} 的帮带情况";
            return Redirect($"/Training/Pair?id={Id}");
        }
        if (!found) ModelState.AddModelError("", Mentoring.PairNotFound);
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var found = true;
        var pair = await this.RunCommandAsync(changeValidator, new ChangeMentor(MentorName, MentorPost, Reason, ChangeDate, null, Version),
            async c => { var r = await mentoring.ChangeMentorAsync(Id, c, ct); found = r is not null; return r; }, ct);
        if (pair is not null)
        {
            Message = $"已更换帮带领导为 {pair.MentorPost} {pair.MentorName}，新结对自 {pair.StartDate:yyyy-MM-dd} 起";
            return Redirect($"/Training/Pair?id={pair.Id}");
        }
        if (!found) ModelState.AddModelError("", Mentoring.PairNotFound);
        return await OnGetAsync(ct);
    }
}
