using System.ComponentModel.DataAnnotations;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Account;

/// <summary>The account's own profile and password change.</summary>
public sealed class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TwoFactorPolicy twoFactor) : PageModel
{
    public bool TwoFactorRequired => twoFactor.IsRequiredFor(User);
    public string? AuthenticatorKey { get; private set; }
    public string? QrCode { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? TwoFactorMessage { get; private set; }

    [BindProperty] public string? VerificationCode { get; set; }

    /// <summary>The current password or an authenticator code, to turn two-factor sign-in off.</summary>
    [BindProperty] public string? DisableConfirmation { get; set; }

    public AppUser Account { get; private set; } = null!;
    public IList<string> RoleNames { get; private set; } = [];
    public string? RegionName { get; private set; }
    public bool Changed { get; private set; }

    [BindProperty, Required(ErrorMessage = "请输入当前密码"), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入新密码"), DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致"), DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    private async Task LoadAsync()
    {
        Account = (await users.GetUserAsync(User))!;
        if (!Account.TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(Account);
            if (string.IsNullOrEmpty(key))
            {
                // A key not in use yet: stored without a new security stamp (ResetAuthenticatorKeyAsync gives one),
                // so opening this page ends none of the account's sessions; enabling two-factor sign-in does.
                var keys = (IUserAuthenticatorKeyStore<AppUser>)HttpContext.RequestServices.GetRequiredService<IUserStore<AppUser>>();
                await keys.SetAuthenticatorKeyAsync(Account, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
                await users.UpdateAsync(Account);
                key = await users.GetAuthenticatorKeyAsync(Account);
            }
            AuthenticatorKey = TwoFactorPolicy.FormatKey(key!);
            QrCode = TwoFactorPolicy.QrDataUri(TwoFactorPolicy.AuthenticatorUri(Account.UserName!, key!));
        }
        RoleNames = (await users.GetRolesAsync(Account)).Select(Roles.DisplayName).ToList();
        RegionName = await db.Regions.Where(r => r.Code == Account.RegionCode).Select(r => r.Name).FirstOrDefaultAsync();
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        await LoadAsync();
        ModelState.Clear();
        var code = (VerificationCode ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(Account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(VerificationCode), "验证码不正确：请输入验证器应用中当前显示的 6 位数字");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Account, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 10))!.ToList();
        await signIn.RefreshSignInAsync(Account);
        (AuthenticatorKey, QrCode, TwoFactorMessage) = (null, null, "两步验证已启用。请把下面的恢复码抄写或打印后妥善保管，它们只显示这一次。");
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        await LoadAsync();
        ModelState.Clear();
        if (TwoFactorRequired)
        {
            ModelState.AddModelError("", "您的角色必须使用两步验证，不能停用");
            return Page();
        }
        // Issue #15: a session alone (a borrowed or stolen one) must not turn it off.
        var given = (DisableConfirmation ?? "").Trim();
        var code = given.Replace(" ", "").Replace("-", "");
        if (given.Length == 0 || !(await users.CheckPasswordAsync(Account, given)
                || (code.Length == 6 && code.All(char.IsAsciiDigit) && await users.VerifyTwoFactorTokenAsync(Account, users.Options.Tokens.AuthenticatorTokenProvider, code))))
        {
            if (given.Length > 0) await users.AccessFailedAsync(Account); // counts towards the lockout like a wrong sign-in
            ModelState.AddModelError(nameof(DisableConfirmation), "停用两步验证须输入正确的当前密码或验证器中当前显示的 6 位验证码");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        await signIn.RefreshSignInAsync(Account);
        await LoadAsync();
        TwoFactorMessage = "两步验证已停用。";
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        await LoadAsync();
        ModelState.Remove(nameof(VerificationCode));
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(Account, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(Account);
        Changed = true;
        return Page();
    }
}
