using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Burden;

/// <summary>消息: the village's reminders, unread first; mark one or all read.</summary>
[Authorize(Policy = Permissions.RemindersRead)]
public sealed class MessagesModel(ReminderHandlers reminders) : PageModel
{
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    public Paged<ReminderView> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await reminders.ListAsync(Unread, new PageRequest(PageNumber, 20), ct);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (!await reminders.MarkReadAsync(id, ct)) return NotFound();
        return Redirect("/Burden/Messages");
    }

    /// <summary>Opens a reminder: marks it read and goes where it points.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        if (!await reminders.MarkReadAsync(id, ct)) return NotFound();
        var link = (await reminders.ListAsync(false, new PageRequest(1, PageRequest.MaxSize), ct)).Items.FirstOrDefault(r => r.Id == id)?.Link;
        return Redirect(link is not null && link.StartsWith('/') && !link.StartsWith("//") ? link : "/Burden/Messages");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await reminders.MarkAllReadAsync(ct);
        return Redirect("/Burden/Messages");
    }
}
