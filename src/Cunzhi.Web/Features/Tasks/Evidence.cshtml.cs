using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>佐证材料: evidence files of a request's villages or of one village task; a department sees only its own requests'.</summary>
[Authorize(Policy = Permissions.EvidenceRead)]
public sealed class EvidenceModel(WeeklyHandlers weekly, EvidenceStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "request")] public long? RequestId { get; set; }
    [BindProperty(SupportsGet = true)] public long? VillageTask { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<EvidenceView> Rows { get; private set; } = null!;

    private bool OwnOnly => !User.Can(Permissions.EvidenceReadAll);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await weekly.EvidenceAsync(RequestId, VillageTask, new PageRequest(PageNumber, 20), OwnOnly, ct);

    public async Task<IActionResult> OnGetFileAsync(long id, CancellationToken ct) =>
        await weekly.EvidenceFileAsync(id, OwnOnly, ct) is { } e && store.Open(e.StoredName) is { } stream
            ? File(stream, e.ContentType, e.ContentType.StartsWith("image/") ? null : e.FileName)
            : NotFound();
}
