using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        db.RecordEvent(AuditActions.SignOut, "Account", User.Identity?.Name ?? "", db.User.RegionCode);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
