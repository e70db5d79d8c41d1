using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>双述双评 list: the windows in scope by year and state.</summary>
[Authorize(Policy = Permissions.EvaluationsRead)]
public sealed class IndexModel(EvaluationHandlers evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public WindowState? State { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<WindowRow> Rows { get; private set; } = null!;
    public bool CanOpen => User.Can(Permissions.EvaluationsOpen);

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await evaluations.ListAsync(new WindowFilter(Year, State, null), new PageRequest(PageNumber, 50), ct);
}
