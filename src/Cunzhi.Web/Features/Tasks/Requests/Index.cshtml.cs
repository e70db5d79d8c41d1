using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks.Requests;

/// <summary>任务准入申请: a department's own requests (the office and county see all), with status and reason.</summary>
[Authorize(Policy = Permissions.TaskRequestsRead)]
public sealed class IndexModel(TaskRequestViews tasks) : PageModel
{
    [BindProperty(SupportsGet = true)] public TaskRequestStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TaskChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public long? Filed { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<TaskRequestView> Rows { get; private set; } = null!;
    public TaskRequestView? Just { get; private set; }
    public bool CanFile => User.Can(Permissions.TaskRequestsFile);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await tasks.RequestsAsync(new RequestFilter(Status, Q, Channel), new PageRequest(PageNumber, 20), ct);
        if (Filed is { } id) Just = await tasks.GetRequestAsync(id, ct);
    }
}
