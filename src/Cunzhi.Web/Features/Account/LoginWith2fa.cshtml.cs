using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool UseRecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        // Recovery codes are stored with their dash (XXXXX-XXXXX); authenticator codes are six digits.
        var code = (Code ?? "").Replace(" ", "");
        if (!UseRecoveryCode) code = code.Replace("-", "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "请输入验证码");
            return Page();
        }
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        await audit.RecordAsync(user.UserName!, result, user.RegionCode, "web-2fa");
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "错误次数过多，账号已锁定 15 分钟" : "验证码不正确或已过期");
        return Page();
    }
}
