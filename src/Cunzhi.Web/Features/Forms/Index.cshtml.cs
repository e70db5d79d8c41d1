using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Forms;

/// <summary>报表登记: the county's forms (a department: its own, and others' filed ones), with fields, automatic share and gate status.</summary>
[Authorize(Policy = Permissions.FormsRegistryRead)]
public sealed class IndexModel(FormReads forms) : PageModel
{
    [BindProperty(SupportsGet = true)] public FormStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public Paged<FormSummary> Rows { get; private set; } = null!;
    public bool CanDesign => User.Can(Permissions.FormsDesign);

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await forms.ListAsync(new FormFilter(Status, Q), new PageRequest(PageNumber, PageSize ?? 20), ct);
}
