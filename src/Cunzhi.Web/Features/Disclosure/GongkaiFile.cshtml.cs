using Cunzhi.Web.Features.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>/Gongkai/{village}/File/{id} — an attachment of a public disclosure, no account (a withdrawn disclosure's files are gone from here).</summary>
[AllowAnonymous]
public sealed class GongkaiFileModel(PublicDisclosureQuery portal, EvidenceStore store) : PageModel
{
    [FromRoute] public string? Village { get; set; }
    [FromRoute] public long Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Village is not null && await portal.FileAsync(Village, Id, ct) is { } a && store.Open(a.StoredName) is { } stream
            ? File(stream, a.ContentType, Domain.Privacy.PersonalDataGuard.MaskAll(a.FileName))
            : NotFound();
}
