using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>平时台账: record an event in a few taps (cadre, kind, note, optional photo) and the filtered list.</summary>
[Authorize(Policy = Permissions.AssessmentLedgerRead)]
public sealed class LedgerModel(LedgerHandlers h, IValidator<RecordLedger> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? CadreId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public LedgerKind? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public long NewCadreId { get; set; }
    [BindProperty] public DateOnly? NewDate { get; set; }
    [BindProperty] public LedgerKind NewKind { get; set; }
    [BindProperty] public string? NewNote { get; set; }
    [BindProperty] public IFormFile? NewFile { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<LedgerView> Records { get; private set; } = null!;
    public IReadOnlyList<CadreOption> Cadres { get; private set; } = [];
    public bool CanRecord => User.Can(Permissions.AssessmentLedgerRecord);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        Cadres = await h.CadresAsync(null, ct);
        Records = await h.ListAsync(new LedgerFilter(CadreId, Region, From, To, Kind), new PageRequest(PageNumber, 20), ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        NewCadreId = CadreId ?? 0;
        NewDate = Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRecord) return Forbid();
        byte[]? bytes = null;
        if (NewFile is { Length: > 0 })
        {
            if (NewFile.Length > LedgerFiles.MaxBytes) ModelState.AddModelError(nameof(NewFile), $"附件不能超过 {LedgerFiles.MaxBytes / 1024 / 1024} MB");
            else
            {
                using var ms = new MemoryStream();
                await NewFile.CopyToAsync(ms, ct);
                bytes = ms.ToArray();
            }
        }
        LedgerView? saved = null;
        if (ModelState.ErrorCount == 0 || ModelState.Keys.All(k => k != nameof(NewFile)))
        {
            ModelState.Clear();
            saved = await this.RunCommandAsync(validator, new RecordLedger(NewCadreId, NewDate, NewKind, NewNote, NewFile?.FileName, bytes), c => h.RecordAsync(c, ct), ct);
            if (saved is null && ModelState.IsValid) return NotFound();
        }
        if (saved is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已登记：{saved.CadreName} {saved.Date:yyyy-MM-dd} {LedgerRecord.KindName(saved.Kind)}";
        return Redirect($"/Assessment/Ledger?cadreId={saved.CadreId}");
    }
}
