using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>
/// 周一清单 / 周五汇报: a village's list of the week, which is also its Friday report form — one tap per item, one submit for
/// the whole list, photo fields only on items whose task requires evidence. Past weeks are read-only. Towns and the county
/// read the same page for a village (?village=).
/// </summary>
[Authorize(Policy = Permissions.WeeklyRead)]
public sealed class WeeklyModel(WeeklyHandlers weekly, IValidator<SaveWeeklyReport> validator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public List<AnswerForm> Items { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public WeeklyList List { get; private set; } = null!;
    public bool CanReport => User.Can(Permissions.WeeklyReport) && List.Open;

    public sealed class AnswerForm
    {
        public long VillageTaskId { get; set; }
        public WeeklyStatus? Status { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await weekly.MondayListAsync(User.Can(Permissions.WeeklyReport) ? null : Village, Week, new PageRequest(PageNumber, PageSize), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.WeeklyReport)) return Forbid();
        var answers = Items.Where(i => i.Status is not null).Select(i => new WeeklyAnswer(i.VillageTaskId, i.Status!.Value, i.Note)).ToList();
        var files = Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("evidence-", StringComparison.Ordinal)
                && long.TryParse(f.Name["evidence-".Length..], out _))
            .Select(f => new EvidenceUpload(long.Parse(f.Name["evidence-".Length..]), f)).ToList();
        if (answers.Count == 0 && files.Count > 0)
            ModelState.AddModelError("", "请为上传了佐证材料的事项选择完成情况");
        else
        {
            var week = weekly.WeekOf(Week);
            var saved = await this.RunCommandAsync(validator, new SaveWeeklyReport(week, answers), c => weekly.ReportAsync(c, files, ct), ct);
            if (saved is not null)
            {
                Message = $"已提交 {answers.Count} 项汇报";
                return Redirect($"/Tasks/Weekly?week={week:yyyy-MM-dd}");
            }
            if (ModelState.IsValid) return NotFound();
        }
        await OnGetAsync(ct);
        return Page();
    }
}
