using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Forms;

/// <summary>可自动填写的数据: the bindable sources with their exact definitions, so a department knows what it gets.</summary>
[Authorize(Policy = Permissions.FormsRegistryRead)]
public sealed class SourcesModel : PageModel
{
    public void OnGet() { }
}
