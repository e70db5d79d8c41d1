using Cunzhi.Domain.Burden;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Burden;

/// <summary>群机器人: the county's or town's DingTalk / WeCom group robots that its reminders are pushed to.</summary>
[Authorize(Policy = Permissions.WebhooksEdit)]
public sealed class WebhooksModel(WebhookHandlers hooks, IValidator<SaveWebhook> validator) : PageModel
{
    [BindProperty] public RobotKind Kind { get; set; } = RobotKind.DingTalk;
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public bool Enabled { get; set; } = true;
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<WebhookView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await hooks.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await this.RunCommandAsync(validator, new SaveWebhook(Kind, Address ?? "", Secret, Enabled), async c => (WebhookView?)await hooks.SaveAsync(c, ct), ct);
        if (saved is not null)
        {
            Message = $"已保存{WebhookHandlers.Name(saved.Kind)}";
            return Redirect("/Burden/Webhooks");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(RobotKind kind, CancellationToken ct)
    {
        if (!await hooks.DeleteAsync(kind, ct)) return NotFound();
        Message = $"已删除{WebhookHandlers.Name(kind)}";
        return Redirect("/Burden/Webhooks");
    }
}
