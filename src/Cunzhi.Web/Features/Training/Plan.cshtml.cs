using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Training;

/// <summary>年度培训计划 (/Training/Plan?year=): the sessions of the reader's line month by month; two-month slots begun without a 大讲堂 are flagged.</summary>
[Authorize(Policy = Permissions.TrainingRead)]
public sealed class PlanModel(TrainingRecords records, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public YearPlan Plan { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Plan = await records.PlanAsync(Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : clock.Today().Year, null, ct);
}
