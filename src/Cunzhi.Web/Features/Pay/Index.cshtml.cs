using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Pay;

/// <summary>工资发放: the runs in scope by town and month (paged); a town computes a month here.</summary>
[Authorize(Policy = Permissions.PayrollRead)]
public sealed class IndexModel(PayRunViews h, PayrollCompute compute, IValidator<ComputeRun> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public PayrollState? State { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public int ComputeYear { get; set; }
    [BindProperty] public int ComputeMonth { get; set; }

    public Paged<RunSummary> Runs { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool IsTown => User.Can(Permissions.PayrollComputeTown);
    public bool IsCounty => User.Can(Permissions.PayrollApprove);
    public ComputeAllResult? CountyResult { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        (ComputeYear, ComputeMonth) = (now.Year, now.Month);
        Runs = await h.ListAsync(Town, Year, Month, State, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
    }

    public async Task<IActionResult> OnPostComputeAsync(CancellationToken ct)
    {
        if (!IsTown) return Forbid();
        var run = await this.RunCommandAsync(validator, new ComputeRun(ComputeYear, ComputeMonth), async c => (RunView?)await compute.ComputeAsync(c, ct), ct);
        if (run is null)
        {
            Runs = await h.ListAsync(Town, Year, Month, State, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
            return Page();
        }
        return Redirect($"/Pay/Run/{run.Id}");
    }

    public async Task<IActionResult> OnPostComputeCountyAsync(CancellationToken ct)
    {
        if (!IsCounty) return Forbid();
        CountyResult = await this.RunCommandAsync(validator, new ComputeRun(ComputeYear, ComputeMonth), async c => await compute.ComputeCountyAsync(c, ct), ct);
        Runs = await h.ListAsync(Town, CountyResult?.Year ?? Year, CountyResult?.Month ?? Month, State, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
        return Page();
    }
}
