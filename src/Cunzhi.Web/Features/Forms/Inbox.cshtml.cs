using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>待填报表: the admitted forms of the village (a town: of its villages), unfinished first.</summary>
[Authorize(Policy = Permissions.FormsInboxRead)]
public sealed class InboxModel(FormFilling forms) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public Paged<InboxRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await forms.InboxAsync(Show == "submitted" ? SubmissionStatus.Submitted : Show == "draft" ? SubmissionStatus.Draft : null, Show == "unfilled",
            new PageRequest(PageNumber, PageSize ?? 20), ct);
}
