using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Accounts;

[Authorize(Policy = Permissions.AccountsManage)]
public sealed class EditModel(AccountAdminHandlers accounts, IValidator<UpdateAccount> updateValidator, IValidator<ResetPassword> passwordValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public bool Locked { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    /// <summary>The version the form was filled from: a save over someone else's later change is refused, the input kept.</summary>
    [BindProperty] public int Version { get; set; }

    public AccountRow Account { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.GetAsync(Id, ct) is not { } a) return NotFound();
        Account = a;
        (DisplayName, Locked, Version) = (a.DisplayName, a.Locked, a.Version);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Run(new UpdateAccount(DisplayName ?? "", Locked) { Version = Version }, updateValidator, c => accounts.UpdateAsync(Id, c, ct), "已保存。", fillForm: false, ct);

    /// <summary>The password form posts only the password: the account form beside it shows the account as it now is.</summary>
    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        Run(new ResetPassword(NewPassword ?? ""), passwordValidator, c => accounts.ResetPasswordAsync(Id, c, ct), "密码已重置。", fillForm: true, ct);

    private async Task<IActionResult> Run<T>(T command, IValidator<T> validator, Func<T, Task<AccountRow?>> action, string done, bool fillForm, CancellationToken ct)
    {
        if (await accounts.GetAsync(Id, ct) is not { } a) return NotFound();
        Account = a;
        if (await this.RunCommandAsync(validator, command, action, ct) is { } updated)
        {
            (Account, Message) = (updated, done);
            fillForm = true;
        }
        if (fillForm)
        {
            // After a save (or beside the password form) the account form edits the account as saved, at its new version.
            (DisplayName, Locked, Version) = (Account.DisplayName, Account.Locked, Account.Version);
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }
}
