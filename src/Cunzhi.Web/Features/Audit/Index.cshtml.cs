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
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<AuditRow> Rows { get; private set; } = null!;
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }
    public Infrastructure.Auditing.AuditHeadView? Head { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From > To) ModelState.AddModelError(nameof(From), "开始日期不能晚于结束日期");
        Rows = await audit.SearchAsync(new AuditFilter(UserFilter, Entity, From, To, Region), new PageRequest(PageNumber, 50), ct);
        Entities = await audit.EntitiesAsync(ct);
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await audit.VerifyAsync(ct);
        Head = await audit.HeadAsync(ct);
        await OnGetAsync(ct);
    }
}
