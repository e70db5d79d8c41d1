using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Audit;

/// <summary>The audit log of the account's region, filtered and paged, with chain verification.</summary>
[Authorize(Policy = Permissions.AuditRead)]
public sealed class IndexModel(AuditHandlers audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<AuditRow> Rows { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Entities { get; private set; } = [];
    private AuditFilter Filter => new(UserFilter, Entity, From, To, Region, Kind);
    public AuditVerification? Verification { get; private set; }
    public Infrastructure.Auditing.AuditHeadView? Head { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await audit.EntitiesAsync(ct);
        if (From > To)
        {
            ModelState.AddModelError(nameof(From), "开始日期不能晚于结束日期");
            Rows = new([], 0, 1, PageSize);
            return;
        }
        Rows = await audit.SearchAsync(Filter, new PageRequest(PageNumber, PageSize), ct);
    }

    /// <summary>The filtered entries as .xlsx (newest <see cref="AuditExport.MaxRows"/> at most).</summary>
    public async Task<IActionResult> OnGetExportAsync([FromServices] AuditExport export, CancellationToken ct)
    {
        if (From > To) return BadRequest("开始日期不能晚于结束日期");
        return await export.ExportAsync(Filter, ct);
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await audit.VerifyAsync(ct);
        Head = await audit.HeadAsync(ct);
        await OnGetAsync(ct);
    }
}
