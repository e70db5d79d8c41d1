using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// 信访举报 — the public page at /Jubao, no account, phone first: the place (a town or a village), optionally a cadre of
/// the village, the category and what happened, named or anonymous. The answer shows the receipt code once, with a warning
/// to keep it. A flood from one address is refused (<see cref="ComplaintFilingGuard"/>).
/// </summary>
[AllowAnonymous]
public sealed class FileModel(ComplaintReceipts receipts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty] public long? CadreId { get; set; }
    [BindProperty] public ComplaintCategory? Category { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public bool Anonymous { get; set; } = true;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public List<(string Code, string Name, RegionLevel Level)> Places { get; private set; } = [];
    public List<(long Id, string Name)> Cadres { get; private set; } = [];
    public string? ReceiptCode { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await receipts.PlacesAsync(ct);
        Cadres = await receipts.CadresAsync(Region, ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        try
        {
            string? code = null;
            if (await this.RunRuleAsync(async () => code = await receipts.FileAsync(
                    new FileComplaint(Region, Category ?? 0, Subject, CadreId, Anonymous, Anonymous ? null : Name, Anonymous ? null : Phone),
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
