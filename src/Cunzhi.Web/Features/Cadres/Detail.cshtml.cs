using Cunzhi.Domain.Cadres;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres;

/// <summary>A cadre's whole record: fields, post history, post change, departure, and (with permission) the full numbers.</summary>
[Authorize(Policy = Permissions.CadresRead)]
public sealed class DetailModel(CadreHandlers cadres, IValidator<ChangeCadrePost> postValidator, IValidator<CadreDeparture> departureValidator,
    IAuthorizationService authorization, Care.CadreCareSummaries care,
    Care.CadreRecognitionSummaries recognition, Care.HardshipAssistances assistance) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string NewPost { get; set; } = "";
    [BindProperty] public DateOnly? PostFrom { get; set; }
    [BindProperty] public int? PostTerm { get; set; }
    [BindProperty] public CadreStatus DepartureStatus { get; set; } = CadreStatus.DepartedNormally;
    [BindProperty] public DateOnly? DepartureDate { get; set; }
    [BindProperty] public string? DepartureReason { get; set; }

    public CadreDetail Detail { get; private set; } = null!;
    /// <summary>保险/体检 (关爱), when the account may read it.</summary>
    public Care.CadreCareSummary? Care { get; private set; }
    /// <summary>荣誉表彰, 两代表一委员 and 职业发展 (关爱), when the account may read it.</summary>
    public Care.CadreRecognition? Recognition { get; private set; }
    /// <summary>困难帮扶 at a glance (how many applications, total granted), when the account may read it.</summary>
    public (int Count, long GrantedFen)? Assistance { get; private set; }
    public RevealedNumbers? Revealed { get; private set; }
    public bool CanEdit => User.Can(Permissions.CadresEdit);
    public bool CanReveal { get; private set; }
    public DateOnly Today => cadres.Today;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await cadres.GetAsync(Id, ct) is not { } d) return false;
        Detail = d;
        CanReveal = (await authorization.AuthorizeAsync(User, PersonalDataGrant.RevealPolicy)).Succeeded;
        if (User.Can(Domain.Accounts.Permissions.CareRead)) Care = await care.ForCadreAsync(Id, ct);
        if (User.Can(Domain.Accounts.Permissions.CareRead)) Recognition = await recognition.ForCadreAsync(Id, ct);
        if (User.Can(Domain.Accounts.Permissions.AssistanceRead)) Assistance = await assistance.ForCadreAsync(Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanReveal) return Forbid();
        Revealed = await cadres.RevealAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (PostFrom is null) ModelState.AddModelError(nameof(PostFrom), "请填写新职务的起始日期");
        else if (await this.RunCommandAsync(postValidator, new ChangeCadrePost(NewPost ?? "", PostFrom.Value, PostTerm), c => cadres.ChangePostAsync(Id, c, ct), ct) is { } d)
            Detail = d;
        return Page();
    }

    public async Task<IActionResult> OnPostDepartAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (DepartureDate is null) ModelState.AddModelError(nameof(DepartureDate), "请填写离任日期");
        else if (await this.RunCommandAsync(departureValidator, new CadreDeparture(DepartureStatus, DepartureDate.Value, DepartureReason ?? ""), c => cadres.DepartAsync(Id, c, ct), ct) is { } d)
            Detail = d;
        return Page();
    }
}
