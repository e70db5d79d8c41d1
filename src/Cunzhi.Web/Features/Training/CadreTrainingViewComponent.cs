using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Cunzhi.Web.Features.Training;

/// <summary>The training section of the cadre page: this year's hours against the requirement, the rotation class, and the latest sessions.</summary>
public sealed class CadreTrainingViewComponent(TrainingRecords records, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long cadreId)
    {
        if (!HttpContext.User.Can(Permissions.TrainingRead)) return new HtmlContentViewComponentResult(HtmlString.Empty);
        if (await records.CadreAsync(cadreId, clock.Today().Year, new PageRequest(1, 10), HttpContext.RequestAborted) is not { } record)
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        return View("/Features/Training/_CadreTraining.cshtml", record);
    }
}
