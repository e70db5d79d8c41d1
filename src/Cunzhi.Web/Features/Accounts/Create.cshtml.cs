using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Accounts;

[Authorize(Policy = Permissions.AccountsManage)]
public sealed class CreateModel(AccountAdminHandlers accounts, IValidator<CreateAccount> validator) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Role { get; set; } = "";
    [BindProperty] public string RegionCode { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    public IReadOnlyList<string> Grantable => accounts.GrantableRoles;
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Regions = await accounts.BindableRegionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Regions = await accounts.BindableRegionsAsync(ct);
        var created = await this.RunCommandAsync(validator, new CreateAccount(UserName ?? "", DisplayName ?? "", Role ?? "", RegionCode ?? "", Password ?? ""),
            async c => await accounts.CreateAsync(c, ct), ct);
        return created is null ? Page() : Redirect("/Accounts");
    }
}
