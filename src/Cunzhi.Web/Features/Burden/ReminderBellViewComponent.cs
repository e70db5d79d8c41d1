using System.Text.Encodings.Web;
using Cunzhi.Domain.Accounts;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Burden;

/// <summary>The navbar bell: a link to 消息 with the number of unread reminders (villages, towns and the county admin: the accounts reminders are addressed to).</summary>
public sealed class ReminderBellViewComponent(ReminderHandlers reminders, IStringLocalizer<SharedResource> l) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.Can(Permissions.RemindersRead)) return new HtmlContentViewComponentResult(HtmlString.Empty);
        var unread = await reminders.UnreadAsync(HttpContext.RequestAborted);
        var label = HtmlEncoder.Default.Encode(l["消息"].Value);
        var badge = unread > 0 ? $"<span class=\"badge rounded-pill text-bg-warning\" data-testid=\"unread\">{unread}</span>" : "";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<li class=\"nav-item\"><a class=\"nav-link\" href=\"/Burden/Messages\" data-testid=\"bell\" aria-label=\"{label}\"><i class=\"bi bi-bell\"></i> {label} {badge}</a></li>"));
    }
}
