using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>诉求: what waits for my level (the default) or every matter in scope, filtered by state, kind, level and village; paged.</summary>
[Authorize(Policy = Permissions.MattersRead)]
public sealed class IndexModel(MatterDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool? Mine { get; set; }
    [BindProperty(SupportsGet = true)] public MatterState? State { get; set; }
    [BindProperty(SupportsGet = true)] public MatterKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public MatterLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public MatterDueFlag? Due { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<MatterView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<VillageOption> Villages { get; private set; } = [];
    public bool WaitingOnly => Mine ?? Due is null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Village is { Length: > 12 }) Village = null;
        Rows = await desk.ListAsync(new MatterFilter(State, Kind, Level, Village, WaitingOnly && Due is null, Due), new PageRequest(PageNumber, null), ct);
        Villages = await desk.VillagesAsync(ct);
    }
}
