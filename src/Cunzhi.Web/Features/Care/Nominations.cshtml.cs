using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>两代表一委员 (/Care/Nominations): the county's nominations with filters (paged); a county or town records one and its outcome.</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class NominationsModel(Nominations nominations, AppDbContext db, TimeProvider clock, IValidator<RecordNomination> validator,
    IValidator<DecideNomination> decideValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public NominationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public NominationLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public NominationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public NominationKind NewKind { get; set; } = NominationKind.PeoplesCongress;
    [BindProperty] public NominationLevel NewLevel { get; set; } = NominationLevel.County;
    [BindProperty] public int? TermFrom { get; set; }
    [BindProperty] public int? TermTo { get; set; }
    [BindProperty] public long NominationId { get; set; }
    [BindProperty] public NominationStatus Outcome { get; set; }
    [BindProperty] public int? Version { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<NominationView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name, bool InOffice)> Cadres { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.CareNominationsEdit) && CarePageLists.CountyOrTown(db);
    public int ThisYear => clock.Today().Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Villages = await CarePageLists.VillagesAsync(db, ct);
        Cadres = await CarePageLists.CadresAsync(db, Village, ct);
        List = await nominations.ListAsync(new NominationFilter(Village, Defined(Kind), Defined(Level), Defined(Status)), new PageRequest(PageNumber, 50), ct);
    }

    private static T? Defined<T>(T? v) where T : struct, Enum => v is { } x && Enum.IsDefined(x) ? x : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (TermFrom is null || TermTo is null) ModelState.AddModelError(nameof(TermFrom), "请填写届期起止年份");
        else if (await this.RunCommandAsync(validator, new RecordNomination(CadreId, NewKind, NewLevel, TermFrom.Value, TermTo.Value, null),
                     async c => await nominations.RecordAsync(c, ct) ?? throw new RuleException("care.cadre", "CadreId", Nominations.NotFound), ct) is { } n)
        {
            Message = $"已登记 {n.CadreName}：{n.Line}";
            return Redirect($"/Care/Nominations?village={n.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await this.RunCommandAsync(decideValidator, new DecideNomination(Outcome) { Version = Version },
                async c => await nominations.DecideAsync(NominationId, c, ct) ?? throw new RuleException("care.nomination", "NominationId", Nominations.NotFound), ct) is { } n)
        {
            Message = $"已登记 {n.CadreName}：{n.Line}";
            return Redirect($"/Care/Nominations?village={n.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
