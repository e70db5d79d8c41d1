using Cunzhi.Domain.Assessment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>
/// 投票 — the public ballot page at /Vote, no account. Enter a code (or arrive from the QR code: the code is in the URL
/// fragment, which the browser never sends; a line of script puts it in the box and submits it), rate each cadre, submit once.
/// </summary>
[AllowAnonymous]
public sealed class VoteModel(BallotHandlers ballots) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public Dictionary<long, BallotChoice?> Answers { get; set; } = [];

    public BallotSheet? Sheet { get; private set; }
    public bool Cast { get; private set; }
    public BallotRefusal? Refusal { get; private set; }

    public void OnGet() { }

    /// <summary>Shows the ballot for a code.</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        // Binding noise (the answers dictionary falls back to reading every form key) is not for voters: the ballot rules speak.
        ModelState.Clear();
        try { Sheet = await ballots.OpenAsync(Code, BallotGuard.ClientOf(HttpContext), ct); }
        catch (BallotRefusedException e) { Refuse(e); }
        return Page();
    }

    /// <summary>Casts the ballot.</summary>
    public async Task<IActionResult> OnPostCastAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var client = BallotGuard.ClientOf(HttpContext);
        try
        {
            await ballots.CastAsync(new CastBallot(Code, Answers.Select(a => new BallotAnswer(a.Key, a.Value)).ToList()), client, ct);
            (Cast, Code, Answers) = (true, null, []);
        }
        catch (BallotRefusedException e)
        {
            Refuse(e);
            // An incomplete ballot goes back with its answers; any other refusal ends the ballot.
            if (e.Reason == BallotRefusal.Incomplete)
                try { Sheet = await ballots.OpenAsync(Code, client, ct); } catch (BallotRefusedException again) { Refuse(again); }
        }
        return Page();
    }

    private void Refuse(BallotRefusedException e)
    {
        Refusal = e.Reason;
        ModelState.AddModelError("", e.Message);
        if (e.Reason == BallotRefusal.TooManyAttempts) Response.StatusCode = StatusCodes.Status429TooManyRequests;
    }
}
