using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>One town of the picking tree with its villages (code order).</summary>
public sealed record TownVillages(string Code, string Name, IReadOnlyList<(string Code, string Name)> Villages);

/// <summary>
/// 开启评议 (county): the villages are picked from a tree of the account's towns and their villages (checking a town
/// checks its villages, wwwroot/js/evaluation-open.js; without script the villages are plain checkboxes grouped by town).
/// The form posts the village codes; each must be a village of the tree — that is, existing and in the account's scope
/// (the data context filters the tree) — or the whole post is refused with 400 naming the bad codes.
/// </summary>
[Authorize(Policy = Permissions.EvaluationsOpen)]
public sealed class OpenModel(EvaluationHandlers evaluations, IValidator<OpenWindows> validator, AppDbContext db, TimeProvider clock) : PageModel
{
    public const string UnknownVillagesMessage = "以下村代码不存在或不在本账号管辖范围内：{0}";

    [BindProperty] public List<string> Villages { get; set; } = [];
    [BindProperty] public int Year { get; set; }
    [BindProperty] public DateTime? OpensAt { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }

    public IReadOnlyList<TownVillages> Towns { get; private set; } = [];
    public int VillageCount => Towns.Sum(t => t.Villages.Count);
    public OpenWindowsResult? Result { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var towns = await db.Regions.AsNoTracking().Towns().Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var villages = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).ToLookup(v => RegionCodes.TownOf(v.Code));
        Towns = towns.Select(t => new TownVillages(t.Code, t.Name, villages[t.Code].Select(v => (v.Code, v.Name)).ToList()))
            .Where(t => t.Villages.Count > 0).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var now = clock.GetLocalNow().DateTime;
        Year = now.Year;
        OpensAt = now.Date.AddDays(7).AddHours(9);
        ClosesAt = now.Date.AddDays(7).AddHours(17);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var picked = Villages.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToList();
        var known = Towns.SelectMany(t => t.Villages).Select(v => v.Code).ToHashSet();
        var unknown = picked.Where(v => !known.Contains(v)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(nameof(Villages), string.Format(UnknownVillagesMessage, string.Join("、", unknown.Take(10)) + (unknown.Count > 10 ? $" 等 {unknown.Count} 个" : "")));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Villages = picked;
        Result = await this.RunCommandAsync(validator, new OpenWindows(picked, Year, OpensAt, ClosesAt), async c => (OpenWindowsResult?)await evaluations.OpenAsync(c, ct), ct);
        return Page();
    }
}
