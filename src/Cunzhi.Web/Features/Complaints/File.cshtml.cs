using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报 — the public page at /Jubao, no account, phone first: the place picked in two steps (a town, then one of its
/// villages or the town itself; <c>wwwroot/js/jubao.js</c> moves on as soon as a select changes, without it the 选定 buttons
/// do — a plain GET each), optionally a cadre of the village, the category and what happened, named or anonymous. The answer shows the receipt code once, with a warning
/// to keep it. A flood from one address is refused (<see cref="ComplaintFilingGuard"/>).
/// </summary>
[AllowAnonymous]
public sealed class FileModel(ComplaintReceipts receipts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty] public long? CadreId { get; set; }
    [BindProperty] public ComplaintCategory? Category { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public bool Anonymous { get; set; } = true;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public List<(string Code, string Name)> Towns { get; private set; } = [];
    /// <summary>The chosen town's villages.</summary>
    public List<(string Code, string Name)> Villages { get; private set; } = [];
    public List<(long Id, string Name)> Cadres { get; private set; } = [];
    public string? ReceiptCode { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A place picked without its town (an old link): the town is the place's own.
        if (string.IsNullOrWhiteSpace(Town) && RegionCodes.LevelOf(Region) is RegionLevel.Village or RegionLevel.Town) Town = RegionCodes.TownOf(Region);
        Towns = await receipts.TownsAsync(ct);
        Villages = await receipts.VillagesAsync(Town, ct);
        Cadres = await receipts.CadresAsync(Region, ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        try
        {
            string? code = null;
            if (await this.RunRuleAsync(async () => code = await receipts.FileAsync(
                    new FileComplaint(Region, Category ?? 0, Subject, CadreId, Anonymous, Anonymous ? null : Name, Anonymous ? null : Phone, Town),
                    BallotGuard.ClientOf(HttpContext), ct)))
            {
                ReceiptCode = code;
                return Page();
            }
        }
        catch (ReceiptRefusedException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        await LoadAsync(ct);
        return Page();
    }
}
