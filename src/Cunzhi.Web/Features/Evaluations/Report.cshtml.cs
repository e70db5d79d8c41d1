using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Evaluations;

/// <summary>录入述职报告: the town or the village enters a cadre's report before voting opens.</summary>
[Authorize(Policy = Permissions.EvaluationsEditReports)]
public sealed class ReportModel(EvaluationHandlers evaluations, IValidator<SaveReport> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public long CadreId { get; set; }
    [BindProperty] public string? Text { get; set; }

    public WindowView Window { get; private set; } = null!;
    public ReportView Report { get; private set; } = null!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await evaluations.GetAsync(Id, ct) is not { } w || w.Reports.FirstOrDefault(r => r.CadreId == CadreId) is not { } r) return false;
        (Window, Report) = (w, r);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Text = Report.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (await this.RunCommandAsync(validator, new SaveReport(Text), c => evaluations.SaveReportAsync(Id, CadreId, c, ct), ct) is null) return Page();
        return Redirect($"/Evaluations/Detail/{Id}");
    }
}
