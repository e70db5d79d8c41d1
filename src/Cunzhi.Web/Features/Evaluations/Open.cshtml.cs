using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>开启评议 (county): a town or the whole county (all its villages), or listed villages; year and period.</summary>
[Authorize(Policy = Permissions.EvaluationsOpen)]
public sealed class OpenModel(EvaluationHandlers evaluations, IValidator<OpenWindows> validator, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public string? Villages { get; set; }
    [BindProperty] public int Year { get; set; }
    [BindProperty] public DateTime? OpensAt { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }

    public IReadOnlyList<(string Code, string Name)> Towns { get; private set; } = [];
    public OpenWindowsResult? Result { get; private set; }

    private async Task LoadAsync(CancellationToken ct) =>
        Towns = (await db.Regions.AsNoTracking().Towns().Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => (r.Code, r.Name)).ToList();

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
        // Listed villages win; otherwise the chosen town, or the account's whole region.
        var listed = (Villages ?? "").Split([',', '，', '\n', '\r', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var regions = listed.Count > 0 ? listed : [string.IsNullOrWhiteSpace(Scope) ? User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value ?? "" : Scope];
        Result = await this.RunCommandAsync(validator, new OpenWindows(regions, Year, OpensAt, ClosesAt), async c => (OpenWindowsResult?)await evaluations.OpenAsync(c, ct), ct);
        return Page();
    }
}
