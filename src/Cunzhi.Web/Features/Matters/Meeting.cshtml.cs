using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>One 下沉议事: its agenda (escalated matters of the village), the decisions, and for the town the matters it may still add.</summary>
[Authorize(Policy = Permissions.MattersRead)]
public sealed class MeetingModel(MatterMeetings meetings) : PageModel
{
    [BindProperty] public long MatterId { get; set; }
    [BindProperty] public long ItemId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Decision { get; set; }

    public MeetingDetail? Meeting { get; private set; }
    public IReadOnlyList<MatterView> Candidates { get; private set; } = [];
    public bool CanHold => User.Can(Permissions.MatterMeetingsHold);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Meeting = await meetings.GetAsync(id, ct);
        if (Meeting is null) return false;
        if (CanHold)
        {
            var taken = Meeting.Items.Select(i => i.MatterId).ToHashSet();
            Candidates = (await meetings.EscalatedAsync(Meeting.Meeting.VillageCode, ct)).Where(m => !taken.Contains(m.Id)).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> RunAsync(long id, Func<Task<MeetingDetail?>> action, CancellationToken ct)
    {
        if (!CanHold) return Forbid();
        MeetingDetail? r = null;
        var ran = false;
        try { ran = await this.RunRuleAsync(async () => r = await action()); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError("", ConcurrencyVersions.StaleMessage); }
        if (ran && r is null) return NotFound();
        if (ran) return Redirect($"/Matters/Meetings/{id}");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct) => RunAsync(id, () => meetings.AddItemAsync(id, new AddAgendaItem(MatterId), ct), ct);

    public Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct) =>
        RunAsync(id, () => meetings.DecideAsync(id, ItemId, new DecideItem(Decision) { Version = Version }, ct), ct);
}
