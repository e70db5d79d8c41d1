using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title => WebSetup.StatusTitle(Code);

    public string Message => Code switch
    {
        403 => "您没有权限访问该页面或数据：它不在您的管辖范围内，或您的角色不能执行此操作。",
        404 => "找不到您要的页面或数据，或它不在您的管辖范围内。",
        409 => "操作与当前状态冲突，请刷新后重试。",
        _ => "服务器发生错误，已记录。请稍后再试。",
    };

    public void OnGet(int? code) => Code = code ?? 500;
    public void OnPost(int? code) => Code = code ?? 500;
}
