using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>记走访 (/Visits/Record?round=&amp;household=): one phone screen — the day (today), who went (me), companions, notes, matters raised (none is fine).</summary>
[Authorize(Policy = Permissions.VisitsRecord)]
public sealed class RecordModel(VisitRecording visits, VisitPlanning planning, TimeProvider clock, IValidator<RecordVisit> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Round { get; set; }
    [BindProperty(SupportsGet = true)] public long Household { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Companions { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public int? MattersRaised { get; set; }
    [BindProperty] public string? MattersText { get; set; }
    [TempData] public string? Message { get; set; }

    public RoundView RoundView { get; private set; } = null!;
    public VisitListItem? Target { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await planning.GetAsync(Round, ct) is not { } round) return NotFound();
        RoundView = round;
        Target = await visits.HouseholdAsync(Round, Household, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var found = true;
        var saved = await this.RunCommandAsync(validator, new RecordVisit(Household, Date, null, Companions, Notes, MattersRaised, MattersText), async c =>
        {
            var v = await visits.RecordAsync(Round, c, ct);
            found = v is not null;
            return v;
        }, ct);
        if (saved is not null)
        {
            Message = $"已记录走访：{saved.Number} {saved.HeadName}户（{saved.Date:MM-dd}）";
            return Redirect($"/Visits/Mine?round={Round}");
        }
        if (!found) return NotFound();
        return await OnGetAsync(ct);
    }
}
