using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Account;

/// <summary>
/// Signing out rotates the account's security stamp, so a copied cookie cannot be replayed (issue #15).
/// No session table is needed for that, at a price the page states: the account's other sessions and
/// API tokens end too, within the stamp validation interval.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        db.RecordEvent(AuditActions.SignOut, "Account", User.Identity?.Name ?? "", db.User.RegionCode);
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user); // saves the audit entry with the new stamp
        else
            await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { signedOut = 1 });
    }
}
