using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Burden;

/// <summary>会议与检查: the town logs each meeting or inspection that took its villages' cadres; the county reads all.</summary>
[Authorize(Policy = Permissions.BurdenEventsRead)]
public sealed class EventsModel(BurdenHandlers burden, IValidator<LogBurdenEvent> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public BurdenEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public EventForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public Paged<BurdenEventView> Rows { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool CanLog => User.Can(Permissions.BurdenEventsLog);

    public sealed class EventForm
    {
        public BurdenEventKind Kind { get; set; } = BurdenEventKind.Meeting;
        public DateOnly? Date { get; set; }
        public string? Organizer { get; set; }
        public string? Title { get; set; }
        public List<string> Villages { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.Date ??= DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Rows = await burden.EventsAsync(new EventFilter(Kind, null, null, Q), new PageRequest(PageNumber, 20), ct);
        Villages = await burden.TownVillagesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanLog) return Forbid();
        var saved = await this.RunCommandAsync(validator, new LogBurdenEvent(Form.Kind, Form.Date ?? default, Form.Organizer ?? "", Form.Title ?? "", Form.Villages),
            async c => (BurdenEventView?)await burden.LogEventAsync(c, ct), ct);
        if (saved is not null)
        {
            Message = $"已登记{BurdenNames.Kind(saved.Kind)}“{saved.Title}”，涉及 {saved.Villages.Count} 个村";
            return Redirect("/Burden/Events");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!CanLog) return Forbid();
        var deleted = false;
        if (!await this.RunRuleAsync(async () => deleted = await burden.DeleteEventAsync(id, ct)))
        {
            await OnGetAsync(ct);
            return Page();
        }
        if (!deleted) return NotFound();
        Message = "已删除";
        return Redirect("/Burden/Events");
    }
}
