using System.Security.Claims;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Imports;

/// <summary>
/// The page side of a job, for the signed-in account that started it: the small status the progress bar polls, and
/// the full error list. (The API has its own, under /api/v1/imports, for bearer tokens.)
/// </summary>
public sealed class JobModel(ImportJobs jobs) : PageModel
{
    /// <summary>What import.js reads every second; the result itself is shown by reloading the import page.</summary>
    public sealed record Status(string State, string StateName, int Total, int Checked, int Written, int Percent, bool Finished, string ProgressText);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    private ImportSnapshot? Find() => jobs.Find(Id, User.FindFirstValue(ClaimTypes.NameIdentifier))?.Snapshot();

    public IActionResult OnGet() => NotFound();

    public IActionResult OnGetStatus() => Find() is { } s
        ? new JsonResult(new Status(s.State.ToString(), ImportJobView.NameOf(s.State), s.Total, s.Checked, s.Written, ImportJobView.PercentOf(s),
            s.IsFinished, ImportJobView.ProgressText(s)))
        : NotFound();

    public IActionResult OnGetErrors() => Find() is { Errors.Count: > 0 } s ? ImportJobView.ErrorList(s) : NotFound();
}
