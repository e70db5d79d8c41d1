using Microsoft.AspNetCore.Mvc;

namespace Cunzhi.Web.Features.Forms;

/// <summary>
/// On the coordination office's admission queue: when a pending request is a form, what it repeats — fields other forms
/// already ask (named), fields bound to the same source, and numbers the platform already holds; the office may refuse it
/// as a duplicate of a named form (one button per form repeated).
/// </summary>
public sealed class FormQueueNoteViewComponent(FormReads forms) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long requestId, bool canRefuse = false)
    {
        ViewData["CanRefuse"] = canRefuse;
        ViewData["RequestId"] = requestId;
        return await forms.ForRequestAsync(requestId, HttpContext.RequestAborted) is { } d
            ? View("/Features/Forms/_QueueNote.cshtml", d)
            : Content("");
    }
}
