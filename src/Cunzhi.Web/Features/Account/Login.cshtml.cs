using System.ComponentModel.DataAnnotations;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入账号"), Display(Name = "账号")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        await audit.RecordAsync(UserName.Trim(), result, await audit.RegionOfAsync(UserName.Trim()), "web");
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        ModelState.AddModelError("", result.IsLockedOut ? "连续 5 次密码错误，账号已锁定 15 分钟，请稍后再试。" : "账号或密码错误。");
        return Page();
    }
}
