using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using FluentValidation;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Matters;

/// <summary>下沉议事: the town's meetings in its villages (newest first, paged); the town holds a new one here.</summary>
[Authorize(Policy = Permissions.MattersRead)]
public sealed class MeetingsModel(MatterMeetings meetings, MatterDesk desk, TimeProvider clock, IValidator<HoldMeeting> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public MeetingForm Form { get; set; } = new();

    public sealed class MeetingForm
    {
        public string? Village { get; set; }
        public DateOnly? Date { get; set; }
        public string? Subject { get; set; }
        public string? Attendees { get; set; }
    }

    public Paged<MeetingView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public IReadOnlyList<VillageOption> Villages { get; private set; } = [];
    public bool CanHold => User.Can(Permissions.MatterMeetingsHold);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Village is { Length: > 12 }) Village = null;
        Rows = await meetings.ListAsync(Village, new PageRequest(PageNumber, null), ct);
        Villages = await desk.VillagesAsync(ct);
        Form.Date ??= clock.Today();
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanHold) return Forbid();
        var f = Form;
        var r = await this.RunCommandAsync(validator, new HoldMeeting(f.Village, f.Date, f.Subject, f.Attendees), c => meetings.HoldAsync(c, ct), ct);
        if (r is null)
        {
            if (ModelState.IsValid) ModelState.AddModelError("Form.Village", "未找到该村（或不在您的管辖范围内）");
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/Matters/Meetings/{r.Meeting.Id}");
    }
}
