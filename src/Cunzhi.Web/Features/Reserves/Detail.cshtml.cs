using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>A candidate: record, reviews, and for county and town admins the review and appointment forms.</summary>
[Authorize(Policy = Permissions.ReservesRead)]
public sealed class DetailModel(ReserveHandlers reserves, IValidator<ReviewReserve> reviewValidator, IValidator<AppointReserve> appointValidator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public ReviewForm Review { get; set; } = new();
    [BindProperty] public AppointForm Appoint { get; set; } = new();

    public ReserveDetail Detail { get; private set; } = null!;
    public IReadOnlyList<RegionView> Villages { get; private set; } = [];
    public VacancyReport? Vacancies { get; private set; }
    public string? Message { get; private set; }
    public bool CanEdit => User.Can(Permissions.ReservesEdit);
    public bool IsActive => Detail.Reserve.Status == ReserveStatus.Active;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reserves.GetAsync(Id, ct) is not { } d) return false;
        Detail = d;
        if (CanEdit && IsActive)
        {
            Villages = await reserves.AppointableVillagesAsync(d.Reserve.RegionCode, ct);
            Vacancies = await reserves.VacanciesAsync(d.Reserve.RegionCode, ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Review.Date, Appoint.Date) = (Today, Today);
        return Page();
    }

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        RunAsync(reviewValidator, new ReviewReserve(Review.Date ?? DateOnly.MinValue, Review.Reviewer ?? "", Review.Outcome ?? 0, Review.Note),
            c => reserves.ReviewAsync(Id, c, ct), "研判记录已保存。", ct);

    public Task<IActionResult> OnPostAppointAsync(CancellationToken ct) =>
        RunAsync(appointValidator, new AppointReserve(Appoint.VillageCode, Appoint.PostCode ?? "", Appoint.Date ?? DateOnly.MinValue, Appoint.Term, Appoint.NationalId),
            c => reserves.AppointAsync(Id, c, ct), "已任用，村干部档案已建立。", ct);

    private async Task<IActionResult> RunAsync<T>(IValidator<T> validator, T command, Func<T, Task<ReserveDetail?>> action, string done, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (await this.RunCommandAsync(validator, command, action, ct) is null) return Page();
        // Reload: the forms to show depend on the new status.
        await LoadAsync(ct);
        (Message, Review, Appoint) = (done, new() { Date = Today }, new() { Date = Today });
        return Page();
    }
}

public sealed class ReviewForm
{
    public DateOnly? Date { get; set; }
    public string? Reviewer { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? Note { get; set; }
}

public sealed class AppointForm
{
    public string? VillageCode { get; set; }
    public string? PostCode { get; set; }
    public DateOnly? Date { get; set; }
    public int? Term { get; set; }
    public string? NationalId { get; set; }
}
