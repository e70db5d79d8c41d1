using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Training;

/// <summary>培训 (/Training): the sessions of the reader's line (year and kind filters); an organiser creates a session of its level.</summary>
[Authorize(Policy = Permissions.TrainingRead)]
public sealed class IndexModel(TrainingSessions sessions, TimeProvider clock, IValidator<SaveSession> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public TrainingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public TrainingKind NewKind { get; set; } = TrainingKind.Topical;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public decimal? Hours { get; set; }
    [BindProperty] public string? Place { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<SessionView> Sessions { get; private set; } = null!;
    public bool CanOrganise => User.Can(Permissions.TrainingOrganise) && sessions.IsOrganiserLevel;
    public DateOnly Today => clock.Today();
    public int ShownYear => Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : Today.Year;

    public async Task OnGetAsync(CancellationToken ct) =>
        Sessions = await sessions.ListAsync(ShownYear, Kind is { } k && Enum.IsDefined(k) ? k : null, null, new PageRequest(PageNumber, 20), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanOrganise) return Forbid();
        var s = await this.RunCommandAsync(validator, new SaveSession(NewKind, Title, Topic, StartDate ?? default, EndDate ?? default, Hours ?? 0, Place),
            async c => (SessionView?)await sessions.CreateAsync(c, ct), ct);
        if (s is not null)
        {
            Message = $"已新建培训“{s.Title}”";
            return Redirect($"/Training/Session?id={s.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
