using System.Security.Claims;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Imports;

/// <summary>What the shared import partial shows: the upload form, or a job's progress and result.</summary>
/// <param name="UploadUrl">The page without a job: upload another file.</param>
/// <param name="JobUrl">The page with this job: where the page reloads to.</param>
public sealed record ImportPageView(ImportKind Kind, string UploadUrl, string TemplateUrl, string JobUrl, string ListUrl, string ListName,
    ImportSnapshot? Job, Paged<CellError>? Errors);

/// <summary>
/// An import page: template download, upload, then the job's progress (polled by wwwroot/js/import.js) and result,
/// errors paged on screen with the full list to download. Each import page says which kind and where its list is.
/// </summary>
[RequestSizeLimit(ImportUploads.PageBodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploads.PageBodyLimit)]
public abstract class ImportPageModel(ImportJobs jobs, IEnumerable<ImportKind> kinds) : PageModel
{
    public const int ErrorsPerPage = 100;

    protected abstract string KindName { get; }
    protected abstract string ListUrl { get; }
    protected abstract string ListName { get; }

    [BindProperty(SupportsGet = true)] public string? Job { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportKind Kind => kinds.Single(k => k.Name == KindName);
    public ImportPageView View { get; private set; } = null!;

    public IActionResult OnGet()
    {
        ImportSnapshot? job = null;
        Paged<CellError>? errors = null;
        if (!string.IsNullOrEmpty(Job))
        {
            // Someone else's job is not found, exactly like an unknown one.
            if (jobs.Find(Job, User.FindFirstValue(ClaimTypes.NameIdentifier))?.Snapshot() is not { } found)
                return NotFound();
            job = found;
            var page = new PageRequest(PageNumber, ErrorsPerPage);
            errors = new Paged<CellError>([.. job.Errors.Skip(page.Skip).Take(page.Size)], job.Errors.Count, page.Page, page.Size);
        }
        View = new ImportPageView(Kind, Here(null), Here(null, "Template"), Here(job?.Id), ListUrl, ListName, job, errors);
        return Page();
    }

    /// <summary>This page's URL with its own parameters (a household import's village) kept.</summary>
    private string Here(string? job, string? handler = null)
    {
        var query = Request.Query.Where(q => q.Key is not ("job" or "page" or "handler"))
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).ToList();
        if (job is not null) query.Add(KeyValuePair.Create("job", (string?)job));
        if (handler is not null) query.Add(KeyValuePair.Create("handler", (string?)handler));
        return QueryHelpers.AddQueryString(Request.Path, query);
    }

    public IActionResult OnGetTemplate() => new XlsxDownload(Kind.TemplateFileName, Kind.WriteTemplateAsync);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is not { FileName.Length: > 0 } file)
            ModelState.AddModelError(nameof(Upload), "请选择要导入的 .xlsx 文件");
        else if (ImportUploads.Refusal(file.Length) is { } refusal)
            ModelState.AddModelError(nameof(Upload), refusal.Message);
        else
        {
            var job = await ImportUploads.StartAsync(jobs, Kind, file, User, ct);
            return Redirect(Here(job.Id));
        }
        Job = null;
        return OnGet();
    }
}
