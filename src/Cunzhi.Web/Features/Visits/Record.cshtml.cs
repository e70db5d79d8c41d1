using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>
/// 记走访 (/Visits/Record?round=&amp;household=): one phone screen — the day (today), who went (me), companions, notes, and
/// the matters raised (none is fine), each a real matter saved with the visit. With matters the answer shows their
/// receipt codes once (no redirect: the codes are in no URL, log or TempData); without, back to the phone list.
/// </summary>
[Authorize(Policy = Permissions.VisitsRecord)]
public sealed class RecordModel(VisitRecording visits, VisitPlanning planning, TimeProvider clock, IValidator<RecordVisit> validator) : PageModel
{
    /// <summary>Matter rows on the screen (blank rows are ignored).</summary>
    public const int MatterRows = 3;

    [BindProperty(SupportsGet = true)] public long Round { get; set; }
    [BindProperty(SupportsGet = true)] public long Household { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Companions { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<MatterRow> Raised { get; set; } = [];
    [TempData] public string? Message { get; set; }

    /// <summary>One matter row of the form.</summary>
    public sealed class MatterRow
    {
        public MatterKind Kind { get; set; } = MatterKind.MicroMatter;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description);
    }

    public RoundView RoundView { get; private set; } = null!;
    public VisitListItem? Target { get; private set; }
    public DateOnly Today => clock.Today();
    /// <summary>The visit just saved with its matters' receipt codes (shown once).</summary>
    public VisitView? Saved { get; private set; }
    /// <summary>This household's visits in the round (latest first) and the matters each raised.</summary>
    public IReadOnlyList<VisitView> Earlier { get; private set; } = [];
    public ILookup<long, VisitMatterLine> EarlierMatters { get; private set; } = Array.Empty<VisitMatterLine>().ToLookup(m => m.VisitId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await planning.GetAsync(Round, ct) is not { } round) return NotFound();
        RoundView = round;
        Target = await visits.HouseholdAsync(Round, Household, ct);
        if (Target is not null && await visits.VisitsAsync(Round, Household, new PageRequest(1, 20), ct) is { } earlier)
        {
            Earlier = earlier.Items;
            EarlierMatters = (await visits.MattersOfAsync(Earlier.Select(v => v.Id).ToList(), ct)).ToLookup(m => m.VisitId);
        }
        while (Raised.Count < MatterRows) Raised.Add(new MatterRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var found = true;
        var matters = Raised.Where(r => !r.IsBlank).Select(r => new RaisedMatter(r.Kind, r.Title, r.Description)).ToList();
        var saved = await this.RunCommandAsync(validator, new RecordVisit(Household, Date, null, Companions, Notes, matters), async c =>
        {
            var v = await visits.RecordAsync(Round, c, ct);
            found = v is not null;
            return v;
        }, ct);
        if (saved is not null && saved.Raised is not { Count: > 0 })
        {
            Message = $"已记录走访：{saved.Number} {saved.HeadName}户（{saved.Date:MM-dd}）";
            return Redirect($"/Visits/Mine?round={Round}");
        }
        if (!found) return NotFound();
        if (saved is not null)
        {
            ModelState.Clear();
            Saved = saved;
            Raised = [];
        }
        return await OnGetAsync(ct);
    }
}
