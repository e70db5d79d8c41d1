using System.ComponentModel.DataAnnotations;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Account;

/// <summary>The account's own profile and password change.</summary>
public sealed class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
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
        RoleNames = (await users.GetRolesAsync(Account)).Select(Roles.DisplayName).ToList();
        RegionName = await db.Regions.Where(r => r.Code == Account.RegionCode).Select(r => r.Name).FirstOrDefaultAsync();
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
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
