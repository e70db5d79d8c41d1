using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Forms;

/// <summary>可自动填写的数据: the bindable sources with their exact definitions, so a department knows what it gets.</summary>
[Authorize(Roles = FormAccess.RegistryReaders)]
public sealed class SourcesModel : PageModel
{
    public void OnGet() { }
}
