using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>新建报表 (Department): a draft, then its fields on the form page.</summary>
[Authorize(Policy = Permissions.FormsDesign)]
public sealed class NewModel(FormDesign forms, IValidator<CreateForm> validator) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Description { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await this.RunCommandAsync(validator, new CreateForm(Title ?? "", Description), async c => (FormDetail?)await forms.CreateAsync(c, ct), ct);
        return created is null ? Page() : Redirect($"/Forms/Form?id={created.Summary.Id}");
    }
}
