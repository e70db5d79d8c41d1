using Microsoft.AspNetCore.Mvc;

namespace Cunzhi.Web.Features.Forms;

/// <summary>
/// On the coordination office's admission queue: when a pending request is a form, what it repeats — fields other forms
/// already ask (named), fields bound to the same source, and numbers the platform already holds.
/// </summary>
public sealed class FormQueueNoteViewComponent(FormReads forms) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long requestId) =>
        await forms.ForRequestAsync(requestId, HttpContext.RequestAborted) is { } d
            ? View("/Features/Forms/_QueueNote.cshtml", d)
            : Content("");
}
