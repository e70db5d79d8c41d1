using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>One grid row as posted: a cadre and a score per indicator code (blank rows are skipped).</summary>
public sealed class GridInput
{
    public long CadreId { get; set; }
    public Dictionary<string, decimal?> Scores { get; set; } = [];
}

/// <summary>月度考评 / 季度考核: one grid per village or town — a row per cadre, an input per indicator, saved together.</summary>
[Authorize(Policy = Permissions.AssessmentReviewsRead)]
public sealed class ScoresModel(ReviewHandlers reviews, LedgerHandlers ledger, IValidator<SaveScores> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReviewKind Kind { get; set; } = ReviewKind.Monthly;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public List<GridInput> Rows { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public ScoreGrid Grid { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool CanScore => User.Can(Permissions.AssessmentReviewsScore);
    public (DateOnly From, DateOnly To) Dates => ReviewHandlers.Dates(Kind, Year!.Value, Period!.Value);

    private void Defaults()
    {
        // Default: the last finished period (what a town scores at the start of a month or quarter).
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var last = Kind == ReviewKind.Monthly ? today.AddMonths(-1) : today.AddMonths(-3);
        Year ??= last.Year;
        Period ??= Kind == ReviewKind.Monthly ? last.Month : (last.Month + 2) / 3;
        if (Period < 1 || Period > PeriodReview.PeriodsIn(Kind)) Period = 1;
        if (Year is < 2000 or > 2100) Year = today.Year;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Defaults();
        Grid = await reviews.GridAsync(Kind, Year!.Value, Period!.Value, Region, new PageRequest(PageNumber, PageRequest.MaxSize), ct);
        Villages = (await ledger.CadresAsync(null, ct)).GroupBy(c => c.VillageCode).Select(g => (g.Key, g.First().VillageName)).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanScore) return Forbid();
        Defaults();
        var filled = Rows.Where(r => r.Scores.Values.Any(v => v is not null)).Select(r => new CadreScores(r.CadreId, r.Scores)).ToList();
        var command = new SaveScores(Kind, Year!.Value, Period!.Value, filled);
        var result = await this.RunCommandAsync(validator, command, async c =>
        {
            var (errors, missing) = await reviews.SaveAsync(c, ct);
            if (missing) return "missing";
            if (errors is not null)
            {
                foreach (var (k, msgs) in errors) foreach (var m in msgs) ModelState.AddModelError(k, m);
                return null;
            }
            return "ok";
        }, ct);
        if (result == "missing") return NotFound();
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已保存 {filled.Count} 人的评分";
        return Redirect($"/Assessment/Scores/{Kind}?year={Year}&period={Period}&region={Region}&page={PageNumber}");
    }

    /// <summary>The posted value of a cell when the page is shown again after an error, else the saved score.</summary>
    public string Cell(int row, GridRow r, string code)
    {
        var posted = Rows.FirstOrDefault(x => x.CadreId == r.CadreId);
        if (posted is not null) return posted.Scores.GetValueOrDefault(code)?.ToString("0.##") ?? "";
        return r.Scores?.GetValueOrDefault(code) is { } s ? s.ToString("0.##") : "";
    }
}
