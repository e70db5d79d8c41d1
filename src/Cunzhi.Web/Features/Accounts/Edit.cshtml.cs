using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Accounts;

[Authorize(Roles = AccountsModule.Managers)]
public sealed class EditModel(AccountAdminHandlers accounts, IValidator<UpdateAccount> updateValidator, IValidator<ResetPassword> passwordValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public bool Locked { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public AccountRow Account { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.GetAsync(Id, ct) is not { } a) return NotFound();
        Account = a;
        (DisplayName, Locked) = (a.DisplayName, a.Locked);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Run(new UpdateAccount(DisplayName ?? "", Locked), updateValidator, c => accounts.UpdateAsync(Id, c, ct), "已保存。", ct);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        Run(new ResetPassword(NewPassword ?? ""), passwordValidator, c => accounts.ResetPasswordAsync(Id, c, ct), "密码已重置。", ct);

    private async Task<IActionResult> Run<T>(T command, IValidator<T> validator, Func<T, Task<AccountRow?>> action, string done, CancellationToken ct)
    {
        if (await accounts.GetAsync(Id, ct) is not { } a) return NotFound();
        Account = a;
        if (await this.RunCommandAsync(validator, command, action, ct) is { } updated)
            (Account, Message) = (updated, done);
        return Page();
    }
}
