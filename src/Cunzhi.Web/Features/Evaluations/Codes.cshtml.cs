using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>
/// 生成并打印票码 (town): the codes exist in the clear only in this answer — an A4 sheet of slips with code and QR code,
/// printed at once. They cannot be shown again (only keyed hashes are stored); lost sheets are voided and new codes generated,
/// both only before voting opens.
/// </summary>
[Authorize(Policy = Permissions.EvaluationsIssueCodes)]
public sealed class CodesModel(EvaluationHandlers evaluations, IValidator<IssueCodes> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public int Count { get; set; } = 40;

    public WindowView Window { get; private set; } = null!;
    public IssuedCodes? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await evaluations.GetAsync(Id, ct) is not { } w) return NotFound();
        Window = w;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await evaluations.GetAsync(Id, ct) is not { } w) return NotFound();
        Window = w;
        Issued = await this.RunCommandAsync(validator, new IssueCodes(Count), c => evaluations.IssueAsync(Id, c, EvaluationsModule.BaseUrl(Request), ct), ct);
        // The sheet holds secrets: never cache it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
