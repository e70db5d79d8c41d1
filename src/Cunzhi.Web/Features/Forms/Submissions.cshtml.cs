using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>填报情况: each village the form reached (in scope), with its status and what it typed versus what was filled for it.</summary>
[Authorize(Policy = Permissions.FormsSubmissionsRead)]
public sealed class SubmissionsModel(FormSubmissions forms, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public SubmissionPage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filter = Show switch
        {
            "unfilled" => new SubmissionFilter(null, true),
            "draft" => new SubmissionFilter(SubmissionStatus.Draft, null),
            "submitted" => new SubmissionFilter(SubmissionStatus.Submitted, null),
            _ => new SubmissionFilter(null, null),
        };
        if (await forms.SubmissionsAsync(Id, filter, new PageRequest(PageNumber, PageSize ?? 30), ct) is not { } data) return NotFound();
        Data = data;
        return Page();
    }

    /// <summary>The same workbook as <c>GET /api/v1/forms/{id}/export</c>, for the signed-in page (the API takes bearer tokens only).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await forms.ExportDataAsync(Id, ct) is { } data ? FormExport.Build(data, clock) : NotFound();
}
