using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>村务公开 — the public portal's first page at /Gongkai, no account: the county's towns, each linking to its villages.</summary>
[AllowAnonymous, OutputCache(PolicyName = PublicDisclosureCache.Policy)]
public sealed class GongkaiModel(PublicDisclosureQuery portal) : PageModel
{
    public IReadOnlyList<(string County, IReadOnlyList<PublicPlace> Towns)> Counties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Counties = await portal.CountiesAsync(ct);
}
