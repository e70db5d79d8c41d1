using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>村级任务: admitted tasks of the villages in scope — the seed of the Monday list (周一清单).</summary>
[Authorize(Policy = Permissions.VillageTasksRead)]
public sealed class VillageModel(VillageTaskViews tasks) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Paged<VillageTaskView> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await tasks.VillageTasksAsync(Region, new PageRequest(PageNumber, 20), ct);
}
