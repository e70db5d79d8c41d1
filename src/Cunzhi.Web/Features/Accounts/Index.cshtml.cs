using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Accounts;

[Authorize(Policy = Permissions.AccountsManage)]
public sealed class IndexModel(AccountAdminHandlers accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<AccountRow> Rows { get; private set; } = null!;
    public IReadOnlyList<string> Grantable => accounts.GrantableRoles;

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await accounts.ListAsync(Q, Role, new PageRequest(PageNumber, 20), ct);
}
